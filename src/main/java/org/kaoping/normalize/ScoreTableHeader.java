package org.kaoping.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.text.Text;

/**
 * Where a self-assessment-style score table sits: its header row (anywhere in the first rows) and its
 * columns, found by header text only, never by position.
 */
record ScoreTableHeader(int row, int scoreColumn, int adjustmentColumn, int maxColumn, int categoryColumn,
                        List<Integer> textColumns, int notesColumn) {

    static Optional<ScoreTableHeader> find(SheetGrid grid) {
        int last = Math.min(grid.lastRow(), Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            Optional<ScoreTableHeader> header = at(grid, r);
            if (header.isPresent()) {
                return header;
            }
        }
        return Optional.empty();
    }

    private static Optional<ScoreTableHeader> at(SheetGrid grid, int r) {
        int score = -1;
        int adjustment = -1;
        int max = -1;
        int category = -1;
        int notes = -1;
        List<Integer> texts = new ArrayList<>();
        for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
            String key = Text.key(e.getValue().text());
            int col = e.getKey();
            if (score < 0 && in(Vocabulary.SCORE, key)) {
                score = col;
            } else if (adjustment < 0 && in(Vocabulary.ADJUSTMENT, key)) {
                adjustment = col;
            } else if (max < 0 && in(Vocabulary.MAX, key)) {
                max = col;
            } else if (category < 0 && in(Vocabulary.CATEGORY, key)) {
                category = col;
            } else if (in(Vocabulary.ITEM_TEXT, key)) {
                texts.add(col);
            } else if (notes < 0 && in(Vocabulary.NOTES, key)) {
                notes = col;
            }
        }
        if (score < 0 || (texts.isEmpty() && category < 0)) {
            return Optional.empty();
        }
        return Optional.of(new ScoreTableHeader(r, score, adjustment, max, category, List.copyOf(texts), notes));
    }

    private static boolean in(Set<String> words, String key) {
        return words.contains(key);
    }
}
