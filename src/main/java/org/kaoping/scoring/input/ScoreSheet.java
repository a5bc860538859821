package org.kaoping.scoring.input;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's scores from one sheet (a self-assessment, an inspection sheet, or a matrix row).
 * {@code unit} is the roster name. {@code ownTotal} is the workbook's own 合计, compared but never added.
 * {@code bonusTotal}/{@code deductionTotal} are a matrix's 加分/扣分 columns (deductions positive).
 * {@code modified} orders files of the same group: the newest wins.
 */
public record ScoreSheet(Source source, String unit, String group, CellRef origin, long modified,
                         List<LeafScore> scores, BigDecimal ownTotal, CellRef ownTotalCell,
                         BigDecimal bonusTotal, CellRef bonusCell, BigDecimal deductionTotal, CellRef deductionCell) {
    public ScoreSheet {
        scores = List.copyOf(scores);
    }
}
