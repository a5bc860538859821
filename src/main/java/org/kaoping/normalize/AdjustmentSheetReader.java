package org.kaoping.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Text;

/**
 * Reads a 加扣分 sheet: columns 单位名称 (inspection workbooks only), 类型, 项目, 级别, 次数/数量, 分值,
 * 说明/佐证, found by header text.
 */
final class AdjustmentSheetReader {

    record Header(int row, int unit, int type, int item, int level, int count, int points, int evidence) {
    }

    /** One row as written; {@code type} is null when 类型 is not 加分/扣分/否决. */
    record Row(String unitName, CellRef unitCell, AdjustmentType type, String typeText, String item, String level,
               BigDecimal count, BigDecimal points, String evidence, CellRef cell, CellRef levelCell,
               CellRef pointsCell, DiscrepancyKind problemKind, CellRef problemCell, String problem) {
    }

    static boolean looksLikeAdjustmentSheet(SheetGrid grid) {
        String name = Text.key(grid.name());
        return Vocabulary.ADJUSTMENT_SHEET_NAMES.stream().anyMatch(name::contains) || findHeader(grid).isPresent();
    }

    static Optional<Header> findHeader(SheetGrid grid) {
        int last = Math.min(grid.lastRow(), Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            Map<Integer, GridCell> row = grid.row(r);
            int type = column(row, Vocabulary.ADJ_TYPE);
            int item = column(row, Vocabulary.ADJ_ITEM);
            if (type >= 0 && item >= 0) {
                return Optional.of(new Header(r, column(row, Vocabulary.ADJ_UNIT), type, item,
                        column(row, Vocabulary.ADJ_LEVEL), column(row, Vocabulary.ADJ_COUNT),
                        column(row, Vocabulary.ADJ_POINTS), column(row, Vocabulary.ADJ_EVIDENCE)));
            }
        }
        return Optional.empty();
    }

    static List<Row> read(SheetGrid grid, Header h, String file) {
        List<Row> rows = new ArrayList<>();
        for (int r = h.row() + 1; r <= grid.lastRow(); r++) {
            String typeText = text(grid, r, h.type());
            String item = text(grid, r, h.item());
            if (typeText.isEmpty() && item.isEmpty()) {
                continue;
            }
            CellRef cell = ScoreTableReader.ref(grid, file, r, h.item());
            CellRef levelCell = h.level() < 0 ? cell : ScoreTableReader.ref(grid, file, r, h.level());
            CellRef pointsCell = h.points() < 0 ? cell : ScoreTableReader.ref(grid, file, r, h.points());
            AdjustmentType type = AdjustmentType.parse(typeText).orElse(null);
            String problem = type == null ? "类型“" + typeText + "”应为 加分、扣分 或 否决" : null;
            DiscrepancyKind problemKind = type == null ? DiscrepancyKind.UNKNOWN_ITEM : null;
            CellRef problemCell = type == null ? ScoreTableReader.ref(grid, file, r, h.type()) : null;
            BigDecimal count = BigDecimal.ONE;
            if (h.count() >= 0 && !grid.own(r, h.count()).isEmpty()) {
                count = ScoreValues.parse(grid.own(r, h.count()));
                if (count == null || count.signum() <= 0) {
                    problem = "次数“" + text(grid, r, h.count()) + "”不是正数";
                    problemKind = DiscrepancyKind.UNREADABLE_SCORE;
                    problemCell = ScoreTableReader.ref(grid, file, r, h.count());
                    count = null;
                }
            }
            BigDecimal points = null;
            if (h.points() >= 0 && !grid.own(r, h.points()).isEmpty()) {
                points = ScoreValues.parse(grid.own(r, h.points()));
                if (points == null) {
                    problem = "分值“" + text(grid, r, h.points()) + "”不是数值";
                    problemKind = DiscrepancyKind.UNREADABLE_SCORE;
                    problemCell = pointsCell;
                }
            }
            rows.add(new Row(text(grid, r, h.unit()), h.unit() < 0 ? null : ScoreTableReader.ref(grid, file, r, h.unit()),
                    type, typeText, item, text(grid, r, h.level()), count, points, text(grid, r, h.evidence()), cell,
                    levelCell, pointsCell, problemKind, problemCell, problem));
        }
        return rows;
    }

    private static int column(Map<Integer, GridCell> row, Set<String> words) {
        for (Map.Entry<Integer, GridCell> e : row.entrySet()) {
            if (words.contains(Text.key(e.getValue().text()))) {
                return e.getKey();
            }
        }
        return -1;
    }

    private static String text(SheetGrid grid, int r, int col) {
        return col < 0 ? "" : Text.oneLine(grid.get(r, col).text());
    }
}
