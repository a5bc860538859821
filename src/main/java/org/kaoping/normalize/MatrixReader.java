package org.kaoping.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.rubric.Leaf;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.text.Text;

/**
 * Reads an inspection matrix (汇总表): a header row with 单位名称 and one column per leaf, labelled by the
 * leaf's code or by its position as category.item in any spelling ({@code 1.1}, {@code 1-1}, {@code 一.1},
 * {@code 一、1}, {@code （一）1}, {@code (一)1}); then optional 加分, 扣分, 合计 columns; one row per unit.
 */
final class MatrixReader {

    record Row(String unitName, CellRef unitCell, List<LeafScore> scores, BigDecimal ownTotal, CellRef ownTotalCell,
               BigDecimal bonus, CellRef bonusCell, BigDecimal deduction, CellRef deductionCell) {
    }

    record Header(int row, int unitColumn, Map<Integer, Leaf> leafColumns, int bonusColumn, int deductionColumn,
                  int totalColumn) {
    }

    private final LeafLabels labels;

    MatrixReader(LeafLabels labels) {
        this.labels = labels;
    }

    Optional<Header> findHeader(SheetGrid grid) {
        int last = Math.min(grid.lastRow(), Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            int unit = -1;
            int bonus = -1;
            int deduction = -1;
            int total = -1;
            Map<Integer, Leaf> leaves = new LinkedHashMap<>();
            for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                String key = Text.key(e.getValue().text());
                if (unit < 0 && Vocabulary.MATRIX_UNIT.contains(key)) {
                    unit = e.getKey();
                } else if (Vocabulary.MATRIX_BONUS.contains(key)) {
                    bonus = e.getKey();
                } else if (Vocabulary.MATRIX_DEDUCTION.contains(key)) {
                    deduction = e.getKey();
                } else if (Vocabulary.MATRIX_TOTAL.contains(key)) {
                    total = e.getKey();
                } else {
                    leafFor(e.getValue().text()).or(() -> labels.fromAutoDate(e.getValue()))
                            .ifPresent(leaf -> leaves.put(e.getKey(), leaf));
                }
            }
            if (unit >= 0 && !leaves.isEmpty()) {
                return Optional.of(new Header(r, unit, leaves, bonus, deduction, total));
            }
        }
        return Optional.empty();
    }

    List<Row> read(SheetGrid grid, Header header, String file) {
        List<Row> rows = new ArrayList<>();
        for (int r = header.row() + 1; r <= grid.lastRow(); r++) {
            GridCell unitCell = grid.get(r, header.unitColumn());
            if (unitCell.isEmpty() || ScoreTableReader.isTotalRow(grid, r)) {
                continue;
            }
            List<LeafScore> scores = new ArrayList<>();
            for (Map.Entry<Integer, Leaf> e : header.leafColumns().entrySet()) {
                GridCell raw = grid.own(r, e.getKey());
                scores.add(LeafScore.of(e.getValue().code(), ScoreValues.parse(raw), Text.oneLine(raw.text()),
                        ScoreTableReader.ref(grid, file, r, e.getKey())));
            }
            rows.add(new Row(Text.oneLine(unitCell.text()), ScoreTableReader.ref(grid, file, r, header.unitColumn()),
                    scores, value(grid, r, header.totalColumn()), cell(grid, file, r, header.totalColumn()),
                    value(grid, r, header.bonusColumn()), cell(grid, file, r, header.bonusColumn()),
                    value(grid, r, header.deductionColumn()), cell(grid, file, r, header.deductionColumn())));
        }
        return rows;
    }

    /** The leaf a column label names: its code first, else its position. */
    Optional<Leaf> leafFor(String label) {
        return labels.resolve(label);
    }

    private static BigDecimal value(SheetGrid grid, int r, int col) {
        return col < 0 ? null : ScoreValues.parse(grid.own(r, col));
    }

    private static CellRef cell(SheetGrid grid, String file, int r, int col) {
        return col < 0 ? null : ScoreTableReader.ref(grid, file, r, col);
    }
}
