package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A 加分项目: points per case fixed by level ({@code 国家级 5, 省部级 3}) or, without levels, a fixed
 * {@code points} value; when neither is set the claim's own 分值 is used. {@code cap} limits the item;
 * {@code highest} says whether the same achievement at several levels counts once.
 */
public record BonusItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                        BigDecimal cap, HighestLevel highest) implements AdjustmentItem {
    public BonusItem {
        aliases = List.copyOf(aliases);
        levels = Map.copyOf(levels);
    }

    public BonusItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                     BigDecimal cap) {
        this(name, aliases, levels, points, cap, HighestLevel.NONE);
    }

    /** The item's rule in the form leaf rules take, so both are counted by the same code. */
    public BonusRule rule() {
        return new BonusRule(levels, points, highest, cap);
    }
}
