package org.kaoping.read;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellDataTypeEnum;
import cn.idev.excel.enums.CellExtraTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.CellExtra;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Streams every sheet of an .xlsx or .xls file into {@link SheetGrid}s with the FastExcel (EasyExcel-family)
 * event reader: no workbook DOM, merged regions included.
 */
public final class WorkbookGridReader {
    private static final String PASSWORD_PROTECTED = "文件受密码保护，无法读取";

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

    public List<SheetGrid> read(Path file) {
        Map<Integer, SheetGrid> sheets = new TreeMap<>();
        List<Uncached> uncached = new ArrayList<>();
        try {
            // Plain .xlsx files (nearly all returns) take the lean path; anything else, and anything it declines,
            // is read by FastExcel, which also gives the reasons files are refused for.
            if (!XlsxStreamReader.read(file, limits, sheets, uncached)) {
                readWithFastExcel(file, sheets, uncached);
            }
        } catch (RuntimeException e) {
            String reason = isEncryptedOoxml(file) ? PASSWORD_PROTECTED : reason(e, limits);
            throw new WorkbookReadException(file.getFileName().toString(), "", "", reason, e);
        }
        if (!uncached.isEmpty()) {
            evaluate(file, sheets, uncached);
        }
        return new ArrayList<>(sheets.values());
    }

    /** FastExcel alone, as before the lean path: the reference the lean path is tested against. */
    List<SheetGrid> readWithFastExcel(Path file) {
        Map<Integer, SheetGrid> sheets = new TreeMap<>();
        readWithFastExcel(file, sheets, new ArrayList<>());
        return new ArrayList<>(sheets.values());
    }

    private void readWithFastExcel(Path file, Map<Integer, SheetGrid> sheets, List<Uncached> uncached) {
        Collector collector = new Collector(sheets, limits, uncached);
        FastExcel.read(file.toFile(), collector)
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
    private static void evaluate(Path file, Map<Integer, SheetGrid> sheets, List<Uncached> cells) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
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
     * An encrypted .xlsx is an OLE2 container around an EncryptedPackage stream; the .xlsx reader only
     * says "OLE2, not Office XML", which would read as a corrupt file.
     */
    private static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String reason(Throwable e, ReadLimits limits) {
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || String.valueOf(t.getMessage()).toLowerCase().contains("password")) {
                return PASSWORD_PROTECTED;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "文件损坏或不是有效的 Excel 工作簿（" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage())) + "）";
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
