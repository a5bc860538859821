package org.kaoping.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores are exact; they are rounded once, half-up to 2 places, only when shown. */
public final class Decimals {
    private Decimals() {
    }

    public static BigDecimal shown(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal value) {
        return value == null ? "" : shown(value).toPlainString();
    }

    public static BigDecimal clamp(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.max(min).min(max);
    }
}
