package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A 扣分项目: fixed points per case, points per level, or a range the inspectors choose from
 * ({@code 党纪处分 2–6}, so the workbook's 分值 must lie in it). {@code scaled} items are multiplied by the
 * rubric's headcount factor.
 */
public record DeductionItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                            BigDecimal rangeMin, BigDecimal rangeMax, boolean scaled) implements AdjustmentItem {
    public DeductionItem {
        aliases = List.copyOf(aliases);
        levels = Map.copyOf(levels);
    }

    public boolean ranged() {
        return rangeMin != null && rangeMax != null;
    }
}
