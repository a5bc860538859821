package org.kaoping.scoring;

import java.math.BigDecimal;

/** When self and official scores differ enough to report: per leaf (self − official ≥ leaf) and per unit total. */
public record GapThresholds(BigDecimal leaf, BigDecimal total) {
    public static final GapThresholds DEFAULT = new GapThresholds(BigDecimal.ONE, new BigDecimal("5"));
}
