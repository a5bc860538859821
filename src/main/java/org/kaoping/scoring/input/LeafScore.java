package org.kaoping.scoring.input;

import java.math.BigDecimal;

/**
 * One leaf's score as a workbook gives it. {@code value} is null when the cell is blank ({@code raw} empty)
 * or unreadable ({@code raw} holds what was there, e.g. {@code 良好}). {@code adjustment} is the item-level
 * 加（扣）分 beside it, if any.
 */
public record LeafScore(String leafCode, BigDecimal value, String raw, CellRef cell, BigDecimal adjustment,
                        CellRef adjustmentCell) {

    public static LeafScore of(String leafCode, BigDecimal value, String raw, CellRef cell) {
        return new LeafScore(leafCode, value, raw, cell, null, null);
    }

    public boolean blank() {
        return value == null && (raw == null || raw.isBlank());
    }

    public boolean unreadable() {
        return value == null && !blank();
    }
}
