package org.kaoping.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The generator of the other formats offices return: a workbook (made by WorkbookFixtures) written again as a web
 * system exports it (an HTML table in a given charset, declared one way or another), as tab- or comma-separated
 * text (UTF-8 with or without BOM, GBK), as an OpenDocument spreadsheet, and zips of files with names in a given
 * encoding, with or without the UTF-8 flag. Every cell is written as Excel shows it.
 */
public final class ExportedTables {
    /** How an HTML page says its charset. */
    public enum Declared { META_CHARSET, HTTP_EQUIV, NONE }

    private static final DataFormatter SHOWN = new DataFormatter();

    private ExportedTables() {
    }

    public static Path html(Path workbook, Path out, Charset charset, Declared declared) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head>");
        switch (declared) {
            case META_CHARSET -> page.append("<meta charset=\"").append(charset.name()).append("\">");
            case HTTP_EQUIV -> page.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                    .append(charset.name().toLowerCase()).append("\">");
            case NONE -> {
            }
        }
        page.append("<title>导出</title></head>\n<body>\n");
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                page.append("<table border=\"1\"><caption>").append(escape(sheet.getSheetName())).append("</caption>\n");
                int last = lastColumn(sheet);
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    page.append("<tr>");
                    for (int c = 0; c <= last; c++) {
                        CellRangeAddress merge = mergeAt(sheet, r, c);
                        if (merge != null && (merge.getFirstRow() != r || merge.getFirstColumn() != c)) {
                            continue;
                        }
                        page.append("<td");
                        if (merge != null && merge.getLastRow() > r) {
                            page.append(" rowspan=\"").append(merge.getLastRow() - r + 1).append('"');
                        }
                        if (merge != null && merge.getLastColumn() > c) {
                            page.append(" colspan=\"").append(merge.getLastColumn() - c + 1).append('"');
                        }
                        page.append('>').append(escape(shown(sheet, r, c)).replace("\n", "<br>")).append("</td>");
                    }
                    page.append("</tr>\n");
                }
                page.append("</table>\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.append("</body></html>\n");
        return write(out, page.toString().getBytes(charset));
    }

    /**
     * The workbook as an Excel 2003 XML spreadsheet in {@code charset} (declared in the prolog): numbers as Number,
     * other cells as shown, merges as MergeAcross/MergeDown, an empty cell left out with the next one's ss:Index, and
     * cells that a merge above covers left out without one (the reader must step past them itself).
     */
    public static Path xmlSpreadsheet(Path workbook, Path out, Charset charset) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"").append(charset.name()).append("\"?>\n")
                .append("<?mso-application progid=\"Excel.Sheet\"?>\n")
                .append("<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" ")
                .append("xmlns:o=\"urn:schemas-microsoft-com:office:office\" ")
                .append("xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n");
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                x.append(" <Worksheet ss:Name=\"").append(escape(sheet.getSheetName())).append("\">\n  <Table>\n");
                int last = lastColumn(sheet);
                java.util.Map<Integer, java.util.BitSet> covered = new java.util.HashMap<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    x.append("   <Row ss:Index=\"").append(r + 1).append("\">");
                    java.util.BitSet below = covered.getOrDefault(r, new java.util.BitSet());
                    int next = below.nextClearBit(0);
                    for (int c = 0; c <= last; c++) {
                        CellRangeAddress merge = mergeAt(sheet, r, c);
                        if (merge != null && (merge.getFirstRow() != r || merge.getFirstColumn() != c)) {
                            continue;
                        }
                        Row row = sheet.getRow(r);
                        Cell cell = row == null ? null : row.getCell(c);
                        String shown = shown(sheet, r, c);
                        if (shown.isEmpty() && merge == null) {
                            continue;
                        }
                        x.append("<Cell");
                        if (c != next) {
                            x.append(" ss:Index=\"").append(c + 1).append('"');
                        }
                        int across = merge == null ? 0 : merge.getLastColumn() - c;
                        int down = merge == null ? 0 : merge.getLastRow() - r;
                        if (across > 0) {
                            x.append(" ss:MergeAcross=\"").append(across).append('"');
                        }
                        if (down > 0) {
                            x.append(" ss:MergeDown=\"").append(down).append('"');
                            for (int i = 1; i <= down; i++) {
                                covered.computeIfAbsent(r + i, k -> new java.util.BitSet()).set(c, c + across + 1);
                            }
                        }
                        boolean number = cell != null && (cell.getCellType() == CellType.NUMERIC
                                || cell.getCellType() == CellType.FORMULA
                                && cell.getCachedFormulaResultType() == CellType.NUMERIC);
                        x.append("><Data ss:Type=\"").append(number ? "Number" : "String").append("\">")
                                .append(number ? java.math.BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()
                                        : escape(shown).replace("\n", "&#10;"))
                                .append("</Data></Cell>");
                        next = below.nextClearBit(c + across + 1);
                    }
                    x.append("</Row>\n");
                }
                x.append("  </Table>\n </Worksheet>\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        x.append("</Workbook>\n");
        return write(out, x.toString().getBytes(charset));
    }

    /** The first sheet as delimited text, fields quoted where they hold the delimiter, a quote or a line break. */
    public static Path delimited(Path workbook, Path out, char delimiter, Charset charset, boolean bom) {
        StringBuilder text = new StringBuilder();
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            int last = lastColumn(sheet);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                for (int c = 0; c <= last; c++) {
                    String v = shown(sheet, r, c);
                    if (c > 0) {
                        text.append(delimiter);
                    }
                    boolean quote = v.indexOf(delimiter) >= 0 || v.contains("\"") || v.contains("\n");
                    text.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
                }
                text.append("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = text.toString().getBytes(charset);
        if (!bom) {
            return write(out, body);
        }
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withBom.writeBytes(body);
        return write(out, withBom.toByteArray());
    }

    /** The workbook as an .ods: numbers as float cells with their value, text as paragraphs, merges as spans. */
    public static Path ods(Path workbook, Path out) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:spreadsheet>");
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                xml.append("<table:table table:name=\"").append(escape(sheet.getSheetName())).append("\">");
                int last = lastColumn(sheet);
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    xml.append("<table:table-row>");
                    for (int c = 0; c <= last; c++) {
                        CellRangeAddress merge = mergeAt(sheet, r, c);
                        if (merge != null && (merge.getFirstRow() != r || merge.getFirstColumn() != c)) {
                            xml.append("<table:covered-table-cell/>");
                            continue;
                        }
                        xml.append("<table:table-cell");
                        if (merge != null) {
                            xml.append(" table:number-rows-spanned=\"").append(merge.getLastRow() - r + 1)
                                    .append("\" table:number-columns-spanned=\"").append(merge.getLastColumn() - c + 1).append('"');
                        }
                        Row row = sheet.getRow(r);
                        Cell cell = row == null ? null : row.getCell(c);
                        String shown = shown(sheet, r, c);
                        boolean numeric = cell != null && (cell.getCellType() == CellType.NUMERIC
                                || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC);
                        if (numeric) {
                            xml.append(" office:value-type=\"float\" office:value=\"")
                                    .append(java.math.BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString()).append('"');
                        } else if (!shown.isEmpty()) {
                            xml.append(" office:value-type=\"string\"");
                        }
                        xml.append('>');
                        for (String line : shown.isEmpty() ? new String[0] : shown.split("\n", -1)) {
                            xml.append("<text:p>").append(escape(line)).append("</text:p>");
                        }
                        xml.append("</table:table-cell>");
                    }
                    xml.append("</table:table-row>");
                }
                // the sheet's unused rest, as LibreOffice writes it
                xml.append("<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell"
                        + " table:number-columns-repeated=\"1024\"/></table:table-row>");
                xml.append("</table:table>");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        xml.append("</office:spreadsheet></office:body></office:document-content>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
                    + "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type="
                    + "\"application/vnd.oasis.opendocument.spreadsheet\"/></manifest:manifest>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(out, bytes.toByteArray());
    }

    /**
     * A zip of {@code entries} (path inside → content), names written in {@code names}; with {@code utf8Flag} the
     * zip says its names are UTF-8 (as 7-Zip and macOS do), without it it does not (as Windows' own zip does).
     */
    public static Path zip(Path out, Charset names, boolean utf8Flag, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding(names.name());
            zip.setUseLanguageEncodingFlag(utf8Flag);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(out, bytes.toByteArray());
    }

    private static String shown(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell != null && cell.getCellType() == CellType.FORMULA) {
            // what Excel shows: the saved result
            return cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? java.math.BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                    : cell.getStringCellValue();
        }
        return cell == null ? "" : SHOWN.formatCellValue(cell);
    }

    private static int lastColumn(Sheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            last = Math.max(last, m.getLastColumn());
        }
        return last;
    }

    private static CellRangeAddress mergeAt(Sheet sheet, int r, int c) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.isInRange(r, c)) {
                return m;
            }
        }
        return null;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Path write(Path out, byte[] bytes) {
        try {
            Files.createDirectories(out.getParent());
            return Files.write(out, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
