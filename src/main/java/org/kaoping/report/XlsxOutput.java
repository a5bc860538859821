package org.kaoping.report;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.text.Xml;

/**
 * Writes one streaming workbook. Every long table is written as rows of XML ({@link RowWriter}) or laid in already
 * compressed, so POI's own rows are few: headers and 运行信息's lines (a line per changed file and unit), which SXSSF
 * keeps in memory here rather than in a temp file per sheet.
 */
final class XlsxOutput {
    static final int WINDOW = 200;

    static {
        XmlProviders.useJdkDefaults();
    }

    private XlsxOutput() {
    }

    /** Writes the workbook {@code content} lays out. */
    static void write(Path target, DisplayRounding rounding, Consumer<SheetStyles> content) {
        try (StreamingWorkbook workbook = new StreamingWorkbook(WINDOW)) {
            content.accept(new SheetStyles(workbook, rounding));
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Buffered: the spliced sheet's rows are laid in a unit's segment (a KB or two) at a time, and each would
            // otherwise have been a write of its own to the file (5,000 of them for a campaign of 5,000 units).
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
                if (workbook.spliced.isEmpty() && workbook.shared.isEmpty()) {
                    workbook.write(out);
                } else {
                    spliced(workbook, parent, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the package in {@code directory} (the target's) and writes it to {@code out} with its rows and strings
     * laid in. Saved to a file, not to memory: a package of a MB or more in one array is a humongous object for G1,
     * and allocating such arrays started a marking of the whole heap in reruns (0.14–0.18 CPU-seconds a rerun).
     */
    private static void spliced(StreamingWorkbook workbook, Path directory, OutputStream out) throws IOException {
        Path saved = Files.createTempFile(directory, ".saving-", ".xlsx");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(saved), 1 << 16)) {
                workbook.write(file);
            }
            try (SeekableByteChannel channel = Files.newByteChannel(saved)) {
                ZipSplice.splice(channel, workbook.splicedByEntry(), workbook.replacedEntries(), out);
            }
        } finally {
            Files.deleteIfExists(saved);
        }
    }

    /** A sheet's POI rows as SXSSF writes them, kept in memory (see {@link StreamingWorkbook#createSheetDataWriter}). */
    static final class InMemorySheetData extends SheetDataWriter {
        // Set by createWriter, which SheetDataWriter's constructor calls: an initialiser here would run after it.
        private ByteArrayOutputStream rows;

        InMemorySheetData() throws IOException {
            super();
        }

        /** No file: SheetDataWriter deletes this one when the sheet is disposed, which does nothing. */
        @Override
        public File createTempFile() {
            return new File("");
        }

        @Override
        public Writer createWriter(File unused) {
            rows = new ByteArrayOutputStream();
            return new OutputStreamWriter(rows, StandardCharsets.UTF_8);
        }

        /** Asked for once the sheet has closed the writer, so the rows are all there. */
        @Override
        public InputStream getWorksheetXMLInputStream() {
            return new ByteArrayInputStream(rows.toByteArray());
        }
    }

    /**
     * SXSSF with two additions for large campaigns. The package is deflated at the fastest level: the sheet XML
     * (分项得分 has a row per unit and leaf) is tens of MB, and compressing it at the default level took as long as
     * writing it; the file comes out somewhat larger, and Excel and WPS open it the same. And a sheet may have its
     * rows streamed: POI writes the sheet's frame (columns, header row, panes, filter, print setup) and
     * the rows are written as XML into its {@code <sheetData>} as the package is saved, with no POI cell objects
     * or temp file in between.
     */
    static final class StreamingWorkbook extends SXSSFWorkbook {
        private final Map<SXSSFSheet, Streamed> streamed = new HashMap<>();
        private final Map<SXSSFSheet, List<LeafRows>> spliced = new LinkedHashMap<>();
        // Streamed and spliced sheets alike: SXSSF sizes each sheet by the rows it holds, here only the header.
        private final Map<SXSSFSheet, CellRangeAddress> dimensions = new HashMap<>();
        // The shared-strings table of streamed rows, by index. It is written as the package is saved, in place of
        // POI's (which stays empty: SXSSF's own cells hold their texts inline): POI's builds each text's XML to look
        // it up, which for a large campaign's names and files cost more than writing the rows.
        private final Map<String, Integer> shared = new LinkedHashMap<>();

        private record Streamed(StreamedRows rows, Function<OutputStream, RowWriter> writer) {
        }

        StreamingWorkbook(int window) {
            super(window);
        }

        /** {@code dimension}: the range the sheet's rows will cover, header included (readers size the sheet by it). */
        void stream(SXSSFSheet sheet, CellRangeAddress dimension, Function<OutputStream, RowWriter> writer,
                    StreamedRows rows) {
            streamed.put(sheet, new Streamed(rows, writer));
            dimensions.put(sheet, dimension);
        }

        /**
         * Rows already written and compressed ({@link ZipSplice}): the sheet is saved with a marker below its header,
         * where the package is then given {@code rows} as they are.
         */
        void splice(SXSSFSheet sheet, CellRangeAddress dimension, List<LeafRows> rows) {
            spliced.put(sheet, rows);
            dimensions.put(sheet, dimension);
        }

        Map<String, Integer> sharedStrings() {
            return shared;
        }

        private Map<String, byte[]> replacedEntries() {
            if (shared.isEmpty()) {
                return Map.of();
            }
            StringBuilder xml = new StringBuilder(64 + shared.size() * 32).append(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"")
                    .append(XSSFRelation.NS_SPREADSHEETML).append("\" count=\"").append(shared.size())
                    .append("\" uniqueCount=\"").append(shared.size()).append("\">");
            for (String text : shared.keySet()) {
                xml.append(text.equals(text.strip()) ? "<si><t>" : "<si><t xml:space=\"preserve\">");
                Xml.escape(xml, text);
                xml.append("</t></si>");
            }
            xml.append("</sst>");
            String entry = getXSSFWorkbook().getSharedStringSource().getPackagePart().getPartName().getName().substring(1);
            return Map.of(entry, xml.toString().getBytes(StandardCharsets.UTF_8));
        }

        private Map<String, List<LeafRows>> splicedByEntry() {
            Map<String, List<LeafRows>> out = new HashMap<>();
            spliced.forEach((sheet, rows) -> out.put(getXSSFWorkbook().getSheet(sheet.getSheetName()).getPackagePart()
                    .getPartName().getName().substring(1), rows));
            return out;
        }

        @Override
        protected void flushSheets() throws IOException {
            super.flushSheets();
            dimensions.forEach((sheet, d) -> getXSSFWorkbook().getSheet(sheet.getSheetName()).setDimensionOverride(d));
        }

        @Override
        protected ISheetInjector createSheetInjector(SXSSFSheet sheet) throws IOException {
            ISheetInjector written = super.createSheetInjector(sheet);
            if (spliced.containsKey(sheet)) {
                return out -> {
                    written.writeSheetData(out);
                    out.write(ZipSplice.MARKER.getBytes(StandardCharsets.US_ASCII));
                };
            }
            Streamed s = streamed.get(sheet);
            if (s == null) {
                return written;
            }
            return out -> {
                written.writeSheetData(out);
                RowWriter rows = s.writer().apply(out);
                s.rows().write(rows);
                rows.finish();
            };
        }

        /**
         * POI's own rows of a sheet (its header; 运行信息's lines) kept in memory, not in a temp file: every long
         * table is streamed or spliced, so they are a few KB (a MB or so when thousands of units changed), and
         * creating and deleting a temp file per sheet, nine a run, was about a tenth of writing the workbooks on a
         * file system that discards freed blocks at once (JFR).
         */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new InMemorySheetData();
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
