package org.kaoping.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.SpreadsheetVersion;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.ranking.DisplayRounding;

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
    // Markup as bytes, made once: copied whole rather than char by char from a String in every cell.
    private static final byte[] ROW_OPEN = ascii7("<row r=\"");
    private static final byte[] ROW_OPEN_END = ascii7("\">");
    private static final byte[] ROW_CLOSE = ascii7("</row>");
    private static final byte[] CELL_OPEN = ascii7("<c r=\"");
    private static final byte[] STYLE_OPEN = ascii7("\" s=\"");
    private static final byte[] QUOTE = ascii7("\"");
    private static final byte[] EMPTY_CELL = ascii7("/>");
    private static final byte[] VALUE_OPEN = ascii7("><v>");
    private static final byte[] VALUE_CLOSE = ascii7("</v></c>");
    private static final byte[] SHARED_OPEN = ascii7(" t=\"s\"><v>");
    private static final byte[] INLINE_OPEN = ascii7(" t=\"inlineStr\"><is><t");
    private static final byte[] PRESERVE = ascii7(" xml:space=\"preserve\"");
    private static final byte[] TAG_END = ascii7(">");
    private static final byte[] INLINE_CLOSE = ascii7("</t></is></c>");

    private final OutputStream out;
    private Styles styles;
    private final DisplayRounding rounding;
    private final Map<String, Integer> shared;
    // Scores are mostly whole and half points: each is formatted once, and kept as the bytes written.
    private final Map<BigDecimal, byte[]> shown = new HashMap<>();
    // Made once: a method reference in the call would be a new object for every score cell.
    private final Function<BigDecimal, byte[]> formatter = this::shownBytes;
    private final List<byte[]> letters = new ArrayList<>();
    // Every cell of a row names the row (its digits are copied from the row's start tag), and nearly every cell
    // one of a few styles (their digits are made once).
    private int rowDigitsAt;
    private int rowDigitsLength;
    private byte[][] styleDigits = new byte[0][];
    // Bytes, not chars: the rows are UTF-8, and encoding a buffer of text again at every flush cost as much as
    // making the rows (a buffer holding one Chinese text is kept in UTF-16 and encoded the slow way).
    private byte[] buffer;
    private int length;
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

    /** {@code capacity}: the bytes buffered before they are written out, for writers of a few rows. */
    RowWriter(OutputStream out, int rowsBefore, Styles styles, DisplayRounding rounding, Map<String, Integer> shared,
              int capacity) {
        this(out, rowsBefore, styles, rounding, shared, new byte[Math.max(capacity, 256)]);
    }

    /**
     * Rows kept in memory, in {@code buffer} (grown as needed): for rows rendered to be stored, read back with
     * {@link #buffer()} and {@link #size()} once {@link #finish() finished}.
     */
    static RowWriter inMemory(int rowsBefore, Styles styles, DisplayRounding rounding, Map<String, Integer> shared,
                              byte[] buffer) {
        return new RowWriter(null, rowsBefore, styles, rounding, shared, buffer);
    }

    private RowWriter(OutputStream out, int rowsBefore, Styles styles, DisplayRounding rounding,
                      Map<String, Integer> shared, byte[] buffer) {
        this.buffer = buffer;
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
        bytes(ROW_OPEN);
        rowDigitsAt = length;
        digits(row);
        rowDigitsLength = length - rowDigitsAt;
        bytes(ROW_OPEN_END);
    }

    /** Leaves the next cell out (no cell, no border): a gap between two tables side by side. */
    void skip() {
        column++;
    }

    /** A text cell, always a string (never a formula); blank but bordered when null or empty. */
    void text(String value) {
        cell(styles.text());
        textContent(value);
    }

    /**
     * A text cell whose content was {@link #prepare prepared}: for a text written in many rows (a leaf's name in
     * every unit's rows), looked up in the shared strings once rather than in every row.
     */
    void prepared(Prepared value) {
        cell(styles.text());
        bytes(value.markup());
    }

    /** A text's cell content, after the cell's reference and style, as {@link #text(String)} writes it. */
    record Prepared(byte[] markup) {
    }

    /** {@code value} made ready to write into many rows of this writer's workbook. */
    Prepared prepare(String value) {
        return prepare(value, shared);
    }

    /** {@code value} made ready to write into many rows of a workbook whose shared strings are {@code shared}. */
    static Prepared prepare(String value, Map<String, Integer> shared) {
        RowWriter once = new RowWriter(null, 0, null, null, shared, new byte[256]);
        once.textContent(value);
        return new Prepared(Arrays.copyOf(once.buffer, once.length));
    }

    private void textContent(String value) {
        if (value == null || value.isEmpty()) {
            bytes(EMPTY_CELL);
            return;
        }
        Integer index = shared.get(value);
        if (index != null) {
            bytes(SHARED_OPEN);
            digits(index);
            bytes(VALUE_CLOSE);
            return;
        }
        String s = value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
        bytes(INLINE_OPEN);
        if (!s.equals(s.strip())) {
            bytes(PRESERVE);
        }
        bytes(TAG_END);
        escaped(s);
        bytes(INLINE_CLOSE);
    }

    /** A score as the campaign shows it; blank but bordered when null. */
    void score(BigDecimal value) {
        cell(styles.score());
        if (value == null) {
            bytes(EMPTY_CELL);
            return;
        }
        byte[] text = shown.size() < 10_000 ? shown.computeIfAbsent(value, formatter) : shownBytes(value);
        bytes(VALUE_OPEN);
        bytes(text);
        bytes(VALUE_CLOSE);
    }

    private byte[] shownBytes(BigDecimal value) {
        return rounding.shown(value).toPlainString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A number shown as it is (a rank, a count); blank but bordered when null. */
    void number(Number value) {
        cell(styles.number());
        if (value == null) {
            bytes(EMPTY_CELL);
            return;
        }
        bytes(VALUE_OPEN);
        if (value instanceof Integer || value instanceof Long) {
            digits(value.longValue());
        } else {
            ascii(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
        bytes(VALUE_CLOSE);
    }

    /** Ends the last row and writes out what is buffered; the stream stays open (it is the package's). */
    void finish() throws IOException {
        endRow();
        flush();
    }

    private void endRow() throws IOException {
        if (open) {
            bytes(ROW_CLOSE);
            open = false;
        }
        if (out != null && length >= FLUSH_AT) {
            flush();
        }
    }

    private void cell(int style) {
        while (letters.size() <= column) {
            letters.add(CellRef.letters(letters.size()).getBytes(StandardCharsets.US_ASCII));
        }
        bytes(CELL_OPEN);
        bytes(letters.get(column));
        // The buffer is not flushed within a row, so the row's digits are still where its start tag put them.
        room(rowDigitsLength);
        System.arraycopy(buffer, rowDigitsAt, buffer, length, rowDigitsLength);
        length += rowDigitsLength;
        bytes(STYLE_OPEN);
        bytes(styleDigits(style));
        bytes(QUOTE);
        column++;
    }

    private byte[] styleDigits(int style) {
        if (style >= styleDigits.length) {
            styleDigits = Arrays.copyOf(styleDigits, style + 1);
        }
        byte[] digits = styleDigits[style];
        if (digits == null) {
            digits = styleDigits[style] = Integer.toString(style).getBytes(StandardCharsets.US_ASCII);
        }
        return digits;
    }

    private static byte[] ascii7(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }

    private void flush() throws IOException {
        if (out != null) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }

    /** An in-memory writer's buffer: its first {@link #size()} bytes are the rows. */
    byte[] buffer() {
        return buffer;
    }

    int size() {
        return length;
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    /** Markup and digits: ASCII only. */
    private void ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
    }

    /**
     * A whole number's digits; a small one's (shared-string indexes, ranks) made once per process, the rest in
     * place: a string per cell was a fifth of what writing 分项得分 allocated.
     */
    private void digits(long v) {
        if (v >= 0 && v < SmallNumbers.COUNT) {
            int from = SmallNumbers.START[(int) v];
            int to = SmallNumbers.START[(int) v + 1];
            room(to - from);
            System.arraycopy(SmallNumbers.DIGITS, from, buffer, length, to - from);
            length += to - from;
            return;
        }
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        int n = 0;
        for (long rest = v; rest > 0; rest /= 10) {
            n++;
        }
        room(n);
        for (int i = length + n - 1; i >= length; i--, v /= 10) {
            buffer[i] = (byte) ('0' + v % 10);
        }
        length += n;
    }

    /** The digits of 0 to COUNT - 1, one after another: made when first used, by the class's initialisation. */
    private static final class SmallNumbers {
        static final int COUNT = 1 << 14;
        static final int[] START = new int[COUNT + 1];
        static final byte[] DIGITS;

        static {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < COUNT; i++) {
                START[i] = all.length();
                all.append(i);
            }
            START[COUNT] = all.length();
            DIGITS = all.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Text as UTF-8, escaped as {@link #escape} does. */
    private void escaped(String s) {
        room(s.length() * 6);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '&' -> ascii("&amp;");
                    case '\t', '\n', '\r' -> buffer[length++] = (byte) c;
                    default -> buffer[length++] = (byte) (c < 0x20 ? '?' : c);
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xC0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buffer[length++] = (byte) (0xF0 | cp >> 18);
                buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buffer[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                // XML cannot carry U+FFFE, U+FFFF or a lone surrogate: '?', as POI writes them.
                char shownAs = c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c) ? '?' : c;
                if (shownAs == '?') {
                    buffer[length++] = '?';
                } else {
                    buffer[length++] = (byte) (0xE0 | c >> 12);
                    buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    buffer[length++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
    }
}
