package org.kaoping.scoring.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A 等次 a ranked unit can get. Its conditions must all hold: {@code top}, a quota on the overall rank, and
 * {@code min}, a band on the exact total; a grade with neither takes every unit that reaches it.
 */
public record Grade(String name, Quota top, BigDecimal min) {

    public Grade {
        Objects.requireNonNull(name);
    }

    public boolean admits(int rank, BigDecimal total, int rankedUnits) {
        return (top == null || top.admits(rank, rankedUnits)) && (min == null || total.compareTo(min) >= 0);
    }

    public boolean unconditional() {
        return top == null && min == null;
    }

    /** {@code 优秀：前 10%，总分 ≥ 90}. */
    public String label() {
        List<String> conditions = new ArrayList<>();
        if (top != null) {
            conditions.add(top.label());
        }
        if (min != null) {
            conditions.add("总分 ≥ " + min.stripTrailingZeros().toPlainString());
        }
        return name + "：" + (conditions.isEmpty() ? "其余" : String.join("，", conditions));
    }

    /**
     * The best {@code amount} ranked units, or the best {@code amount}% of them. Rank-based, so a tie that
     * straddles the cut is all in: units that share a rank share their grade.
     */
    public record Quota(BigDecimal amount, boolean percent) {
        private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

        public Quota {
            if (amount.signum() <= 0 || percent && amount.compareTo(HUNDRED) > 0
                    || !percent && amount.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("quota " + amount + (percent ? "%" : ""));
            }
        }

        /** The last rank inside the quota: floor(N × p / 100), but at least 1 when any unit is ranked. */
        public int lastRank(int rankedUnits) {
            if (!percent) {
                return amount.intValueExact();
            }
            int places = BigDecimal.valueOf(rankedUnits).multiply(amount).divide(HUNDRED, 0, RoundingMode.FLOOR)
                    .intValueExact();
            return rankedUnits > 0 ? Math.max(1, places) : 0;
        }

        public boolean admits(int rank, int rankedUnits) {
            return rank <= lastRank(rankedUnits);
        }

        public String label() {
            return "前 " + amount.stripTrailingZeros().toPlainString() + (percent ? "%" : " 名");
        }
    }
}
