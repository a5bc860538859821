package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;

/** The middle level of a three-level rubric (二级指标, e.g. {@code 政治建设 11分}). */
public record Indicator(String code, String name, BigDecimal max, List<Leaf> leaves) {
    public Indicator {
        leaves = List.copyOf(leaves);
    }
}
