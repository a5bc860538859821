package org.kaoping.read;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An Excel 2003 XML spreadsheet (SpreadsheetML 2003: {@code <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">}),
 * as web systems export it under an ".xls" name: each {@code Worksheet} a sheet, {@code Row}/{@code Cell} placed by
 * their {@code ss:Index} (1-based) or after the one before, past cells that a {@code ss:MergeDown} above covers;
 * {@code ss:MergeAcross}/{@code ss:MergeDown} are merged regions. A {@code Number} cell gives its number, any other its
 * text; a formula's saved value is read, never evaluated. No DTD, no external entity.
 */
final class XmlSpreadsheetReader {
    static final String NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet";
    static final String CORRUPT = "Excel 2003 XML 表格已损坏，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 重新提交";
    private static final int MAX_COLUMNS = 16_384;

    /** The file is not the spreadsheet its first bytes promised. */
    static final class Malformed extends Exception {
        Malformed(Throwable cause) {
            super(cause);
        }
    }

    private XmlSpreadsheetReader() {
    }

    static List<SheetGrid> read(byte[] bytes, ReadLimits limits) throws Malformed {
        List<SheetGrid> sheets = new ArrayList<>();
        try {
            XMLStreamReader xml = SafeXml.reader(new ByteArrayInputStream(bytes));
            try {
                SheetGrid grid = null;
                int row = -1;
                int col = 0;
                // The columns a row has taken already, from cells above merged down into it.
                Map<Integer, BitSet> taken = new HashMap<>();
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT || !NAMESPACE.equals(xml.getNamespaceURI())) {
                        continue;
                    }
                    switch (xml.getLocalName()) {
                        case "Worksheet" -> {
                            grid = new SheetGrid(attr(xml, "Name", "Sheet" + (sheets.size() + 1)), sheets.size());
                            sheets.add(grid);
                            row = -1;
                            taken.clear();
                        }
                        case "Row" -> {
                            row = index(attr(xml, "Index", null), row + 1, limits.maxRows());
                            if (grid != null && row >= limits.maxRows()) {
                                throw new LimitExceeded(limits.tooManyRows(grid.name()));
                            }
                            col = 0;
                        }
                        case "Cell" -> {
                            if (grid == null || row < 0) {
                                break;
                            }
                            BitSet covered = taken.getOrDefault(row, new BitSet());
                            col = index(attr(xml, "Index", null), covered.nextClearBit(col), MAX_COLUMNS);
                            int across = span(attr(xml, "MergeAcross", "0"), MAX_COLUMNS - 1 - col);
                            int down = span(attr(xml, "MergeDown", "0"), limits.maxRows() - 1 - row);
                            grid.put(row, col, cell(xml));
                            if (across > 0 || down > 0) {
                                grid.merge(row, row + down, col, col + across);
                                for (int i = 1; i <= down; i++) {
                                    taken.computeIfAbsent(row + i, k -> new BitSet()).set(col, col + across + 1);
                                }
                            }
                            col += across + 1;
                        }
                        default -> {
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof LimitExceeded limit) {
                throw limit;
            }
            throw new Malformed(e);
        }
        return sheets;
    }

    /** The cell the reader stands on, read to its end: a Number's value, else the text of its Data. */
    private static GridCell cell(XMLStreamReader xml) throws XMLStreamException {
        String type = null;
        StringBuilder text = new StringBuilder();
        boolean inData = false;
        int depth = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 1 && xml.getLocalName().equals("Data")) {
                    type = attr(xml, "Type", "String");
                    inData = true;
                } else if (depth == 1) {
                    skip(xml); // a Comment, a NamedCell: not the cell's value
                    depth--;
                }
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inData) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    break;
                }
                if (--depth == 0) {
                    inData = false;
                }
            }
        }
        if ("Number".equals(type)) {
            try {
                return WorkbookGridReader.numeric(new BigDecimal(text.toString().strip()));
            } catch (NumberFormatException e) {
                // shown as written
            }
        }
        if ("Boolean".equals(type)) {
            return new GridCell(String.valueOf("1".equals(text.toString().strip())), null);
        }
        return new GridCell(text.toString(), null);
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** An attribute in the spreadsheet namespace ({@code ss:Index}), or written without a prefix. */
    private static String attr(XMLStreamReader xml, String name, String otherwise) {
        String v = xml.getAttributeValue(NAMESPACE, name);
        if (v == null) {
            v = xml.getAttributeValue(null, name);
        }
        return v == null ? otherwise : v;
    }

    /** A 1-based {@code ss:Index} as a 0-based place (bounded), or {@code next} when there is none. */
    private static int index(String value, int next, int max) {
        if (value == null) {
            return Math.min(next, max);
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.strip()) - 1, max));
        } catch (NumberFormatException e) {
            return Math.min(next, max);
        }
    }

    private static int span(String value, int max) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(value.strip()), Math.max(0, max)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
