package org.kaoping.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.kaoping.scoring.DisplayRounding;

/**
 * Writes worksheet rows as SpreadsheetML straight into the package, for a sheet too long to build as POI cells
 * (分项得分 has a row per unit and leaf: 130,000 rows at 5,000 units on the Shanxi rubric). The cells are what
 * {@link SheetStyles} makes — bordered text (a shared string where the table has it, else inline), scores rounded
 * for display in the 0.00 style — so the sheet reads the same as the others; only the POI row and cell objects
 * and the temp file are skipped.
 */
final class RowWriter {
    private static final int FLUSH_AT = 1 << 16;
    static final int CAPACITY = FLUSH_AT + 4096;
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final OutputStream out;
    private Styles styles;
    private final DisplayRounding rounding;
    private final Map<String, Integer> shared;
    // Scores are mostly whole and half points: each is formatted once.
    private final Map<BigDecimal, String> shown = new HashMap<>();
    private final List<String> letters = new ArrayList<>();
    private final StringBuilder buffer;
    private int row;
    private int column;
    private boolean open;

    /**
     * {@code rowsBefore}: the rows POI has already written above (the header); {@code shared}: texts already in
     * the workbook's shared-strings table, by index — written as a reference, not spelt out in every row.
     */
    RowWriter(OutputStream out, int rowsBefore, Styles styles, DisplayRounding rounding, Map<String, Integer> shared) {
        this(out, rowsBefore, styles, rounding, shared, CAPACITY);
    }

    /** {@code capacity}: the text buffered before it is written out, for writers of a few rows. */
    RowWriter(OutputStream out, int rowsBefore, Styles styles, DisplayRounding rounding, Map<String, Integer> shared,
              int capacity) {
        this.buffer = new StringBuilder(capacity);
        this.out = out;
        this.shared = shared;
        this.row = rowsBefore;
        this.styles = styles;
        this.rounding = rounding;
    }

    /** The workbook's style indexes for text, score and plain number cells. */
    record Styles(int text, int score, int number) {
    }

    /** The styles of the cells that follow (a tinted row's, say) until changed again. */
    void use(Styles next) {
        this.styles = next;
    }

    /** Starts the next row (ending the previous one). */
    void row() throws IOException {
        endRow();
        row++;
        column = 0;
        open = true;
        buffer.append("<row r=\"").append(row).append("\">");
    }

    /** Leaves the next cell out (no cell, no border): a gap between two tables side by side. */
    void skip() {
        column++;
    }

    /** A text cell, always a string (never a formula); blank but bordered when null or empty. */
    void text(String value) {
        cell(styles.text());
        if (value == null || value.isEmpty()) {
            buffer.append("/>");
            return;
        }
        Integer index = shared.get(value);
        if (index != null) {
            buffer.append(" t=\"s\"><v>").append(index).append("</v></c>");
            return;
        }
        String s = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
        buffer.append(" t=\"inlineStr\"><is><t");
        if (!s.equals(s.strip())) {
            buffer.append(" xml:space=\"preserve\"");
        }
        buffer.append('>');
        escape(buffer, s);
        buffer.append("</t></is></c>");
    }

    /** A score as the campaign shows it; blank but bordered when null. */
    void score(BigDecimal value) {
        cell(styles.score());
        if (value == null) {
            buffer.append("/>");
            return;
        }
        String text = shown.size() < 10_000 ? shown.computeIfAbsent(value, v -> rounding.shown(v).toPlainString())
                : rounding.shown(value).toPlainString();
        buffer.append("><v>").append(text).append("</v></c>");
    }

    /** A number shown as it is (a rank, a count); blank but bordered when null. */
    void number(Number value) {
        cell(styles.number());
        if (value == null) {
            buffer.append("/>");
            return;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        buffer.append("><v>").append(text).append("</v></c>");
    }

    /** Ends the last row and writes out what is buffered; the stream stays open (it is the package's). */
    void finish() throws IOException {
        endRow();
        flush();
    }

    private void endRow() throws IOException {
        if (open) {
            buffer.append("</row>");
            open = false;
        }
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void cell(int style) {
        while (letters.size() <= column) {
            letters.add(CellReference.convertNumToColString(letters.size()));
        }
        buffer.append("<c r=\"").append(letters.get(column)).append(row)
                .append("\" s=\"").append(style).append('"');
        column++;
    }

    private void flush() throws IOException {
        out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        buffer.setLength(0);
    }

    /** XML 1.0 text: markup escaped; control characters XML cannot carry become '?', as POI writes them. */
    static void escape(StringBuilder buffer, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> buffer.append("&lt;");
                case '>' -> buffer.append("&gt;");
                case '&' -> buffer.append("&amp;");
                case '\t', '\n', '\r' -> buffer.append(c);
                default -> buffer.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '?' : c);
            }
        }
    }
}
