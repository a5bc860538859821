package org.kaoping.report.feedback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
    private static final List<Part> FIXED = List.of(
            Part.of("[Content_Types].xml", XML_DECLARATION
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "</Types>"),
            Part.of("_rels/.rels", XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"),
            Part.of("xl/workbook.xml", XML_DECLARATION + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELS + "\">"
                    + "<bookViews><workbookView/></bookViews><sheets><sheet name=\"" + SHEET_NAME
                    + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            Part.of("xl/_rels/workbook.xml.rels", XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_RELS + "\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + RELS + "/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>"),
            Part.of("xl/styles.xml", STYLES));
    // The zip's entry times: fixed, so that the same content makes the same file.
    private static final long ENTRY_TIME = 315_532_800_000L;

    private final int[] widths;
    private final StringBuilder rows = new StringBuilder(16 * 1024);
    private final List<String> merges = new ArrayList<>();
    private int row;
    private int column;
    private boolean open;

    /** {@code widths}: each column's width in Latin characters (a CJK character counts two). */
    PlainSheet(int... widths) {
        this.widths = widths.clone();
    }

    /** Starts the next row. */
    PlainSheet row() {
        return row(0);
    }

    /** Starts the next row, {@code points} high (0: as tall as its content). */
    PlainSheet row(float points) {
        endRow();
        row++;
        column = 0;
        open = true;
        rows.append("<row r=\"").append(row).append('"');
        if (points > 0) {
            rows.append(" ht=\"").append(points).append("\" customHeight=\"1\"");
        }
        rows.append('>');
        return this;
    }

    /** Leaves a row empty between two parts of the sheet. */
    void gap() {
        endRow();
        row++;
    }

    PlainSheet text(Style style, String value) {
        cell(style);
        if (value == null || value.isEmpty()) {
            rows.append("/>");
            return this;
        }
        rows.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        Xml.escape(rows, value);
        rows.append("</t></is></c>");
        return this;
    }

    /** A score as shown (already rounded), blank when null. */
    PlainSheet score(BigDecimal value) {
        return value(Style.SCORE, value == null ? null : value.toPlainString());
    }

    PlainSheet number(Number value) {
        return value(Style.NUMBER, value == null ? null
                : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
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

    private PlainSheet value(Style style, String value) {
        cell(style);
        if (value == null) {
            rows.append("/>");
        } else {
            rows.append("><v>").append(value).append("</v></c>");
        }
        return this;
    }

    private void cell(Style style) {
        rows.append("<c r=\"").append(CellRef.a1(row - 1, column++)).append("\" s=\"").append(style.ordinal())
                .append('"');
    }

    private void endRow() {
        if (open) {
            rows.append("</row>");
            open = false;
        }
    }

    /** The workbook, as the bytes of its file. */
    byte[] toXlsx() {
        endRow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Part part : FIXED) {
                part.write(zip);
            }
            ZipEntry sheet = new ZipEntry("xl/worksheets/sheet1.xml");
            sheet.setTime(ENTRY_TIME);
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(sheet);
            zip.write(sheetXml().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String sheetXml() {
        StringBuilder xml = new StringBuilder(rows.length() + 2048).append(XML_DECLARATION)
                .append("<worksheet xmlns=\"").append(MAIN).append("\" xmlns:r=\"").append(RELS).append("\">")
                .append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
                .append("<dimension ref=\"A1:").append(CellRef.a1(Math.max(0, row - 1), widths.length - 1))
                .append("\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int i = 0; i < widths.length; i++) {
            xml.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append(widths[i]).append("\" customWidth=\"1\"/>");
        }
        xml.append("</cols><sheetData>").append(rows).append("</sheetData>");
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

    /** A part made once and stored uncompressed: a few hundred bytes, not worth deflating in every file. */
    private record Part(String name, byte[] content, long crc) {
        static Part of(String name, String xml) {
            byte[] content = xml.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(content);
            return new Part(name, content, crc.getValue());
        }

        void write(ZipOutputStream zip) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc);
            entry.setTime(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
    }
}
