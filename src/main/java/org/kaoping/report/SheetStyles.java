package org.kaoping.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.text.Text;

/**
 * The look shared by every report workbook: one set of cell styles per workbook (Excel caps their number,
 * so they are never created per cell), tables with a frozen, filterable, printed-on-every-page header,
 * and A4 landscape pages one page wide, as committees print them.
 */
public final class SheetStyles {
    /** The rows a {@link #table} starts with (its header), above any rows streamed or rendered into it. */
    static final int HEADER_ROWS = 1;

    /** Row tint: the discrepancy report colours rows by severity, the way Excel's built-in styles do. */
    enum Tint {
        NONE(null), ERROR("FFC7CE"), WARNING("FFEB9C");

        private final String rgb;

        Tint(String rgb) {
            this.rgb = rgb;
        }
    }

    /**
     * A table column; {@code chars} is its width in Latin characters (a CJK character counts two). A column is made
     * wide enough for its title unless {@code wrapsTitle}: then the title wraps in the header row.
     */
    record Column(String title, int chars, boolean wrapsTitle) {
        Column(String title, int chars) {
            this(title, chars, false);
        }
    }

    static final int NAME = 22;
    static final int SCORE = 10;
    static final int SHORT = 12;
    static final int TEXT = 40;

    private static final int MAX_CHARS = 60;
    /** Characters of column width one A4 landscape page holds at full size, within Excel's default margins. */
    private static final int PAGE_CHARS = 125;
    static final float LINE_POINTS = 15;
    private static final String HEADER_GREY = "D9D9D9";
    /** Rows per block of a long table: each block is rendered and compressed on its own, on any core. */
    static final int BLOCK_ROWS = 128;
    private static final ThreadLocal<byte[]> RENDERED = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private final XlsxOutput.StreamingWorkbook workbook;
    private final DisplayRounding rounding;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle wrapped;
    private final Map<Tint, CellStyle> text = new EnumMap<>(Tint.class);
    private final Map<Tint, CellStyle> score = new EnumMap<>(Tint.class);
    private final CellStyle plain;
    // Texts put in the shared-strings table by streamed sheets, by index: each is added once per workbook (POI's
    // own lookup builds the text's XML first, which cost more than writing the rows).
    private final Map<String, Integer> shared;

    SheetStyles(XlsxOutput.StreamingWorkbook workbook, DisplayRounding rounding) {
        this.workbook = workbook;
        this.rounding = rounding;
        this.shared = workbook.sharedStrings();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered(HEADER_GREY);
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        short twoDecimals = workbook.createDataFormat().getFormat("0.00");
        for (Tint tint : Tint.values()) {
            text.put(tint, bordered(tint.rgb));
            CellStyle s = bordered(tint.rgb);
            s.setDataFormat(twoDecimals);
            score.put(tint, s);
        }
        plain = bordered(null);
        wrapped = bordered(null);
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(large);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
    }

    static Column column(String title, int chars) {
        return new Column(title, chars);
    }

    /** A new sheet whose first row is the header; call {@link #filter} once its rows are written. */
    Sheet table(String name, List<Column> columns) {
        return table(name, null, columns);
    }

    /**
     * A new sheet whose first row is {@code title} (none when null), merged across the table, and whose next row is
     * the header, frozen and printed on every page.
     */
    Sheet table(String name, String title, List<Column> columns) {
        Sheet sheet = workbook.createSheet(name);
        int headerRow = title == null ? 0 : 1;
        if (title != null) {
            titleRow(sheet, title, columns.size());
        }
        Row row = sheet.createRow(headerRow);
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            sheet.setColumnWidth(i, width(c));
            if (!c.title().isEmpty()) {
                headerCell(row, i, c.title());
                lines = Math.max(lines, lines(c.title(), width(c) / 256));
            }
        }
        if (lines > 1) {
            // Streamed sheets carry no heights Excel would fit for itself: a wrapped title gets its lines.
            row.setHeightInPoints(LINE_POINTS * lines);
        }
        sheet.createFreezePane(0, headerRow + 1);
        printed(sheet, headerRow, headerRow);
        return sheet;
    }

    /** A new sheet with nothing in it, for a layout of its own. */
    Sheet sheet(String name) {
        return workbook.createSheet(name);
    }

    /** A title above a table, merged across its {@code columns}. */
    void titleRow(Sheet sheet, String text, int columns) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(24);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(title);
        if (columns > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
        }
    }

    /** The lines a header text wraps to in a column {@code chars} wide (less its margins, and some for wider fonts). */
    static int lines(String text, int chars) {
        int usable = Math.max(1, chars - 3);
        return Math.max(1, (Text.displayWidth(text) + usable - 1) / usable);
    }

    /** A column's width in Excel's units: at least its title's, at most {@link #MAX_CHARS} characters. */
    static int width(Column c) {
        int chars = c.wrapsTitle() ? c.chars() : Math.max(c.chars(), Text.displayWidth(c.title()) + 2);
        return Math.min(MAX_CHARS, chars) * 256;
    }

    /**
     * A4 landscape, one page wide, rows {@code firstHeader}..{@code lastHeader} (0-based) repeated on every page and
     * the sheet's name and page in the footer, as committees print.
     */
    void printed(Sheet sheet, int firstHeader, int lastHeader) {
        sheet.setRepeatingRows(new CellRangeAddress(firstHeader, lastHeader, -1, -1));
        pageSetup(sheet);
    }

    /** A4 landscape, one page wide, the sheet's name and page in the footer: how every workbook kaoping writes prints. */
    public static void pageSetup(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        // Excel's header/footer codes: &A sheet name, &P page, &N page count.
        sheet.getFooter().setCenter("&A 第 &P 页，共 &N 页");
    }

    /**
     * A matrix too wide to print one page wide at half size or more (a rubric of many leaves) prints across pages at
     * full size instead, its first {@code keyColumns} columns (who the row is about) repeated on every page, as its
     * header rows are. {@code columns}: how many the table has.
     */
    public static void acrossPagesIfWide(Sheet sheet, int columns, int keyColumns) {
        int chars = 0;
        for (int c = 0; c < columns; c++) {
            chars += sheet.getColumnWidth(c) / 256;
        }
        if (chars > 2 * PAGE_CHARS) {
            sheet.setFitToPage(false);
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, keyColumns - 1));
        }
    }

    /**
     * Filters the header (the last of the sheet's rows above {@code firstRow}, 0-based) and every written row down to
     * {@code lastRow}, so sorting in Excel moves whole rows.
     */
    void filter(Sheet sheet, int columns, int firstRow, int lastRow) {
        sheet.setAutoFilter(new CellRangeAddress(firstRow - 1, Math.max(firstRow - 1, lastRow), 0, columns - 1));
    }

    /**
     * Streams rows (text, score and number cells in this workbook's styles) into {@code sheet} below whatever rows it
     * has, as the workbook is saved, with no POI row objects. {@code rows} is how many rows will be written;
     * {@code repeated}, texts that recur down the table, which go into the workbook's shared-strings table once
     * instead of into every row. No filter: for 运行信息, whose file list is its second table.
     */
    void appendRows(Sheet sheet, int columns, int rows, Collection<String> repeated, StreamedRows content) {
        int before = sheet.getLastRowNum() + 1;
        share(repeated);
        workbook.stream((SXSSFSheet) sheet, new CellRangeAddress(0, before + rows - 1, 0, columns - 1),
                out -> rowWriter(out, before, RowWriter.CAPACITY), content);
    }

    /**
     * Puts texts into the shared-strings table (each once per workbook), where streamed and rendered rows refer to
     * them by index. Texts shared first get the same indexes in every workbook that shares them first, which is what
     * lets rows rendered for one run's workbook be laid into the next run's.
     */
    void share(Collection<String> texts) {
        for (String s : texts) {
            if (s != null && !s.isEmpty() && s.length() <= RowWriter.MAX_TEXT) {
                shared.putIfAbsent(s, shared.size());
            }
        }
    }

    /**
     * Rows rendered now (in this workbook's styles and shared strings) and compressed, to be laid into a sheet with
     * {@link #spliceRows} now or in a later run's workbook; {@code firstRow} is 1-based. Safe to call from several
     * threads once every text the rows share has been {@link #share shared}.
     */
    LeafRows render(int firstRow, StreamedRows content) {
        return render(firstRow, rowStyles(Tint.NONE), content);
    }

    /** As {@link #render(int, StreamedRows)}, the cells in {@code styles} (say, {@link #wrappedRows()}). */
    LeafRows render(int firstRow, RowWriter.Styles styles, StreamedRows content) {
        // A buffer per thread, kept for the next unit: a unit's rows are tens of KB, rendered thousands of times.
        RowWriter rows = RowWriter.inMemory(firstRow - 1, styles, rounding, shared, RENDERED.get());
        try {
            content.write(rows);
            rows.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RENDERED.set(rows.buffer());
        return ZipSplice.segment(firstRow, rows.buffer(), rows.size());
    }

    /** {@code value} made ready to write into many streamed or rendered rows; once every text has been {@link #share shared}. */
    RowWriter.Prepared prepare(String value) {
        return RowWriter.prepare(value, shared);
    }

    /**
     * Lays rows rendered for a one-row header below the sheet's header, in order, and filters them; {@code rows}
     * counts their rows.
     */
    void spliceRows(Sheet sheet, int columns, int rows, List<LeafRows> segments) {
        spliceRows(sheet, columns, rows, segments, true, HEADER_ROWS);
    }

    private void spliceRows(Sheet sheet, int columns, int rows, List<LeafRows> segments, boolean filtered,
                            int renderedBelow) {
        int header = sheet.getLastRowNum() + 1;
        if (header != renderedBelow) {
            // Rows are rendered for the rows below the header a table has: they would be laid in at the wrong rows.
            throw new IllegalStateException(sheet.getSheetName() + " has " + header + " rows above its rendered rows");
        }
        if (filtered) {
            filter(sheet, columns, header, header + rows - 1);
        }
        workbook.splice((SXSSFSheet) sheet, new CellRangeAddress(0, header + rows - 1, 0, columns - 1), segments);
    }

    /** Writes one row of a table from its value (see {@link #tableRows}). */
    @FunctionalInterface
    interface TableRow<T> {
        void write(RowWriter rows, T row) throws IOException;
    }

    /**
     * A table's rows below the sheet's header, a row for each of {@code rows}, written by {@code row} and filtered
     * when {@code filtered} (a sheet of two tables side by side has no filter): as {@link #appendRows} writes them,
     * but rendered in blocks of {@link #BLOCK_ROWS} rows on all cores and laid in in order. {@code row} must be
     * safe to call from several threads.
     */
    <T> void tableRows(Sheet sheet, int columns, List<T> rows, Collection<String> repeated, boolean filtered,
                       TableRow<T> row) {
        share(repeated);
        int header = sheet.getLastRowNum() + 1;
        int count = (rows.size() + BLOCK_ROWS - 1) / BLOCK_ROWS;
        List<LeafRows> blocks = IntStream.range(0, count).parallel().mapToObj(i -> {
            List<T> part = rows.subList(i * BLOCK_ROWS, Math.min(rows.size(), (i + 1) * BLOCK_ROWS));
            return render(header + i * BLOCK_ROWS + 1, writer -> {
                for (T value : part) {
                    writer.row();
                    row.write(writer, value);
                }
            });
        }).toList();
        spliceRows(sheet, columns, rows.size(), blocks, filtered, header);
    }

    /** The styles streamed cells take in a row of {@code tint}, as {@link #text}, {@link #score} and {@link #number} give. */
    RowWriter.Styles rowStyles(Tint tint) {
        return new RowWriter.Styles(text.get(tint).getIndex(), score.get(tint).getIndex(),
                (tint == Tint.NONE ? plain : text.get(tint)).getIndex());
    }

    /** Cells whose text wraps within the column (long names and methods), scores and numbers as usual. */
    RowWriter.Styles wrappedRows() {
        return new RowWriter.Styles(wrapped.getIndex(), score.get(Tint.NONE).getIndex(), plain.getIndex());
    }

    private RowWriter rowWriter(OutputStream out, int rowsBefore, int capacity) {
        return new RowWriter(out, rowsBefore, rowStyles(Tint.NONE), rounding, shared, capacity);
    }

    void headerCell(Row row, int col, String title) {
        row.createCell(col).setCellValue(title);
        row.getCell(col).setCellStyle(header);
    }

    /** Always a string cell: text from the inputs (e.g. {@code =HYPERLINK(...)}) must never become a formula. */
    void text(Row row, int col, String value, Tint tint) {
        Cell cell = styled(row, col, text.get(tint));
        if (value != null && !value.isEmpty()) {
            int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
            cell.setCellValue(value.length() > max ? value.substring(0, max) : value);
        }
    }

    void text(Row row, int col, String value) {
        text(row, col, value, Tint.NONE);
    }

    /**
     * A score, stored already rounded by the campaign's rounding so that what Excel sums, sorts and copies
     * is what it shows (0.00 alone would round half-up on a binary double); blank when null.
     */
    void score(Row row, int col, BigDecimal value, Tint tint) {
        Cell cell = styled(row, col, score.get(tint));
        if (value != null) {
            cell.setCellValue(rounding.shown(value).doubleValue());
        }
    }

    void score(Row row, int col, BigDecimal value) {
        score(row, col, value, Tint.NONE);
    }

    /** A number shown as it is (ranks, counts, factors); blank when null. */
    void number(Row row, int col, Number value) {
        number(row, col, value, Tint.NONE);
    }

    /** A tinted number; the text style has the General format, which shows a count as it is. */
    void number(Row row, int col, Number value, Tint tint) {
        Cell cell = styled(row, col, tint == Tint.NONE ? plain : text.get(tint));
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    private static Cell styled(Row row, int col, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellStyle(style);
        return cell;
    }

    private CellStyle bordered(String rgb) {
        XSSFCellStyle s = (XSSFCellStyle) workbook.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        if (rgb != null) {
            s.setFillForegroundColor(new XSSFColor(HexFormat.of().parseHex(rgb)));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return s;
    }
}
