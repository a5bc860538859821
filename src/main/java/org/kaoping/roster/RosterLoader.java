package org.kaoping.roster;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.kaoping.read.GridCell;
import org.kaoping.read.ReadLimits;
import org.kaoping.read.SheetGrid;
import org.kaoping.read.WorkbookGridReader;
import org.kaoping.text.Text;

/**
 * Reads a roster (单位名单) from .xlsx/.xls or .csv (UTF-8, BOM tolerated). Columns by header text:
 * 单位名称 (required), 别名 (several, separated by ；;、,), 在职人数, 分组, 考核组.
 */
public final class RosterLoader {
    private static final String NAME = "单位名称";
    private static final String ALIASES = "别名";
    private static final String HEADCOUNT = "在职人数";
    private static final String DIVISION = "分组";
    private static final String GROUP = "考核组";
    private static final String ALIAS_SEPARATORS = "[；;、,，]";
    // A roster has a row per unit: as many as a sheet can hold.
    /** Throws the error a run gives for a roster that is not there, before anything else is read. */
    public static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RosterException("找不到单位名单 " + file);
        }
    }

    private static final ReadLimits ROSTER_LIMITS = new ReadLimits(ReadLimits.DEFAULT.maxFileSize(), 1_048_576,
            ReadLimits.DEFAULT.minInflateRatio(), ReadLimits.DEFAULT.maxEntrySize());

    public Roster load(Path file) {
        requireFile(file);
        List<List<String>> rows = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? csv(file) : spreadsheet(file);
        return parse(file.getFileName().toString(), rows);
    }

    private Roster parse(String source, List<List<String>> rows) {
        int headerRow = -1;
        for (int r = 0; r < Math.min(rows.size(), 15) && headerRow < 0; r++) {
            if (rows.get(r).stream().map(Text::key).anyMatch(NAME::equals)) {
                headerRow = r;
            }
        }
        if (headerRow < 0) {
            throw new RosterException("单位名单 " + source + " 中没有“单位名称”列");
        }
        List<String> header = rows.get(headerRow).stream().map(Text::key).toList();
        int name = header.indexOf(NAME);
        int aliases = header.indexOf(ALIASES);
        int headcount = header.indexOf(HEADCOUNT);
        int division = header.indexOf(DIVISION);
        int group = header.indexOf(GROUP);
        List<RosterUnit> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int r = headerRow + 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String unitName = Text.oneLine(at(row, name));
            if (unitName.isEmpty()) {
                continue;
            }
            if (!seen.add(Text.key(unitName))) {
                throw new RosterException("单位名单 " + source + " 第 " + (r + 1) + " 行：单位“" + unitName + "”重复");
            }
            List<String> aliasList = Arrays.stream(at(row, aliases).split(ALIAS_SEPARATORS)).map(Text::oneLine)
                    .filter(s -> !s.isEmpty()).toList();
            units.add(new RosterUnit(unitName, aliasList, headcount(source, r, at(row, headcount)),
                    blankToNull(at(row, division)), blankToNull(at(row, group))));
        }
        if (units.isEmpty()) {
            throw new RosterException("单位名单 " + source + " 中没有单位");
        }
        return new Roster(units);
    }

    private static Integer headcount(String source, int row, String text) {
        String t = Text.key(text).replace("人", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new RosterException("单位名单 " + source + " 第 " + (row + 1) + " 行：在职人数“" + text + "”不是整数");
        }
    }

    private static String at(List<String> row, int col) {
        return col < 0 || col >= row.size() || row.get(col) == null ? "" : row.get(col);
    }

    private static String blankToNull(String s) {
        String t = Text.oneLine(s);
        return t.isEmpty() ? null : t;
    }

    /** The first sheet's rows, read as returned workbooks are (no POI workbook in memory), without their row limit. */
    private static List<List<String>> spreadsheet(Path file) {
        try {
            List<SheetGrid> sheets = new WorkbookGridReader(ROSTER_LIMITS).read(file);
            SheetGrid sheet = sheets.isEmpty() ? new SheetGrid("", 0) : sheets.get(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.lastRow(); r++) {
                List<String> cells = new ArrayList<>();
                for (Map.Entry<Integer, GridCell> cell : sheet.row(r).entrySet()) {
                    while (cells.size() < cell.getKey()) {
                        cells.add("");
                    }
                    cells.add(cell.getValue().text());
                }
                rows.add(cells);
            }
            return rows;
        } catch (RuntimeException e) {
            throw new RosterException("无法读取单位名单 " + file + "：" + e.getMessage(), e);
        }
    }

    private static List<List<String>> csv(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
                List<String> cells = new ArrayList<>();
                record.forEach(v -> cells.add(v.replace("\uFEFF", "")));
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new RosterException("无法读取单位名单 " + file + "：" + e.getMessage(), e);
        }
    }
}
