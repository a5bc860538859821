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
}
