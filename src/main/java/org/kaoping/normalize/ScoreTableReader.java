package org.kaoping.normalize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.text.Text;

/**
 * Reads the rows of a score table (self-assessment layout, also an inspection group's sheet per unit):
 * each item row becomes a {@link LeafScore} with its cell, the trailing 合计 row the sheet's own total.
 * Rows that match no leaf come back as findings, never as a crash.
 */
final class ScoreTableReader {

    record Table(List<LeafScore> scores, BigDecimal ownTotal, CellRef ownTotalCell, List<Finding> findings) {
    }

    /** A problem found while reading, not yet tied to a unit. */
    record Finding(DiscrepancyKind kind, CellRef cell, String item, String message) {
    }

    private final Rubric rubric;
    private final LeafMatcher.Index leaves;

    ScoreTableReader(Rubric rubric) {
        this.rubric = rubric;
        this.leaves = new LeafMatcher.Index(rubric);
    }

    Table read(SheetGrid grid, ScoreTableHeader header, String file) {
        LeafMatcher matcher = new LeafMatcher(leaves);
        List<LeafScore> scores = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        BigDecimal ownTotal = null;
        CellRef ownTotalCell = null;
        List<Integer> itemRows = new ArrayList<>();
        for (int r = header.row() + 1; r <= grid.lastRow(); r++) {
            if (isTotalRow(grid, r)) {
                GridCell cell = grid.own(r, header.scoreColumn());
                ownTotal = ScoreValues.parse(cell);
                ownTotalCell = ref(grid, file, r, header.scoreColumn());
                break;
            }
            if (isItemRow(grid, header, r) && !repeatsHeader(grid, header, r)) {
                itemRows.add(r);
            }
        }
        // What a row says outweighs where it sits: a row added or re-typed mid-category must not take, by
        // position, the leaf that a later row names, shifting every row after it.
        Map<Integer, Leaf> byContent = new HashMap<>();
        for (int r : itemRows) {
            matcher.matchByContent(texts(grid, header, r)).ifPresent(leaf -> byContent.put(r, leaf));
        }
        Leaf previous = null;
        for (int r : itemRows) {
            String category = header.categoryColumn() < 0 ? "" : grid.get(r, header.categoryColumn()).text();
            List<String> texts = texts(grid, header, r);
            CellRef scoreCell = ref(grid, file, r, header.scoreColumn());
            Leaf previousRow = previous;
            Optional<Leaf> leaf = Optional.ofNullable(byContent.get(r))
                    .or(() -> matcher.matchByPosition(category, previousRow));
            if (leaf.isEmpty()) {
                findings.add(new Finding(DiscrepancyKind.UNMATCHED_ROW, scoreCell, describe(texts),
                        "第 " + (r + 1) + " 行无法对应到评分细则中的评分项，未计分"));
                continue;
            }
            previous = leaf.get();
            GridCell raw = grid.own(r, header.scoreColumn());
            BigDecimal adjustment = null;
            CellRef adjustmentCell = null;
            if (header.adjustmentColumn() >= 0) {
                GridCell adj = grid.own(r, header.adjustmentColumn());
                if (!adj.isEmpty()) {
                    adjustment = ScoreValues.parse(adj);
                    adjustmentCell = ref(grid, file, r, header.adjustmentColumn());
                    if (adjustment == null) {
                        findings.add(new Finding(DiscrepancyKind.UNREADABLE_SCORE, adjustmentCell, leaf.get().label(),
                                "加（扣）分“" + Text.oneLine(adj.text()) + "”不是数值，未计"));
                    }
                }
            }
            scores.add(new LeafScore(leaf.get().code(), ScoreValues.parse(raw), Text.oneLine(raw.text()), scoreCell,
                    adjustment, adjustmentCell));
        }
        return new Table(scores, ownTotal, ownTotalCell, findings);
    }

    private static List<String> texts(SheetGrid grid, ScoreTableHeader header, int r) {
        // A loop, not a stream: this runs for every row of every self-assessment.
        List<Integer> columns = header.textColumns();
        String[] texts = new String[columns.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = grid.get(r, columns.get(i)).text();
        }
        return Arrays.asList(texts);
    }

    /** A trailing row whose first non-empty cell says 合计/总分/总计/得分合计. */
    static boolean isTotalRow(SheetGrid grid, int r) {
        for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
            if (!e.getValue().isEmpty()) {
                return Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, e.getValue().text());
            }
        }
        return false;
    }

    /**
     * A table printed over several pages repeats its header (焦作's table does, before （四）); a unit re-typing
     * it keeps that row. Its score cell holds the score header word, never a score.
     */
    private static boolean repeatsHeader(SheetGrid grid, ScoreTableHeader h, int r) {
        return Vocabulary.isOneOf(Vocabulary.SCORE, grid.own(r, h.scoreColumn()).text());
    }

    /**
     * A row holds an item when it has a score, a maximum or an adjustment, or its most specific text cell
     * has text of its own (not merely a merged category or indicator above it).
     */
    private static boolean isItemRow(SheetGrid grid, ScoreTableHeader h, int r) {
        if (!grid.own(r, h.scoreColumn()).isEmpty()) {
            return true;
        }
        if (h.maxColumn() >= 0 && !grid.own(r, h.maxColumn()).isEmpty()) {
            return true;
        }
        if (h.adjustmentColumn() >= 0 && !grid.own(r, h.adjustmentColumn()).isEmpty()) {
            return true;
        }
        if (h.textColumns().isEmpty()) {
            return false;
        }
        int specific = h.textColumns().get(h.textColumns().size() - 1);
        return !grid.own(r, specific).isEmpty() && !grid.isMergeContinuation(r, specific);
    }

    private static String describe(List<String> texts) {
        String joined = String.join(" ", texts.stream().map(Text::oneLine).filter(s -> !s.isEmpty()).toList());
        return joined.length() > 40 ? joined.substring(0, 40) + "…" : joined;
    }

    static CellRef ref(SheetGrid grid, String file, int row, int col) {
        return new CellRef(file, grid.name(), CellRef.a1(row, col));
    }
}
