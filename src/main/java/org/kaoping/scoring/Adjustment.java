package org.kaoping.scoring;

import java.math.BigDecimal;

/**
 * A row of a 加扣分 sheet (or a self-assessment's claims sheet): a bonus, deduction or veto for a unit.
 * {@code item} names a rubric bonus/deduction/veto item or a leaf code; {@code points} (分值) may be null
 * where the rubric fixes it; {@code count} defaults to 1.
 */
public record Adjustment(Source source, String unit, String group, long modified, AdjustmentType type, String item,
                         String level, BigDecimal count, BigDecimal points, String evidence, CellRef cell) {
}
