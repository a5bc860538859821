package org.kaoping.report.feedback;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Xml;

/**
 * A workbook of one printed sheet, written as SpreadsheetML text: for the 反馈表, thousands of small workbooks in a
 * large campaign, where starting a POI workbook for each would cost more than the rest of the run. The package holds
 * only what Excel, WPS and LibreOffice need (content types, workbook, styles, the sheet), and its parts other than
 * the sheet are made once. Texts are inline strings: never formulas, whatever the inputs held.
 */
final class PlainSheet {
    /** The cell styles of {@link #STYLES}, by their index there. */
    enum Style {
        DEFAULT, TITLE, HEADER, TEXT, SCORE, NUMBER, LABEL, SECTION
    }

    static final String SHEET_NAME = "反馈表";
    private static final String[] STYLE_INDEX = Arrays.stream(Style.values()).map(s -> Integer.toString(s.ordinal()))
            .toArray(String[]::new);
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String STYLES = XML_DECLARATION + "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.00\"/></numFmts>"
            + "<fonts count=\"4\">" + font("") + font("<b/>") + font("<b/>", 14) + font("<b/>", 12) + "</fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/>"
            + "</patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/>"
            + "<diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"8\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + xf(0, 2, 0, 0, "<alignment vertical=\"center\"/>")
            + xf(0, 1, 2, 1, "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>")
            + xf(0, 0, 0, 1, "<alignment vertical=\"top\" wrapText=\"1\"/>")
            + xf(164, 0, 0, 1, "<alignment vertical=\"top\"/>")
            + xf(0, 0, 0, 1, "<alignment vertical=\"top\"/>")
            + xf(0, 1, 2, 1, "<alignment vertical=\"center\" wrapText=\"1\"/>")
            + xf(0, 3, 0, 0, "<alignment vertical=\"center\"/>")
            + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
    private static final String SHEET_PART = "xl/worksheets/sheet1.xml";
    private static final List<PlainZip.Entry> FIXED = List.of(
            PlainZip.Entry.of("[Content_Types].xml", XML_DECLARATION
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "</Types>"),
            PlainZip.Entry.of("_rels/.rels", XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"),
            PlainZip.Entry.of("xl/workbook.xml", XML_DECLARATION + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELS + "\">"
                    + "<bookViews><workbookView/></bookViews><sheets><sheet name=\"" + SHEET_NAME
                    + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            PlainZip.Entry.of("xl/_rels/workbook.xml.rels", XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + RELS + "/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>"),
            PlainZip.Entry.of("xl/styles.xml", STYLES));

    private final int[] widths;
    private final Encoded encoded;
    private byte[] rows = new byte[24 * 1024];
    private int length;
    private final List<String> merges = new ArrayList<>();
    private int row;
    private int column;
    private boolean open;

    /**
     * Texts and numbers as they are written into a sheet's XML, made once and shared by every sheet of a run: a
     * leaf's name, method and department recur in every unit's 反馈表.
     */
    static final class Encoded {
        private final Map<Object, byte[]> bytes = new ConcurrentHashMap<>();

        byte[] text(String value) {
            return bytes.computeIfAbsent(value, v -> {
                StringBuilder xml = new StringBuilder(value.length() + 16);
                Xml.escape(xml, value);
                return xml.toString().getBytes(StandardCharsets.UTF_8);
            });
        }

        byte[] number(Object value) {
            return bytes.computeIfAbsent(value, v -> (v instanceof BigDecimal d ? d.toPlainString() : v.toString())
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** {@code widths}: each column's width in Latin characters (a CJK character counts two). */
    PlainSheet(Encoded encoded, int... widths) {
        this.encoded = encoded;
        this.widths = widths.clone();
    }

    /** Starts the next row. */
    PlainSheet row() {
        return row(0);
    }

    /** Starts the next row, {@code points} high (0: as tall as its content). */
    PlainSheet row(int points) {
        endRow();
        row++;
        column = 0;
        open = true;
        ascii("<row r=\"").ascii(Integer.toString(row)).ascii("\"");
        if (points > 0) {
            ascii(" ht=\"").ascii(Integer.toString(points)).ascii("\" customHeight=\"1\"");
        }
        return ascii(">");
    }

    /** Leaves a row empty between two parts of the sheet. */
    void gap() {
        endRow();
        row++;
    }

    PlainSheet text(Style style, String value) {
        cell(style);
        if (value == null || value.isEmpty()) {
            return ascii("/>");
        }
        ascii(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        put(encoded.text(value));
        return ascii("</t></is></c>");
    }

    /** A score as shown (already rounded), blank when null. */
    PlainSheet score(BigDecimal value) {
        return value(Style.SCORE, value);
    }

    PlainSheet number(Number value) {
        return value(Style.NUMBER, value);
    }

    /** This row's cells from column {@code first} (0-based) to the last one written so far, merged. */
    PlainSheet mergeFrom(int first) {
        return merge(first, column - 1);
    }

    /** This row's cells {@code first} to {@code last} (0-based), merged. */
    PlainSheet merge(int first, int last) {
        merges.add(CellRef.a1(row - 1, first) + ":" + CellRef.a1(row - 1, last));
        return this;
    }

    private PlainSheet value(Style style, Number value) {
        cell(style);
        if (value == null) {
            return ascii("/>");
        }
        ascii("><v>");
        put(encoded.number(value));
        return ascii("</v></c>");
    }

    private void cell(Style style) {
        ascii("<c r=\"").ascii(CellRef.a1(row - 1, column++)).ascii("\" s=\"").ascii(STYLE_INDEX[style.ordinal()])
                .ascii("\"");
    }

    private void endRow() {
        if (open) {
            ascii("</row>");
            open = false;
        }
    }

    private PlainSheet ascii(String markup) {
        ensure(markup.length());
        for (int i = 0; i < markup.length(); i++) {
            rows[length++] = (byte) markup.charAt(i);
        }
        return this;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, rows, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, length + more));
        }
    }

    /**
     * Cells made once, to be laid into many sheets at the same place with {@link #row(byte[], int)} and
     * {@link #cells}: a leaf's code, name and methods, the same in every unit's 反馈表. {@code row} is 1-based,
     * {@code column} 0-based.
     */
    static byte[] fragment(Encoded encoded, int row, int column, Consumer<PlainSheet> cells) {
        PlainSheet made = new PlainSheet(encoded);
        made.row = row;
        made.column = column;
        cells.accept(made);
        return Arrays.copyOf(made.rows, made.length);
    }

    /** Starts the next row with cells made for it by {@link #fragment}; the next cell goes in column {@code next}. */
    PlainSheet row(byte[] made, int next) {
        row();
        put(made);
        column = next;
        return this;
    }

    /** Cells made for this place by {@link #fragment}; the next cell goes in column {@code next}. */
    PlainSheet cells(byte[] made, int next) {
        put(made);
        column = next;
        return this;
    }

    /** The sheet's XML, whole. */
    byte[] xml() {
        endRow();
        byte[] head = head().getBytes(StandardCharsets.UTF_8);
        byte[] tail = tail().getBytes(StandardCharsets.UTF_8);
        byte[] xml = new byte[head.length + length + tail.length];
        System.arraycopy(head, 0, xml, 0, head.length);
        System.arraycopy(rows, 0, xml, head.length, length);
        System.arraycopy(tail, 0, xml, head.length + length, tail.length);
        return xml;
    }

    /** What a workbook holding the sheet {@code xml} carries as its digest (see {@link PlainZip}). */
    static String digest(byte[] xml) {
        return PlainZip.digest(FIXED, xml);
    }

    /** The workbook of the sheet {@code xml}, as the bytes of its file. */
    static byte[] xlsx(byte[] xml, String digest) {
        return PlainZip.write(FIXED, SHEET_PART, xml, digest);
    }

    /** The sheet's XML up to its rows. */
    private String head() {
        StringBuilder xml = new StringBuilder(2048).append(XML_DECLARATION)
                .append("<worksheet xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(RELS).append("\">")
                .append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
                .append("<dimension ref=\"A1:").append(CellRef.a1(Math.max(0, row - 1), widths.length - 1))
                .append("\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < widths.length; i++) {
            xml.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append(widths[i]).append("\" customWidth=\"1\"/>");
        }
        return xml.append("</cols><sheetData>").toString();
    }

    /** The sheet's XML after its rows. */
    private String tail() {
        StringBuilder xml = new StringBuilder(1024).append("</sheetData>");
        if (!merges.isEmpty()) {
            xml.append("<mergeCells count=\"").append(merges.size()).append("\">");
            merges.forEach(m -> xml.append("<mergeCell ref=\"").append(m).append("\"/>"));
            xml.append("</mergeCells>");
        }
        return xml.append("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\"")
                .append(" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\"")
                .append(" fitToHeight=\"0\"/><headerFooter><oddFooter>&amp;A 第 &amp;P 页，共 &amp;N 页</oddFooter>")
                .append("</headerFooter></worksheet>").toString();
    }

    private static String font(String bold) {
        return font(bold, 11);
    }

    private static String font(String bold, int size) {
        return "<font>" + bold + "<sz val=\"" + size + "\"/><name val=\"Calibri\"/><family val=\"2\"/></font>";
    }

    private static String xf(int numFmt, int font, int fill, int border, String alignment) {
        return "<xf numFmtId=\"" + numFmt + "\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
                + "\" xfId=\"0\"" + (numFmt != 0 ? " applyNumberFormat=\"1\"" : "") + (font != 0 ? " applyFont=\"1\"" : "")
                + (fill != 0 ? " applyFill=\"1\"" : "") + (border != 0 ? " applyBorder=\"1\"" : "")
                + " applyAlignment=\"1\">" + alignment + "</xf>";
    }
}
