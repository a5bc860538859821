package org.kaoping.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An OpenDocument spreadsheet (.ods, as WPS and LibreOffice save it): content.xml streamed with StAX into
 * {@link SheetGrid}s. Numeric cells (float, percentage, currency) give their stored value as workbook numbers do,
 * other cells the text they show (paragraphs as lines); repeated rows and columns are expanded, spanned cells are
 * merged regions. Formulas are not evaluated: the value the program saved is read, as for .xlsx. No DTD, no
 * external entity, and the same limits as a workbook's parts.
 */
final class OdsReader {
    static final String CORRUPT = "OpenDocument 表格（.ods）已损坏，无法读取：请在 WPS 或 LibreOffice 中打开后另存为 .xlsx 重新提交";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final int MAX_COLUMNS = 16_384;
    private static final long GRACE_ENTRY_SIZE = 100 * 1024;

    /** The file is not the .ods its first bytes promised. */
    static final class Malformed extends Exception {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private OdsReader() {
    }

    private record Cell(int col, int repeat, GridCell value, int rows, int cols) {
    }

    static List<SheetGrid> read(byte[] bytes, ReadLimits limits) throws Malformed {
        byte[] content = content(bytes, limits);
        List<SheetGrid> sheets = new ArrayList<>();
        try {
            XMLStreamReader xml = SafeXml.reader(new ByteArrayInputStream(content));
            try {
                SheetGrid grid = null;
                int row = 0;
                int rowRepeat = 1;
                int col = 0;
                List<Cell> cells = new ArrayList<>();
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && TABLE.equals(xml.getNamespaceURI())) {
                        switch (xml.getLocalName()) {
                            case "table" -> {
                                grid = new SheetGrid(attr(xml, TABLE, "name", "Sheet" + (sheets.size() + 1)), sheets.size());
                                sheets.add(grid);
                                row = 0;
                            }
                            case "table-row" -> {
                                rowRepeat = count(attr(xml, TABLE, "number-rows-repeated", "1"));
                                col = 0;
                                cells.clear();
                            }
                            case "table-cell" -> {
                                int repeat = count(attr(xml, TABLE, "number-columns-repeated", "1"));
                                int rows = count(attr(xml, TABLE, "number-rows-spanned", "1"));
                                int cols = count(attr(xml, TABLE, "number-columns-spanned", "1"));
                                GridCell value = cell(xml);
                                if (!value.isEmpty() || rows > 1 || cols > 1) {
                                    cells.add(new Cell(col, repeat, value, rows, cols));
                                }
                                col = (int) Math.min(MAX_COLUMNS, (long) col + repeat);
                            }
                            case "covered-table-cell" ->
                                    col = (int) Math.min(MAX_COLUMNS, (long) col + count(attr(xml, TABLE, "number-columns-repeated", "1")));
                            default -> {
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && grid != null && TABLE.equals(xml.getNamespaceURI())
                            && xml.getLocalName().equals("table-row")) {
                        if (!cells.isEmpty()) {
                            // A repeated row with content is that many rows; a repeated empty row (the sheet's
                            // unused rest, a million rows long) only moves the row number on.
                            for (int i = 0; i < rowRepeat; i++) {
                                if (row + i >= limits.maxRows()) {
                                    throw new LimitExceeded(limits.tooManyRows(grid.name()));
                                }
                                put(grid, row + i, cells);
                            }
                        }
                        row = (int) Math.min(Integer.MAX_VALUE, (long) row + rowRepeat);
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof LimitExceeded limit) {
                throw limit;
            }
            throw new Malformed("content.xml", e);
        }
        return sheets;
    }

    private static void put(SheetGrid grid, int row, List<Cell> cells) {
        for (Cell c : cells) {
            for (int i = 0; i < c.repeat() && c.col() + i < MAX_COLUMNS; i++) {
                int col = c.col() + i;
                grid.put(row, col, c.value());
                if (c.rows() > 1 || c.cols() > 1) {
                    grid.merge(row, row + c.rows() - 1, col, Math.min(MAX_COLUMNS - 1, col + c.cols() - 1));
                }
            }
        }
    }

    /** The cell the reader stands on, read to its end: its stored number, else its text as shown. */
    private static GridCell cell(XMLStreamReader xml) throws XMLStreamException {
        String type = attr(xml, OFFICE, "value-type", "");
        String number = xml.getAttributeValue(OFFICE, "value");
        String bool = xml.getAttributeValue(OFFICE, "boolean-value");
        StringBuilder text = new StringBuilder();
        int paragraphs = 0;
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String ns = xml.getNamespaceURI();
                String local = xml.getLocalName();
                if (OFFICE.equals(ns) && local.equals("annotation")) {
                    skip(xml);
                    depth--;
                } else if (TEXT.equals(ns)) {
                    switch (local) {
                        case "p", "h" -> text.append(paragraphs++ > 0 ? "\n" : "");
                        case "s" -> text.append(" ".repeat(Math.min(1000, count(attr(xml, TEXT, "c", "1")))));
                        case "tab" -> text.append('\t');
                        case "line-break" -> text.append('\n');
                        default -> {
                        }
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        switch (type) {
            case "float", "percentage", "currency" -> {
                if (number != null) {
                    return WorkbookGridReader.numeric(new BigDecimal(number.strip()));
                }
            }
            case "boolean" -> {
                if (bool != null) {
                    return new GridCell(String.valueOf(Boolean.parseBoolean(bool.strip())), null);
                }
            }
            default -> {
            }
        }
        return new GridCell(text.toString(), null);
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    private static String attr(XMLStreamReader xml, String ns, String name, String otherwise) {
        String v = xml.getAttributeValue(ns, name);
        return v == null ? otherwise : v;
    }

    /** A repeat or span count: a positive whole number, else 1. */
    private static int count(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** content.xml, inflated under the same limits as a workbook's part. */
    private static byte[] content(byte[] ods, ReadLimits limits) throws Malformed {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxEntrySize() + 1));
                    if (content.length > limits.maxEntrySize()) {
                        throw new LimitExceeded(limits.entryTooLarge());
                    }
                    long compressed = e.getCompressedSize();
                    if (compressed > 0 && content.length > GRACE_ENTRY_SIZE
                            && (double) compressed / content.length < limits.minInflateRatio()) {
                        throw new LimitExceeded(limits.inflatesTooMuch());
                    }
                    return content;
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LimitExceeded limit) {
                throw limit;
            }
            throw new Malformed("zip", e);
        }
        throw new Malformed("no content.xml", null);
    }
}
