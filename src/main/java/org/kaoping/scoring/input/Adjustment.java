package org.kaoping.scoring.input;

import java.math.BigDecimal;

/**
 * A row of a 加扣分 sheet (or a self-assessment's claims sheet): a bonus, deduction or veto for a unit.
 * {@code item} names a rubric bonus/deduction/veto item or a leaf code; {@code points} (分值) may be null
 * where the rubric fixes it; {@code count} defaults to 1. {@code cell} is the 项目 cell; a wrong 级别 or 分值 is
 * reported at its own cell ({@code levelCell}, {@code pointsCell}), so staff land on what to correct.
 */
public record Adjustment(Source source, String unit, String group, long modified, AdjustmentType type, String item,
                         String level, BigDecimal count, BigDecimal points, String evidence, CellRef cell,
                         CellRef levelCell, CellRef pointsCell) {

    public Adjustment {
        levelCell = levelCell == null ? cell : levelCell;
        pointsCell = pointsCell == null ? cell : pointsCell;
    }

    public Adjustment(Source source, String unit, String group, long modified, AdjustmentType type, String item,
                      String level, BigDecimal count, BigDecimal points, String evidence, CellRef cell) {
        this(source, unit, group, modified, type, item, level, count, points, evidence, cell, cell, cell);
    }
}
