package org.kaoping.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fast path for plain .xlsx files: the zip is read directly and each part streamed with StAX into
 * {@link SheetGrid}s — no OPC package model, no styles table, no temp files. That is what a returned appraisal
 * workbook (a few KB) costs to open with FastExcel many times over, and a large campaign has thousands of them.
 *
 * <p>It reads cells the way FastExcel's xlsx handlers do (types, shared strings with {@code _xHHHH_} escapes and
 * without phonetic runs, 15-digit numbers, merged regions), and declines — returns false — whatever it does not
 * handle plainly: not a zip, an odd package layout, a DTD, an entry whose declared sizes trip a zip limit, or
 * any parse error. The caller then reads the file with FastExcel, so refusals and their reasons stay the same.
 * Only a limit met while streaming (rows, or an entry inflating past what its header declared) is thrown.
 */
final class XlsxStreamReader {
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);
    /** POI's ZipArchiveThresholdInputStream does not judge the ratio of entries smaller than this. */
    private static final long GRACE_ENTRY_SIZE = 100 * 1024;
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    private static final String OFFICE_DOCUMENT = "/officeDocument";
    private static final String WORKSHEET = "/worksheet";
    private static final String SHARED_STRINGS = "/sharedStrings";
    /** Per thread: the JDK does not promise that one factory may create readers on several threads at once. */

    private final ZipFile zip;
    private final ReadLimits limits;

    private XlsxStreamReader(ZipFile zip, ReadLimits limits) {
        this.zip = zip;
        this.limits = limits;
    }

    /** Declined: the file is left to the general reader. */
    private static final class Declined extends Exception {
        Declined() {
            super(null, null, false, false);
        }
    }

    /**
     * Fills {@code sheets} (by sheet number) and {@code uncached}; false when the file is not one to read here,
     * in which case both are left empty.
     */
    static boolean read(Path file, ReadLimits limits, Map<Integer, SheetGrid> sheets,
                        List<WorkbookGridReader.Uncached> uncached) {
        return startsLikeZip(file) && readZip(file, limits, sheets, uncached);
    }

    /** As {@link #read}, for a file already known to start as a zip does (the caller has looked at its first bytes). */
    static boolean readZip(Path file, ReadLimits limits, Map<Integer, SheetGrid> sheets,
                           List<WorkbookGridReader.Uncached> uncached) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            new XlsxStreamReader(zip, limits).readAll(sheets, uncached);
            return true;
        } catch (LimitExceeded e) {
            throw e;
        } catch (Declined | IOException | XMLStreamException | RuntimeException e) {
            sheets.clear();
            uncached.clear();
            return false;
        }
    }

    private void readAll(Map<Integer, SheetGrid> sheets, List<WorkbookGridReader.Uncached> uncached)
            throws Declined, IOException, XMLStreamException {
        checkDeclaredSizes();
        String workbook = target(relationships("", "_rels/.rels"), OFFICE_DOCUMENT);
        Map<String, Relationship> rels = relationships(folder(workbook), relsOf(workbook));
        Relationship sst = rels.values().stream().filter(r -> r.type().endsWith(SHARED_STRINGS)).findFirst().orElse(null);
        List<String> shared = sst == null ? List.of() : sharedStrings(sst.target());
        List<String[]> listed = sheetsOf(workbook);
        for (int no = 0; no < listed.size(); no++) {
            Relationship r = rels.get(listed.get(no)[1]);
            if (r == null || !r.type().endsWith(WORKSHEET)) {
                throw new Declined();
            }
            SheetGrid grid = new SheetGrid(listed.get(no)[0], no);
            sheets.put(no, grid);
            readSheet(r.target(), grid, shared, uncached);
        }
    }

    private record Relationship(String type, String target) {
    }

    /** An entry that declares a size over a zip limit is left to POI, which judges (and names) it as before. */
    private void checkDeclaredSizes() throws Declined {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size < 0 || compressed < 0 || size > limits.maxEntrySize()
                    || (size > GRACE_ENTRY_SIZE && (double) compressed / size < limits.minInflateRatio())) {
                throw new Declined();
            }
        }
    }

    private Map<String, Relationship> relationships(String base, String relsPart) throws Declined, IOException,
            XMLStreamException {
        Map<String, Relationship> out = new HashMap<>();
        XMLStreamReader xml = open(relsPart);
        try {
            while (next(xml) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.isStartElement() && xml.getLocalName().equals("Relationship")
                        && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                    out.put(xml.getAttributeValue(null, "Id"), new Relationship(xml.getAttributeValue(null, "Type"),
                            resolve(base, xml.getAttributeValue(null, "Target"))));
                }
            }
        } finally {
            xml.close();
        }
        return out;
    }

    private static String target(Map<String, Relationship> rels, String typeSuffix) throws Declined {
        return rels.values().stream().filter(r -> r.type() != null && r.type().endsWith(typeSuffix))
                .map(Relationship::target).findFirst().orElseThrow(Declined::new);
    }

    /** Sheet names and relationship ids, in workbook order (FastExcel's sheet numbers). */
    private List<String[]> sheetsOf(String workbook) throws Declined, IOException, XMLStreamException {
        List<String[]> out = new ArrayList<>();
        XMLStreamReader xml = open(workbook);
        try {
            while (next(xml) != XMLStreamConstants.END_DOCUMENT) {
                if (xml.isStartElement() && xml.getLocalName().equals("sheet")) {
                    String id = null;
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if (xml.getAttributeLocalName(i).equals("id")) {
                            id = xml.getAttributeValue(i);
                        }
                    }
                    out.add(new String[] {xml.getAttributeValue(null, "name"), id});
                }
            }
        } finally {
            xml.close();
        }
        return out;
    }

    /** Each {@code <si>}: its {@code <t>} texts joined, phonetic runs ({@code <rPh>}) left out. */
    private List<String> sharedStrings(String part) throws Declined, IOException, XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader xml = open(part);
        try {
            StringBuilder text = null;
            int phonetic = 0;
            for (int event = next(xml); event != XMLStreamConstants.END_DOCUMENT; event = next(xml)) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String t = xml.getElementText();
                            if (phonetic == 0 && text != null) {
                                text.append(t);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("rPh")) {
                        phonetic--;
                    } else if (xml.getLocalName().equals("si") && text != null) {
                        out.add(unescape(text.toString()));
                        text = null;
                    }
                }
            }
        } finally {
            xml.close();
        }
        return out;
    }

    private void readSheet(String part, SheetGrid grid, List<String> shared, List<WorkbookGridReader.Uncached> uncached)
            throws Declined, IOException, XMLStreamException {
        XMLStreamReader xml = open(part);
        try {
            int row = -1;
            int col = -1;
            String type = null;
            String value = null;
            String formula = null;
            StringBuilder inline = null;
            for (int event = next(xml); event != XMLStreamConstants.END_DOCUMENT; event = next(xml)) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                            col = -1;
                        }
                        case "c" -> {
                            String r = xml.getAttributeValue(null, "r");
                            col = r == null ? col + 1 : column(r);
                            type = xml.getAttributeValue(null, "t");
                            value = null;
                            formula = null;
                            inline = null;
                        }
                        case "v" -> value = xml.getElementText();
                        case "f" -> formula = xml.getElementText();
                        case "is" -> inline = new StringBuilder();
                        case "t" -> {
                            String t = xml.getElementText();
                            if (inline != null) {
                                inline.append(t);
                            }
                        }
                        case "mergeCell" -> {
                            var range = org.apache.poi.ss.util.CellRangeAddress.valueOf(xml.getAttributeValue(null, "ref"));
                            grid.merge(range.getFirstRow(), range.getLastRow(), range.getFirstColumn(), range.getLastColumn());
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                    cell(grid, row, col, type, value, formula, inline, shared, uncached);
                }
            }
        } finally {
            xml.close();
        }
    }

    /** One cell, typed as FastExcel's CellTagHandler types it. */
    private void cell(SheetGrid grid, int row, int col, String type, String value, String formula, StringBuilder inline,
                      List<String> shared, List<WorkbookGridReader.Uncached> uncached) throws Declined {
        GridCell cell;
        if ("inlineStr".equals(type)) {
            cell = new GridCell(inline == null ? null : inline.toString(), null);
        } else if (value == null || value.isEmpty()) {
            if (formula == null) {
                return;
            }
            limitRows(grid, row);
            uncached.add(new WorkbookGridReader.Uncached(grid.index(), row, col, formula));
            return;
        } else if (type == null || type.isEmpty() || type.equals("n")) {
            cell = WorkbookGridReader.numeric(new BigDecimal(value).round(EXCEL_DIGITS));
        } else {
            cell = switch (type) {
                case "s" -> new GridCell(shared.get(Integer.parseInt(value.strip())), null);
                case "str", "e" -> new GridCell(value, null);
                case "b" -> new GridCell(String.valueOf("1".equals(value) || "true".equalsIgnoreCase(value)), null);
                default -> throw new Declined();
            };
        }
        if (!cell.isEmpty()) {
            limitRows(grid, row);
            grid.put(row, col, cell);
        }
    }

    private void limitRows(SheetGrid grid, int row) {
        if (row >= limits.maxRows()) {
            throw new LimitExceeded(limits.tooManyRows(grid.name()));
        }
    }

    private XMLStreamReader open(String part) throws Declined, IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new Declined();
        }
        return SafeXml.reader(new Guarded(zip.getInputStream(entry), entry, limits));
    }

    /** The next event; a DTD (where external entities would hide) is left to the general reader to refuse. */
    private static int next(XMLStreamReader xml) throws XMLStreamException, Declined {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new Declined();
        }
        return event;
    }

    /** {@code A12} → 0-based column 0; the letters before the digits. */
    private static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                col = col * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return col - 1;
    }

    private static String resolve(String base, String target) {
        if (target == null) {
            return "";
        }
        String path = target.startsWith("/") ? target.substring(1) : base + target;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private static String folder(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    private static String relsOf(String part) {
        return folder(part) + "_rels/" + part.substring(part.lastIndexOf('/') + 1) + ".rels";
    }

    /** Excel writes characters XML cannot hold as {@code _xHHHH_} in shared strings. */
    static String unescape(String s) {
        if (!s.contains("_x")) {
            return s;
        }
        Matcher m = ESCAPED.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            last = m.end();
        }
        return out.append(s, last, s.length()).toString();
    }

    private static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Counts what an entry inflates to, so that an entry whose header understates its size still meets the same
     * limits as under POI: the expanded size, and the compressed/expanded ratio beyond a small grace size.
     */
    private static final class Guarded extends FilterInputStream {
        private final long compressed;
        private final ReadLimits limits;
        private long inflated;

        Guarded(InputStream in, ZipEntry entry, ReadLimits limits) {
            super(in);
            this.compressed = entry.getCompressedSize();
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            inflated += n;
            if (inflated > limits.maxEntrySize()) {
                throw new LimitExceeded(limits.entryTooLarge());
            }
            if (inflated > GRACE_ENTRY_SIZE && (double) compressed / inflated < limits.minInflateRatio()) {
                throw new LimitExceeded(limits.inflatesTooMuch());
            }
        }
    }
}
