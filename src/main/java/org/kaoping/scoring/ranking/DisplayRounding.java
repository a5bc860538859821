package org.kaoping.scoring.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a score is rounded to the 2 places it is shown with. Scores stay exact everywhere else (ranking,
 * bands, sums): a campaign picks only how the result looks, never how it is computed.
 */
public enum DisplayRounding {
    HALF_UP("half-up", RoundingMode.HALF_UP, "四舍五入"),
    /** GB/T 8170 数值修约: a trailing 5 with nothing after it rounds to the even neighbour. */
    HALF_EVEN("half-even", RoundingMode.HALF_EVEN, "四舍六入五成双（GB/T 8170）");

    public static final int PLACES = 2;

    private final String key;
    private final RoundingMode mode;
    private final String label;

    DisplayRounding(String key, RoundingMode mode, String label) {
        this.key = key;
        this.mode = mode;
        this.label = label;
    }

    /** The value written in a campaign's {@code ranking.rounding}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public BigDecimal shown(BigDecimal value) {
        return value == null ? null : value.setScale(PLACES, mode);
    }

    public String format(BigDecimal value) {
        return value == null ? "" : shown(value).toPlainString();
    }
}
