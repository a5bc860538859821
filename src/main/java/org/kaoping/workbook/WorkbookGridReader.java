package org.kaoping.workbook;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellExtraTypeEnum;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.idev.excel.metadata.CellExtra;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.EncryptedDocumentException;

/**
 * Streams every sheet of an .xlsx or .xls file into {@link SheetGrid}s with the FastExcel (EasyExcel-family)
 * event reader: no workbook DOM, merged regions included.
 */
public final class WorkbookGridReader {

    public List<SheetGrid> read(Path file) {
        Map<Integer, SheetGrid> sheets = new TreeMap<>();
        try {
            FastExcel.read(file.toFile(), new Collector(sheets))
                    .headRowNumber(0)
                    .readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
                    .extraRead(CellExtraTypeEnum.MERGE)
                    .ignoreEmptyRow(true)
                    .autoTrim(false)
                    .doReadAll();
        } catch (RuntimeException e) {
            throw new WorkbookReadException(file.getFileName().toString(), "", "", reason(e), e);
        }
        return new ArrayList<>(sheets.values());
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || String.valueOf(t.getMessage()).toLowerCase().contains("password")) {
                return "文件受密码保护，无法读取";
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

        Collector(Map<Integer, SheetGrid> sheets) {
            this.sheets = sheets;
        }

        private SheetGrid sheet(AnalysisContext context) {
            return sheets.computeIfAbsent(context.readSheetHolder().getSheetNo(),
                    no -> new SheetGrid(context.readSheetHolder().getSheetName(), no));
        }

        @Override
        public void invoke(Map<Integer, ReadCellData<?>> row, AnalysisContext context) {
            SheetGrid grid = sheet(context);
            int r = context.readRowHolder().getRowIndex();
            for (Map.Entry<Integer, ReadCellData<?>> e : row.entrySet()) {
                if (e.getValue() != null) {
                    grid.put(r, e.getKey(), cell(e.getValue()));
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
                    yield n == null ? GridCell.EMPTY : new GridCell(plain(n), tidy(n));
                }
                case STRING, DIRECT_STRING, RICH_TEXT_STRING -> new GridCell(data.getStringValue(), null);
                case BOOLEAN -> new GridCell(String.valueOf(data.getBooleanValue()), null);
                case ERROR -> new GridCell(data.getStringValue() == null ? "#ERROR" : data.getStringValue(), null);
                default -> GridCell.EMPTY;
            };
        }

        /** Binary floating point noise in cached formula results (0.30000000000000004) is not part of a score. */
        private static BigDecimal tidy(BigDecimal n) {
            return n.scale() > 6 ? n.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros() : n;
        }

        private static String plain(BigDecimal n) {
            return tidy(n).stripTrailingZeros().toPlainString();
        }
    }
}
