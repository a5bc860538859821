package org.kaoping.normalize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Text;

/**
 * Finds a labelled value above a table: a cell that starts with one of the labels followed by {@code ：}/{@code :}
 * and the value in the same cell, or with the value in the next non-empty cell to its right.
 */
final class Labels {
    private static final Pattern ANNOTATION = Pattern.compile("^\\([^()]{1,8}\\)");

    private Labels() {
    }

    record Found(String value, CellRef cell) {
    }

    static Optional<Found> find(SheetGrid grid, String file, int beforeRow, List<String> labels) {
        int last = Math.min(beforeRow < 0 ? grid.lastRow() : beforeRow - 1, Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                String text = Text.clean(e.getValue().text());
                String compact = Text.withoutWhitespace(text);
                for (String label : labels) {
                    String rest = afterLabel(text, compact, label);
                    if (rest == null) {
                        continue;
                    }
                    if (!Text.isBlank(rest)) {
                        return Optional.of(new Found(Text.oneLine(rest), new CellRef(file, grid.name(), CellRef.a1(r, e.getKey()))));
                    }
                    for (Map.Entry<Integer, GridCell> next : grid.row(r).entrySet()) {
                        if (next.getKey() > e.getKey() && !next.getValue().isEmpty()) {
                            return Optional.of(new Found(Text.oneLine(next.getValue().text()),
                                    new CellRef(file, grid.name(), CellRef.a1(r, next.getKey()))));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The text after {@code label:}; null when the cell ({@code text}, and {@code compact}: the same without
     * whitespace) is not that label.
     */
    private static String afterLabel(String text, String compact, String label) {
        if (!compact.startsWith(label)) {
            return null;
        }
        // 填报单位（盖章）：X — an annotation in brackets may sit between the label and its colon
        String rest = ANNOTATION.matcher(compact.substring(label.length())).replaceFirst("");
        if (rest.isEmpty()) {
            return "";
        }
        if (rest.charAt(0) != ':') {
            return null;
        }
        // keep the original spacing of the value itself
        int colon = text.indexOf(':');
        return colon < 0 ? rest.substring(1) : text.substring(colon + 1);
    }
}
