package org.kaoping.rubric;

import java.math.BigDecimal;

/** Staff numbers from {@code min} to {@code max} (inclusive; {@code max} null = no upper bound) scale deductions by {@code factor}. */
public record HeadcountBand(int min, Integer max, BigDecimal factor) {
    public boolean contains(int headcount) {
        return headcount >= min && (max == null || headcount <= max);
    }
}
