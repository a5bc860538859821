package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An item-level 加分 rule (the 加（扣）分 column beside a leaf's score, or 加扣分 rows naming the leaf): points per
 * case by level or fixed, a highest-level-only rule, and a cap. With neither levels nor points, the claimed
 * 分值 counts as written.
 */
public record BonusRule(Map<String, BigDecimal> levels, BigDecimal points, HighestLevel highest, BigDecimal cap) {
    public BonusRule {
        levels = Map.copyOf(levels);
    }

    public static BonusRule capOnly(BigDecimal cap) {
        return cap == null ? null : new BonusRule(Map.of(), null, HighestLevel.NONE, cap);
    }

    /**
     * The most the leaf can gain: the stated cap or, when only one case counts, the best single case; null when
     * unlimited. A number typed into the 加（扣）分 column is checked against this.
     */
    public BigDecimal effectiveCap() {
        if (cap != null) {
            return cap;
        }
        if (highest == HighestLevel.ITEM) {
            return levels.isEmpty() ? points : levels.values().stream().max(BigDecimal::compareTo).orElse(null);
        }
        if (highest == HighestLevel.LEVEL) {
            return levels.isEmpty() ? points : levels.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return null;
    }
}
