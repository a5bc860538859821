package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A 扣分项目: fixed points per case, points per level, or a range the inspectors choose from
 * ({@code 党纪处分 2–6}, so the workbook's 分值 must lie in it). {@code scaled} items are multiplied by the
 * rubric's headcount factor. {@code leafCode} is set for a deduction a criterion states itself
 * (焦作 {@code （六）2}: 通报批评 1次扣2分), so rows naming either the item or the leaf find it. A {@code disqualifies}
 * item also vetoes the unit (湖南 虚假信息: 每条扣 5 分，取消晋级资格), with the consequence of the veto item of its name.
 */
public record DeductionItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                            BigDecimal rangeMin, BigDecimal rangeMax, boolean scaled, String leafCode,
                            boolean disqualifies)
        implements AdjustmentItem {
    public DeductionItem {
        aliases = List.copyOf(aliases);
        levels = Map.copyOf(levels);
    }

    public DeductionItem(String name, List<String> aliases, Map<String, BigDecimal> levels, BigDecimal points,
                         BigDecimal rangeMin, BigDecimal rangeMax, boolean scaled) {
        this(name, aliases, levels, points, rangeMin, rangeMax, scaled, null, false);
    }

    public boolean ranged() {
        return rangeMin != null && rangeMax != null;
    }
}
