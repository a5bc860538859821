package org.kaoping.scoring;

import java.math.BigDecimal;
import org.kaoping.scoring.ranking.DisplayRounding;

/** Scores are exact; they are rounded once, only when shown, by the campaign's {@link DisplayRounding}. */
public final class Decimals {
    private Decimals() {
    }

    public static BigDecimal clamp(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.max(min).min(max);
    }

    /** A value as a discrepancy's message quotes it: exact, without trailing zeros ({@code 4}, {@code 0.5}). */
    public static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
