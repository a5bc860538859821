package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;

/**
 * A top-level category (一级, e.g. {@code 一 强化政治引领 领导班子好（16分）}). {@code leaves} lists all its
 * leaves in order, whether they hang from indicators or directly from the category.
 */
public record Category(String code, String name, BigDecimal max, int ordinal, List<Indicator> indicators,
                       List<Leaf> leaves) {
    public Category {
        indicators = List.copyOf(indicators);
        leaves = List.copyOf(leaves);
    }
}
