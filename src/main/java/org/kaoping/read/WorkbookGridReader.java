package org.kaoping.read;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellDataTypeEnum;
import cn.idev.excel.enums.CellExtraTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.CellExtra;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams every sheet of an .xlsx or .xls file into {@link SheetGrid}s with the FastExcel (EasyExcel-family)
 * event reader: no workbook DOM, merged regions included. What a file is comes from its first bytes
 * ({@link FileKind}): web pages, delimited text and .ods files are read by their own readers, whatever their name.
 */
public final class WorkbookGridReader {
    private static final Logger log = LoggerFactory.getLogger(WorkbookGridReader.class);
    private static final String CONTENT_TYPES = "[Content_Types].xml";

    private final ReadLimits limits;

    public WorkbookGridReader() {
        this(ReadLimits.DEFAULT);
    }

    /**
     * The zip limits ({@link ReadLimits#minInflateRatio}, {@link ReadLimits#maxEntrySize}) are POI-global and
     * set once at startup (ZipLimits); the row limit is enforced here while streaming.
     */
    public WorkbookGridReader(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * A file's sheets, what its content showed it to be, and — when that is not what its name says — what staff are
     * told ({@code 这是网页文件（HTML），扩展名却是 .xls；已按网页表格读取}), else null.
     */
    public record Contents(FileKind kind, List<SheetGrid> sheets, String readAs) {
    }

    public List<SheetGrid> read(Path file) {
        return open(file).sheets();
    }

    /** Reads a file by what its first bytes show it is: a workbook, a web page, delimited text or an .ods. */
    public Contents open(Path file) {
        String name = file.getFileName().toString();
        byte[] head = new byte[FileKind.HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            log.warn("无法打开 {}：{}", file, e.toString());
            throw new WorkbookReadException(name, "", "", Reasons.UNREADABLE_FILE, e);
        }
        FileKind kind = FileKind.of(head, n);
        return switch (kind) {
            case ZIP, OLE2 -> new Contents(kind, workbook(new Source(file, null), name, kind), null);
            case HTML, TEXT, ODS, XML_SPREADSHEET -> other(kind, name, () -> Files.readAllBytes(file));
            default -> throw new WorkbookReadException(name, "", "", Reasons.notASpreadsheet(kind), null);
        };
    }

    /** As {@link #open(Path)}, for a file held in memory (a member of a zip), named by {@code name}. */
    public Contents open(String name, byte[] bytes) {
        FileKind kind = FileKind.of(bytes, Math.min(bytes.length, FileKind.HEAD));
        return switch (kind) {
            case ZIP, OLE2 -> new Contents(kind, workbook(new Source(null, bytes), name, kind), null);
            case HTML, TEXT, ODS, XML_SPREADSHEET -> other(kind, name, () -> bytes);
            default -> throw new WorkbookReadException(name, "", "", Reasons.notASpreadsheet(kind), null);
        };
    }

    private interface Bytes {
        byte[] get() throws IOException;
    }

    /** A workbook on disk or in memory. */
    private record Source(Path file, byte[] bytes) {
        InputStream open() throws IOException {
            return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
        }
    }

    private List<SheetGrid> workbook(Source source, String name, FileKind kind) {
        Map<Integer, SheetGrid> sheets = new TreeMap<>();
        List<Uncached> uncached = new ArrayList<>();
        try {
            // Plain .xlsx files (nearly all returns) take the lean path; anything else, and anything it declines,
            // is read by FastExcel, which also gives the reasons files are refused for.
            if (source.file() == null || kind != FileKind.ZIP
                    || !XlsxStreamReader.readZip(source.file(), limits, sheets, uncached)) {
                readWithFastExcel(source, sheets, uncached);
            }
        } catch (RuntimeException e) {
            String reason = reason(e, limits, source, kind);
            log.warn("{} 无法作为工作簿读取（{}）：{}", name, reason, technical(e));
            throw new WorkbookReadException(name, "", "", reason, e);
        }
        if (!uncached.isEmpty()) {
            evaluate(source, sheets, uncached);
        }
        return new ArrayList<>(sheets.values());
    }

    /** A web page, delimited text or an OpenDocument spreadsheet. */
    private Contents other(FileKind kind, String name, Bytes content) {
        try {
            byte[] bytes = content.get();
            String base = Reasons.baseName(name);
            return switch (kind) {
                case HTML -> {
                    List<SheetGrid> sheets = HtmlTableReader.read(bytes, base, limits);
                    if (sheets.isEmpty()) {
                        throw new WorkbookReadException(name, "", "", Reasons.NO_HTML_TABLE, null);
                    }
                    yield new Contents(kind, sheets, Reasons.readAs(kind, name, "网页文件（HTML）", "网页表格"));
                }
                case TEXT -> {
                    SheetGrid grid = DelimitedTextReader.read(bytes, base, limits);
                    boolean tabs = DelimitedTextReader.delimiter(TextDecoding.decode(bytes, null)) == '\t';
                    yield new Contents(kind, List.of(grid), Reasons.readAs(kind, name,
                            tabs ? "文本文件（制表符分隔）" : "文本文件（逗号分隔）", "文本表格"));
                }
                case XML_SPREADSHEET -> {
                    List<SheetGrid> sheets = XmlSpreadsheetReader.read(bytes, limits);
                    if (sheets.isEmpty()) {
                        throw new WorkbookReadException(name, "", "", Reasons.NO_XML_SHEET, null);
                    }
                    yield new Contents(kind, sheets, Reasons.readAs(kind, name, " Excel 2003 XML 表格", " XML 表格"));
                }
                default -> new Contents(kind, OdsReader.read(bytes, limits),
                        Reasons.readAs(kind, name, FileKind.ODS.description(), " .ods 表格"));
            };
        } catch (LimitExceeded e) {
            throw new WorkbookReadException(name, "", "", e.getMessage(), e);
        } catch (IOException e) {
            log.warn("无法打开 {}：{}", name, e.toString());
            throw new WorkbookReadException(name, "", "", Reasons.UNREADABLE_FILE, e);
        } catch (OdsReader.Malformed e) {
            log.warn("{} 无法作为 .ods 读取：{}", name, technical(e));
            throw new WorkbookReadException(name, "", "", OdsReader.CORRUPT, e);
        } catch (XmlSpreadsheetReader.Malformed e) {
            log.warn("{} 无法作为 Excel 2003 XML 表格读取：{}", name, technical(e));
            throw new WorkbookReadException(name, "", "", XmlSpreadsheetReader.CORRUPT, e);
        }
    }

    /** FastExcel alone, as before the lean path: the reference the lean path is tested against. */
    List<SheetGrid> readWithFastExcel(Path file) {
        Map<Integer, SheetGrid> sheets = new TreeMap<>();
        readWithFastExcel(new Source(file, null), sheets, new ArrayList<>());
        return new ArrayList<>(sheets.values());
    }

    private void readWithFastExcel(Source source, Map<Integer, SheetGrid> sheets, List<Uncached> uncached) {
        Collector collector = new Collector(sheets, limits, uncached);
        (source.file() != null ? FastExcel.read(source.file().toFile(), collector)
                : FastExcel.read(new ByteArrayInputStream(source.bytes()), collector))
                .headRowNumber(0)
                .readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
                .extraRead(CellExtraTypeEnum.MERGE)
                .ignoreEmptyRow(true)
                .autoTrim(false)
                .doReadAll();
    }

    /** A formula cell saved without a result (Excel and WPS always save one; some generators do not). */
    record Uncached(int sheet, int row, int col, String formula) {
    }

    /**
     * Evaluates the formulas that came without a result, opening the workbook read-only just for them. A
     * formula that cannot be evaluated keeps its text, so it reads as unreadable rather than blank.
     */
    private static void evaluate(Source source, Map<Integer, SheetGrid> sheets, List<Uncached> cells) {
        try (Workbook wb = source.file() != null ? WorkbookFactory.create(source.file().toFile(), null, true)
                : WorkbookFactory.create(new ByteArrayInputStream(source.bytes()))) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Uncached u : cells) {
                GridCell value;
                try {
                    Row row = wb.getSheetAt(u.sheet()).getRow(u.row());
                    value = evaluated(evaluator.evaluate(row == null ? null : row.getCell(u.col())));
                } catch (RuntimeException e) {
                    value = new GridCell("=" + u.formula(), null);
                }
                sheets.get(u.sheet()).put(u.row(), u.col(), value);
            }
        } catch (IOException | RuntimeException e) {
            cells.forEach(u -> sheets.get(u.sheet()).put(u.row(), u.col(), new GridCell("=" + u.formula(), null)));
        }
    }

    private static GridCell evaluated(CellValue v) {
        if (v == null) {
            return GridCell.EMPTY;
        }
        return switch (v.getCellType()) {
            case NUMERIC -> {
                yield numeric(BigDecimal.valueOf(v.getNumberValue()));
            }
            case STRING -> new GridCell(v.getStringValue(), null);
            case BOOLEAN -> new GridCell(String.valueOf(v.getBooleanValue()), null);
            case ERROR -> new GridCell(FormulaError.forInt(v.getErrorValue()).getString(), null);
            default -> GridCell.EMPTY;
        };
    }

    /**
     * An encrypted .xlsx is an OLE2 container around an EncryptedPackage stream; the .xlsx reader only says "OLE2,
     * not Office XML", which would read as a corrupt file. A Word document is an OLE2 container too.
     */
    private static String ole2Reason(Source source) {
        try (InputStream in = source.open(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                return Reasons.ENCRYPTED;
            }
            return fs.getRoot().hasEntry("WordDocument") ? Reasons.WORD : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A zip that opens as one but is no Office package: a zip of files named as a workbook. */
    private static boolean isPlainZip(Source source) {
        try (ZipInputStream zip = new ZipInputStream(source.open())) {
            boolean any = false;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(CONTENT_TYPES)) {
                    return false;
                }
                any = true;
            }
            return any;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String reason(Throwable e, ReadLimits limits, Source source, FileKind kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded) {
                return t.getMessage();
            }
            // POI's ZipSecureFile says "Zip bomb detected! The file would exceed the max. ratio ..." or "... max size ..."
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Zip bomb detected!")) {
                return message.contains("ratio") ? limits.inflatesTooMuch() : limits.entryTooLarge();
            }
        }
        String ole2 = kind == FileKind.OLE2 ? ole2Reason(source) : null;
        if (ole2 != null) {
            return ole2;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || String.valueOf(t.getMessage()).toLowerCase().contains("password")) {
                return Reasons.ENCRYPTED;
            }
        }
        return kind == FileKind.ZIP && isPlainZip(source) ? Reasons.PLAIN_ZIP : Reasons.CORRUPT;
    }

    /** The technical detail of a refusal, for the log only: the innermost cause's class and first line. */
    static String technical(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static final class Collector implements ReadListener<Map<Integer, ReadCellData<?>>> {
        private final Map<Integer, SheetGrid> sheets;
        private final ReadLimits limits;
        private final List<Uncached> uncached;

        Collector(Map<Integer, SheetGrid> sheets, ReadLimits limits, List<Uncached> uncached) {
            this.sheets = sheets;
            this.limits = limits;
            this.uncached = uncached;
        }

        private SheetGrid sheet(AnalysisContext context) {
            return sheets.computeIfAbsent(context.readSheetHolder().getSheetNo(),
                    no -> new SheetGrid(context.readSheetHolder().getSheetName(), no));
        }

        @Override
        public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
            SheetGrid grid = sheet(context);
            int r = context.readRowHolder().getRowIndex();
            if (r >= limits.maxRows()) {
                throw new LimitExceeded(limits.tooManyRows(grid.name()));
            }
            for (Map.Entry<Integer, ReadCellData<?>> e : row.entrySet()) {
                ReadCellData<?> data = e.getValue();
                if (data == null) {
                    continue;
                }
                if ((data.getType() == null || data.getType() == CellDataTypeEnum.EMPTY) && data.getFormulaData() != null
                        && data.getFormulaData().getFormulaValue() != null) {
                    uncached.add(new Uncached(grid.index(), r, e.getKey(), data.getFormulaData().getFormulaValue()));
                } else {
                    grid.put(r, e.getKey(), cell(data));
                }
            }
        }

        @Override
        public void extra(CellExtra extra, AnalysisContext context) {
            if (extra.getType() == CellExtraTypeEnum.MERGE) {
                sheet(context).merge(extra.getFirstRowIndex(), extra.getLastRowIndex(), extra.getFirstColumnIndex(),
                        extra.getLastColumnIndex());
            }
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
            sheet(context);
        }

        private static GridCell cell(ReadCellData<?> data) {
            if (data.getType() == null) {
                return GridCell.EMPTY;
            }
            return switch (data.getType()) {
                case NUMBER -> {
                    BigDecimal n = data.getNumberValue();
                    yield n == null ? GridCell.EMPTY : numeric(n);
                }
                case STRING, DIRECT_STRING, RICH_TEXT_STRING -> new GridCell(data.getStringValue(), null);
                case BOOLEAN -> new GridCell(String.valueOf(data.getBooleanValue()), null);
                case ERROR -> new GridCell(data.getStringValue() == null ? "#ERROR" : data.getStringValue(), null);
                default -> GridCell.EMPTY;
            };
        }
    }

    /** A numeric cell: its text as shown without float noise, and the number itself. */
    static GridCell numeric(BigDecimal n) {
        return new GridCell(plain(n), tidy(n));
    }

    /** Binary floating point noise in cached formula results (0.30000000000000004) is not part of a score. */
    private static BigDecimal tidy(BigDecimal n) {
        return n.scale() > 6 ? n.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros() : n;
    }

    private static String plain(BigDecimal n) {
        return tidy(n).stripTrailingZeros().toPlainString();
    }
}
