package org.kaoping.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads an output workbook back as rows of header → cell text (numbers as plain decimals), for assertions. */
public final class Workbooks {
    private Workbooks() {
    }

    public static List<Map<String, String>> rows(Path file, String sheetName) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                throw new IllegalArgumentException("no sheet " + sheetName + " in " + file);
            }
            int headerRow = headerRow(sheet);
            List<String> names = new ArrayList<>();
            sheet.getRow(headerRow).forEach(c -> names.add(c.getStringCellValue()));
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < names.size(); c++) {
                    values.put(names.get(c), text(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> header(Path file, String sheetName) {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            List<String> names = new ArrayList<>();
            Sheet sheet = wb.getSheet(sheetName);
            sheet.getRow(headerRow(sheet)).forEach(c -> names.add(c.getStringCellValue()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's header: the first row, or the second below a title (a row of one cell, merged across). */
    public static int headerRow(Sheet sheet) {
        Row first = sheet.getRow(0);
        return first != null && first.getPhysicalNumberOfCells() == 1 && sheet.getNumMergedRegions() > 0
                && sheet.getMergedRegion(0).getFirstRow() == 0 && sheet.getMergedRegion(0).getLastRow() == 0 ? 1 : 0;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return new java.math.BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return cell.getStringCellValue();
    }

    /** Writes a copy of a matrix (汇总表) workbook with one score changed: the unit's row, the given column. */
    public static void copyWithMatrixScore(Path from, Path to, String unit, int column, double value) {
        try (InputStream in = Files.newInputStream(from); Workbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheetAt(0)) {
                Cell name = row.getCell(1);
                if (name != null && unit.equals(name.toString())) {
                    row.getCell(column).setCellValue(value);
                }
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
