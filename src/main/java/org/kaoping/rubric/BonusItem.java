package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A 加分项目: points per case fixed by level ({@code 国家级 5, 省部级 3}) or, without levels, a fixed
 * {@code points} value; when neither is set the claim's own 分值 is used. {@code cap} limits the item.
 */
public record BonusItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                        BigDecimal cap) implements AdjustmentItem {
    public BonusItem {
        aliases = List.copyOf(aliases);
        levels = Map.copyOf(levels);
    }
}
