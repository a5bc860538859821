package org.kaoping.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A 综合排名.xlsx as sheet name → cell address → raw value, without 运行信息 (run id, times, what changed) and the
 * ranking sheets' titles (the campaign's name, the run's time): what two runs on the same inputs must agree on cell by
 * cell.
 */
public final class RankingWorkbooks {
    private RankingWorkbooks() {
    }

    public static Map<String, Map<String, String>> cells(Path file) {
        DataFormatter raw = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().equals("运行信息")) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                int firstRow = Workbooks.headerRow(sheet);
                for (Row row : sheet) {
                    if (row.getRowNum() < firstRow) {
                        continue;
                    }
                    for (Cell cell : row) {
                        values.put(cell.getAddress().formatAsString(), cell.getCellType() + ":" + switch (cell.getCellType()) {
                            case NUMERIC -> Double.toString(cell.getNumericCellValue());
                            default -> raw.formatCellValue(cell);
                        });
                    }
                }
                sheets.put(sheet.getSheetName(), values);
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> sheetNames(Path file) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
