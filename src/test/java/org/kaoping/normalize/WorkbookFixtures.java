package org.kaoping.normalize;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Indicator;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;

/**
 * Writes workbooks the way units and inspection groups return them (workbook-formats.md), with the
 * variations seen in real returns switchable one at a time, so that each parser test can name the one
 * variation it is about. Rows come from the real rubric, so row numbers are predictable: in the default
 * Shanxi layout the header is row 3, leaf n (1-based, rubric order) is row 3 + n, and 合计 is row 30.
 */
public final class WorkbookFixtures {
    private WorkbookFixtures() {
    }

    /** A blank score cell: no cell at all, as when a unit leaves it empty. */
    public static final Object BLANK = new Object() {
        @Override
        public String toString() {
            return "BLANK";
        }
    };

    /** A formula cell, e.g. {@code formula("SUM(F4:F29)")}; its cached value is written unless told not to. */
    public record Formula(String expression) {
    }

    public static Formula formula(String expression) {
        return new Formula(expression);
    }

    public enum Format {
        XLSX(".xlsx"), XLS(".xls");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        Workbook create() {
            return this == XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
        }
    }

    /** Where the unit's name is written above the table. */
    public enum UnitPlacement {
        /** {@code 填报单位：省财政厅} in one cell. */
        SAME_CELL,
        /** {@code 填报单位：} with the name in the next cell to the right. */
        NEXT_CELL,
        /** No label at all: only the file name can tell. */
        ABSENT
    }

    /** How an inspection matrix labels its leaf columns. */
    public enum Spelling {
        DOTTED, HYPHEN, CHINESE_DOT, CHINESE_COMMA, FULL_WIDTH_BRACKETS, BRACKETS,
        /** The leaf's code as the rubric config writes it (Hunan's leaf 2.1 is {@code 7}). */
        CODE,
        /** {@code 1-2} typed into Excel, which stores it as the date 2 January and shows {@code 1-2}. */
        EXCEL_DATE;

        Object label(Leaf leaf) {
            int c = leaf.categoryOrdinal();
            int p = leaf.position();
            return switch (this) {
                case DOTTED -> c + "." + p;
                case HYPHEN -> c + "-" + p;
                case CHINESE_DOT -> chinese(c) + "." + p;
                case CHINESE_COMMA -> chinese(c) + "、" + p;
                case FULL_WIDTH_BRACKETS -> "（" + chinese(c) + "）" + p;
                case BRACKETS -> "(" + chinese(c) + ")" + p;
                case CODE -> leaf.code();
                case EXCEL_DATE -> java.time.LocalDate.of(2026, c, p);
            };
        }
    }

    public static ShanxiSelf shanxiSelf(Rubric rubric) {
        return new ShanxiSelf(rubric);
    }

    public static Matrix matrix(Rubric rubric) {
        return new Matrix(rubric);
    }

    public static HunanSelf hunanSelf(Rubric rubric) {
        return new HunanSelf(rubric);
    }

    /** What the self-assessment layouts share: file format, unit label, per-leaf scores, own total, claims. */
    public abstract static class SelfFixture<T extends SelfFixture<T>> {
        final Rubric rubric;
        Format format = Format.XLSX;
        String sheetName = "自查打分表";
        String title;
        final List<String> notices = new ArrayList<>();
        UnitPlacement placement = UnitPlacement.SAME_CELL;
        String unitLabel = "填报单位";
        String unitText = "";
        final Map<String, Object> scores = new HashMap<>();
        Object total;
        boolean totalRow = true;
        boolean instructionSheetFirst;
        boolean cacheFormulas = true;
        final List<Object[]> claims = new ArrayList<>();

        SelfFixture(Rubric rubric, String title) {
            this.rubric = rubric;
            this.title = title;
        }

        @SuppressWarnings("unchecked")
        T self() {
            return (T) this;
        }

        public T xls() {
            format = Format.XLS;
            return self();
        }

        public T format(Format f) {
            format = f;
            return self();
        }

        public T sheetName(String name) {
            sheetName = name;
            return self();
        }

        /** The title row above everything, e.g. the rubric's own title instead of the layout's. */
        public T title(String text) {
            title = text;
            return self();
        }

        /** Rows between the title and the unit row (a deadline, a stamp line), pushing the header down. */
        public T notice(String... lines) {
            notices.addAll(List.of(lines));
            return self();
        }

        /** {@code 填报单位：<text>} in one cell. */
        public T unit(String text) {
            placement = UnitPlacement.SAME_CELL;
            unitText = text;
            return self();
        }

        /** {@code 填报单位：} with {@code text} in the next cell. */
        public T unitInNextCell(String text) {
            placement = UnitPlacement.NEXT_CELL;
            unitText = text;
            return self();
        }

        public T noUnit() {
            placement = UnitPlacement.ABSENT;
            return self();
        }

        /** Another label word: {@code 单位名称}, {@code 被考核单位}, {@code 申报单位}. */
        public T unitLabel(String label) {
            unitLabel = label;
            return self();
        }

        /**
         * The score cell of a leaf as written: a {@link Number} becomes a numeric cell, a String a text cell
         * ({@code ３．５}, {@code 3分}, {@code 良好}), {@link #BLANK} no cell. Unset leaves score full marks.
         */
        public T score(String leafCode, Object value) {
            scores.put(leafCode, value);
            return self();
        }

        /** The trailing 合计 cell as written; by default the sum of the numbers written above. */
        public T total(Object value) {
            total = value;
            return self();
        }

        /**
         * Formula cells without a cached result, as some generators (not Excel or WPS) save them. Only .xlsx can
         * express this: .xls always stores a result.
         */
        public T uncachedFormulas() {
            cacheFormulas = false;
            return self();
        }

        public T noTotal() {
            totalRow = false;
            return self();
        }

        /** A 填表说明 sheet before the score sheet, as in the templates that were sent out. */
        public T instructionSheetFirst() {
            instructionSheetFirst = true;
            return self();
        }

        /** A row of the optional 加扣分 sheet: 类型|项目|级别|次数|分值|说明; null leaves a cell empty. */
        public T claim(String type, String item, String level, Object count, Object points, String evidence) {
            claims.add(new Object[] {type, item, level, count, points, evidence});
            return self();
        }

        Object scoreOf(Leaf leaf) {
            return scores.containsKey(leaf.code()) ? scores.get(leaf.code()) : leaf.scoreMax();
        }

        Object totalOf(List<Object> written) {
            if (total != null) {
                return total;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Object o : written) {
                sum = sum.add(numeric(o));
            }
            return sum;
        }

        /** Writes {@code <dir>/<baseName><.xlsx|.xls>} and returns its path. */
        public Path write(Path dir, String baseName) {
            Path file = dir.resolve(baseName + format.extension);
            try (Workbook wb = format.create()) {
                if (instructionSheetFirst) {
                    instructions(wb.createSheet("填表说明"));
                }
                fill(wb.createSheet(sheetName));
                if (!claims.isEmpty()) {
                    claimsSheet(wb.createSheet("加扣分"));
                }
                if (cacheFormulas) {
                    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
                }
                save(wb, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        abstract void fill(Sheet sheet);

        /** Title, notices and the unit row; returns the next free row. */
        int preamble(Sheet sheet, int width) {
            int r = 0;
            set(sheet, r, 0, title);
            merge(sheet, r, r, 0, width - 1);
            r++;
            for (String notice : notices) {
                set(sheet, r, 0, notice);
                merge(sheet, r, r, 0, width - 1);
                r++;
            }
            switch (placement) {
                case SAME_CELL -> set(sheet, r, 0, unitLabel + "：" + unitText);
                case NEXT_CELL -> {
                    set(sheet, r, 0, unitLabel + "：");
                    set(sheet, r, 1, unitText);
                }
                case ABSENT -> {
                }
            }
            set(sheet, r, 3, "填报时间：2020年11月10日");
            return r + 1;
        }

        private void instructions(Sheet sheet) {
            set(sheet, 0, 0, "填表说明");
            set(sheet, 1, 0, "1. 请在“自评得分”栏填写数字，可保留一位小数，不要填写文字；");
            set(sheet, 2, 0, "2. 加分、扣分事项请填入“加扣分”表，并附佐证材料；");
            set(sheet, 3, 0, "3. 请于5月20日前报送省直文明办。");
        }

        private void claimsSheet(Sheet sheet) {
            String[] header = {"类型", "项目", "级别", "次数", "分值", "说明"};
            for (int c = 0; c < header.length; c++) {
                set(sheet, 0, c, header[c]);
            }
            for (int i = 0; i < claims.size(); i++) {
                Object[] row = claims.get(i);
                for (int c = 0; c < row.length; c++) {
                    set(sheet, i + 1, c, row[c]);
                }
            }
        }
    }

    /**
     * The Shanxi self-assessment layout: title, {@code 填报单位：X}, header 项目|考核指标|考核内容及标准|考核方法|
     * 分值|自评得分|备注, category cells merged over their leaves, one row per leaf, then 合计.
     */
    public static final class ShanxiSelf extends SelfFixture<ShanxiSelf> {
        private final String[] headers = {"项目", "考核指标", "考核内容及标准", "考核方法", "分值", "自评得分", "备注"};
        private boolean oneCharPerLine;
        private boolean blankRowBetweenCategories;
        private final Map<String, String[]> renamed = new HashMap<>();
        private final Set<String> omitted = new HashSet<>();
        private final Map<String, List<Object[]>> extraRows = new LinkedHashMap<>();

        ShanxiSelf(Rubric rubric) {
            super(rubric, "山西省直文明单位考核指标体系自查打分表（自评表）");
        }

        /** Header text as typed, e.g. {@code header("自评得分", "自评\n得分")}. */
        public ShanxiSelf header(String standard, String typed) {
            for (int i = 0; i < headers.length; i++) {
                if (headers[i].equals(standard)) {
                    headers[i] = typed;
                    return this;
                }
            }
            throw new IllegalArgumentException("no header " + standard);
        }

        /** Category cells typed one character per line: {@code （一）\n强\n化…\n（16分）}. */
        public ShanxiSelf categoriesOneCharPerLine() {
            oneCharPerLine = true;
            return this;
        }

        public ShanxiSelf blankRowBetweenCategories() {
            blankRowBetweenCategories = true;
            return this;
        }

        /** The leaf's row shows other name and text (the unit re-typed or edited them). */
        public ShanxiSelf rename(String leafCode, String name, String text) {
            renamed.put(leafCode, new String[] {name, text});
            return this;
        }

        /** The unit deleted the leaf's row. */
        public ShanxiSelf omit(String leafCode) {
            omitted.add(leafCode);
            return this;
        }

        /** A row the unit added after the leaf's row, inside the same category. */
        public ShanxiSelf extraRowAfter(String leafCode, String name, String text, Object score) {
            extraRows.computeIfAbsent(leafCode, k -> new ArrayList<>()).add(new Object[] {name, text, score});
            return this;
        }

        @Override
        void fill(Sheet sheet) {
            int r = preamble(sheet, headers.length);
            for (int c = 0; c < headers.length; c++) {
                set(sheet, r, c, headers[c]);
            }
            r++;
            List<Object> written = new ArrayList<>();
            List<Category> categories = rubric.categories();
            for (int ci = 0; ci < categories.size(); ci++) {
                Category category = categories.get(ci);
                int first = r;
                for (Leaf leaf : category.leaves()) {
                    if (!omitted.contains(leaf.code())) {
                        String[] shown = renamed.getOrDefault(leaf.code(), new String[] {leaf.name(), leaf.text().strip()});
                        Object score = scoreOf(leaf);
                        row(sheet, r++, shown[0], shown[1], String.join("\n", leaf.methods()), leaf.max(), score);
                        written.add(score);
                    }
                    for (Object[] extra : extraRows.getOrDefault(leaf.code(), List.of())) {
                        row(sheet, r++, (String) extra[0], (String) extra[1], "", null, extra[2]);
                        written.add(extra[2]);
                    }
                }
                set(sheet, first, 0, categoryText(category));
                merge(sheet, first, r - 1, 0, 0);
                if (blankRowBetweenCategories && ci < categories.size() - 1) {
                    r++;
                }
            }
            if (totalRow) {
                set(sheet, r, 0, "合计");
                set(sheet, r, 5, totalOf(written));
            }
        }

        private void row(Sheet sheet, int r, String name, String text, String methods, BigDecimal max, Object score) {
            set(sheet, r, 1, name);
            set(sheet, r, 2, text);
            set(sheet, r, 3, methods);
            set(sheet, r, 4, max);
            set(sheet, r, 5, score);
        }

        private String categoryText(Category c) {
            String name = c.name().replaceAll("\\s+", "");
            String max = "（" + c.max().stripTrailingZeros().toPlainString() + "分）";
            if (!oneCharPerLine) {
                return c.code() + "  " + c.name().replace(" ", "  ") + max;
            }
            return "（" + c.code() + "）\n" + String.join("\n", name.split("")) + "\n" + max;
        }
    }

    /**
     * The Hunan three-level layout: 考评项目 (category, merged) | 考评内容 (indicator, merged) | 考评标准 (leaf
     * text starting {@code （n）}) | 分值 | 自评得分 | 责任部门. Header is row 3, leaf n is row 3 + n.
     */
    public static final class HunanSelf extends SelfFixture<HunanSelf> {
        HunanSelf(Rubric rubric) {
            super(rubric, "2023年度院机关文明创建任务分解表（自评表）");
            sheetName = "自评表";
        }

        @Override
        void fill(Sheet sheet) {
            String[] headers = {"考评\n项目", "考评内容", "考评标准", "分值", "自评得分", "责任部门"};
            int r = preamble(sheet, headers.length);
            for (int c = 0; c < headers.length; c++) {
                set(sheet, r, c, headers[c]);
            }
            r++;
            List<Object> written = new ArrayList<>();
            for (Category category : rubric.categories()) {
                int categoryFirst = r;
                for (Indicator indicator : category.indicators()) {
                    int indicatorFirst = r;
                    for (Leaf leaf : indicator.leaves()) {
                        Object score = scoreOf(leaf);
                        set(sheet, r, 2, "（" + leaf.code() + "）" + leaf.text().strip() + points(leaf.max()));
                        set(sheet, r, 3, leaf.max());
                        set(sheet, r, 4, score);
                        set(sheet, r, 5, String.join("\n", leaf.departments()));
                        written.add(score);
                        r++;
                    }
                    set(sheet, indicatorFirst, 1, indicator.name() + "\n" + points(indicator.max()));
                    merge(sheet, indicatorFirst, r - 1, 1, 1);
                }
                set(sheet, categoryFirst, 0, category.code() + "、\n" + category.name() + points(category.max()));
                merge(sheet, categoryFirst, r - 1, 0, 0);
            }
            if (totalRow) {
                set(sheet, r, 0, "合计");
                set(sheet, r, 4, totalOf(written));
            }
        }
    }

    /**
     * An inspection group's matrix (汇总表): title, optional {@code 考核组：…} row, header 序号|单位名称|<one column
     * per leaf>|加分|扣分|合计|备注 in row 3, one row per unit from row 4. Leaf columns start at C.
     */
    public static final class Matrix {
        private final Rubric rubric;
        private Format format = Format.XLSX;
        private String groupCell;
        private Spelling spelling = Spelling.DOTTED;
        private final List<MatrixRow> rows = new ArrayList<>();

        private static final class MatrixRow {
            final String unit;
            final Map<String, Object> scores = new HashMap<>();
            Object bonus;
            Object deduction;
            Object total;

            MatrixRow(String unit) {
                this.unit = unit;
            }
        }

        Matrix(Rubric rubric) {
            this.rubric = rubric;
        }

        public Matrix format(Format f) {
            format = f;
            return this;
        }

        public Matrix xls() {
            format = Format.XLS;
            return this;
        }

        /** {@code 考核组：<group>} above the table; without it the file name must name the group. */
        public Matrix group(String group) {
            groupCell = "考核组：" + group;
            return this;
        }

        public Matrix spelling(Spelling s) {
            spelling = s;
            return this;
        }

        /** Adds a unit row; the score/bonus/deduction/total calls that follow apply to it. */
        public Matrix unit(String name) {
            rows.add(new MatrixRow(name));
            return this;
        }

        public Matrix score(String leafCode, Object value) {
            current().scores.put(leafCode, value);
            return this;
        }

        public Matrix bonus(Object value) {
            current().bonus = value;
            return this;
        }

        public Matrix deduction(Object value) {
            current().deduction = value;
            return this;
        }

        public Matrix total(Object value) {
            current().total = value;
            return this;
        }

        private MatrixRow current() {
            if (rows.isEmpty()) {
                throw new IllegalStateException("unit(...) first");
            }
            return rows.get(rows.size() - 1);
        }

        public Path write(Path dir, String baseName) {
            Path file = dir.resolve(baseName + format.extension);
            List<Leaf> leaves = rubric.leaves();
            try (Workbook wb = format.create()) {
                Sheet sheet = wb.createSheet("汇总表");
                set(sheet, 0, 0, "考评打分汇总表");
                if (groupCell != null) {
                    set(sheet, 1, 0, groupCell);
                }
                int r = 2;
                set(sheet, r, 0, "序号");
                set(sheet, r, 1, "单位名称");
                for (int i = 0; i < leaves.size(); i++) {
                    set(sheet, r, 2 + i, spelling.label(leaves.get(i)));
                }
                int after = 2 + leaves.size();
                set(sheet, r, after, "加分");
                set(sheet, r, after + 1, "扣分");
                set(sheet, r, after + 2, "合计");
                set(sheet, r, after + 3, "备注");
                for (MatrixRow row : rows) {
                    r++;
                    set(sheet, r, 0, r - 2);
                    set(sheet, r, 1, row.unit);
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int i = 0; i < leaves.size(); i++) {
                        Leaf leaf = leaves.get(i);
                        Object v = row.scores.containsKey(leaf.code()) ? row.scores.get(leaf.code()) : leaf.scoreMax();
                        set(sheet, r, 2 + i, v);
                        sum = sum.add(numeric(v));
                    }
                    set(sheet, r, after, row.bonus);
                    set(sheet, r, after + 1, row.deduction);
                    set(sheet, r, after + 2, row.total != null ? row.total
                            : sum.add(numeric(row.bonus)).subtract(numeric(row.deduction)));
                }
                save(wb, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /** An inspection group's workbook holding one score sheet per unit. */
    public static UnitSheets unitSheets() {
        return new UnitSheets();
    }

    /**
     * An inspection group's workbook with a sheet per unit, each sheet one self-assessment-layout fixture (its
     * {@code sheetName}, labels and variations; the fixtures' own file format and instruction sheets are not
     * used), then an optional 加扣分 sheet whose rows name their unit.
     */
    public static final class UnitSheets {
        private Format format = Format.XLSX;
        private final List<SelfFixture<?>> sheets = new ArrayList<>();
        private final List<Object[]> claims = new ArrayList<>();

        public UnitSheets format(Format f) {
            format = f;
            return this;
        }

        public UnitSheets sheet(SelfFixture<?> fixture) {
            sheets.add(fixture);
            return this;
        }

        /** A 加扣分 row: 单位名称|类型|项目|级别|次数|分值|说明; null leaves a cell empty. */
        public UnitSheets claim(String unit, String type, String item, String level, Object count, Object points,
                                String evidence) {
            claims.add(new Object[] {unit, type, item, level, count, points, evidence});
            return this;
        }

        public Path write(Path dir, String baseName) {
            Path file = dir.resolve(baseName + format.extension);
            try (Workbook wb = format.create()) {
                for (SelfFixture<?> fixture : sheets) {
                    fixture.fill(wb.createSheet(fixture.sheetName));
                }
                if (!claims.isEmpty()) {
                    groupClaimsSheet(wb.createSheet("加扣分"), claims);
                }
                if (sheets.stream().allMatch(f -> f.cacheFormulas)) {
                    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
                }
                save(wb, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }
    }

    /** Adds a unit's score sheet (a self-assessment-layout fixture) to a workbook already written, e.g. a matrix. */
    public static void appendUnitSheet(Path file, SelfFixture<?> fixture) {
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(Files.readAllBytes(file)))) {
            fixture.fill(wb.createSheet(fixture.sheetName));
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a 加扣分 sheet (单位名称|类型|项目|级别|次数|分值|说明) to a workbook already written, e.g. by {@link Matrix},
     * keeping its format; rows as for {@link UnitSheets#claim}.
     */
    public static void appendGroupClaims(Path file, List<Object[]> rows) {
        // read into memory first: a workbook opened on its file would write itself back on close
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(Files.readAllBytes(file)))) {
            groupClaimsSheet(wb.createSheet("加扣分"), rows);
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void groupClaimsSheet(Sheet sheet, List<Object[]> rows) {
        String[] header = {"单位名称", "类型", "项目", "级别", "次数", "分值", "说明"};
        for (int c = 0; c < header.length; c++) {
            set(sheet, 0, c, header[c]);
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < rows.get(i).length; c++) {
                set(sheet, i + 1, c, rows.get(i)[c]);
            }
        }
    }

    /** Writes a cell: Number → numeric, {@link Formula} → formula, String → text, null or {@link #BLANK} → nothing. */
    static void set(Sheet sheet, int r, int c, Object value) {
        if (value == null || value == BLANK) {
            return;
        }
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
            cell.setCellValue(new BigDecimal(n.toString()).doubleValue());
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.expression());
        } else if (value instanceof java.time.LocalDate date) {
            CellStyle style = sheet.getWorkbook().createCellStyle();
            style.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("m-d"));
            cell.setCellValue(date);
            cell.setCellStyle(style);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    static void merge(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol) {
        if (lastRow > firstRow || lastCol > firstCol) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        }
    }

    static void save(Workbook wb, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    /** What a written value counts for in a default total: its number, or 0 for blanks and words. */
    static BigDecimal numeric(Object value) {
        if (value == null || value == BLANK) {
            return BigDecimal.ZERO;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        String s = Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).replaceAll("\\s+", "").replaceFirst("分$", "");
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static String points(BigDecimal max) {
        return max.stripTrailingZeros().toPlainString() + "分";
    }

    private static String chinese(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
    }
    // ---- added for the variation audit: column order and synonyms, hostile files --------------------------

    /** The columns a self-assessment table can have; {@link ColumnsSelf} writes them in any order. */
    public enum Column {
        CATEGORY("项目"), NAME("考核指标"), TEXT("考核内容及标准"), MAX("分值"), SCORE("自评得分"), ADJUSTMENT("加（扣）分"),
        NOTES("备注");

        final String standard;

        Column(String standard) {
            this.standard = standard;
        }
    }

    public static ColumnsSelf columnsSelf(Rubric rubric) {
        return new ColumnsSelf(rubric);
    }

    /**
     * The Shanxi self-assessment with its columns in any order and any header words: title, {@code 填报单位：X},
     * header in row 3, leaf n (1-based) in row 3 + n, 合计 in row 30, category cells merged. By default the
     * columns are 项目|考核指标|考核内容及标准|分值|自评得分|加（扣）分|备注.
     */
    public static final class ColumnsSelf extends SelfFixture<ColumnsSelf> {
        private List<Column> order = List.of(Column.values());
        private final Map<Column, String> headers = new java.util.EnumMap<>(Column.class);
        private final Map<String, Object> adjustments = new HashMap<>();
        private final Map<String, String> notes = new HashMap<>();

        ColumnsSelf(Rubric rubric) {
            super(rubric, "山西省直文明单位考核指标体系自查打分表（自评表）");
            for (Column c : Column.values()) {
                headers.put(c, c.standard);
            }
        }

        /** The columns, left to right; those not named are left out. */
        public ColumnsSelf columns(Column... columns) {
            order = List.of(columns);
            return this;
        }

        public ColumnsSelf header(Column column, String typed) {
            headers.put(column, typed);
            return this;
        }

        /** The 加（扣）分 cell of a leaf as written ({@code +1}, {@code -0.5}, a number). */
        public ColumnsSelf adjustment(String leafCode, Object value) {
            adjustments.put(leafCode, value);
            return this;
        }

        public ColumnsSelf note(String leafCode, String text) {
            notes.put(leafCode, text);
            return this;
        }

        /** The spreadsheet column letter a role is written in. */
        public String letter(Column column) {
            int i = order.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column);
            }
            return org.apache.poi.ss.util.CellReference.convertNumToColString(i);
        }

        @Override
        void fill(Sheet sheet) {
            int r = preamble(sheet, Math.max(order.size(), 4));
            for (int c = 0; c < order.size(); c++) {
                set(sheet, r, c, headers.get(order.get(c)));
            }
            r++;
            List<Object> written = new ArrayList<>();
            for (Category category : rubric.categories()) {
                int first = r;
                for (Leaf leaf : category.leaves()) {
                    Object score = scoreOf(leaf);
                    written.add(score);
                    for (int c = 0; c < order.size(); c++) {
                        set(sheet, r, c, switch (order.get(c)) {
                            case CATEGORY -> null;
                            case NAME -> leaf.name();
                            case TEXT -> leaf.text().strip();
                            case MAX -> leaf.max();
                            case SCORE -> score;
                            case ADJUSTMENT -> adjustments.get(leaf.code());
                            case NOTES -> notes.get(leaf.code());
                        });
                    }
                    r++;
                }
                int col = order.indexOf(Column.CATEGORY);
                if (col >= 0) {
                    set(sheet, first, col, category.code() + "  " + category.name());
                    merge(sheet, first, r - 1, col, col);
                }
            }
            if (totalRow) {
                set(sheet, r, 0, "合计");
                set(sheet, r, order.indexOf(Column.SCORE), totalOf(written));
            }
        }
    }

    /**
     * An inspection group's workbook with a sheet per unit (form 1 of workbook-formats.md): each fixture's layout
     * on a sheet of its own {@link SelfFixture#sheetName}, in the given format.
     */
    public static Path unitSheets(Path dir, String baseName, Format format, ShanxiSelf... sheets) {
        Path file = dir.resolve(baseName + format.extension);
        try (Workbook wb = format.create()) {
            for (ShanxiSelf sheet : sheets) {
                sheet.fill(wb.createSheet(sheet.sheetName));
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@code target} as {@code plain} encrypted with {@code password} (agile encryption, as Excel does). */
    public static Path encrypted(Path plain, Path target, String password) {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            org.apache.poi.poifs.crypt.Encryptor encryptor = new org.apache.poi.poifs.crypt.EncryptionInfo(
                    org.apache.poi.poifs.crypt.EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (var in = Files.newInputStream(plain);
                 var opc = org.apache.poi.openxml4j.opc.OPCPackage.open(in);
                 var out = encryptor.getDataStream(fs)) {
                opc.save(out);
            }
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                fs.writeFilesystem(out);
            }
            return target;
        } catch (IOException | java.security.GeneralSecurityException
                 | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the first half of {@code whole}'s bytes to {@code target}, as a mail client cut off mid-download. */
    public static Path truncated(Path whole, Path target) {
        try {
            byte[] bytes = Files.readAllBytes(whole);
            Files.createDirectories(target.getParent());
            return Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook whose only content is a picture of the score table (a screenshot pasted into a sheet). */
    public static Path pictureOnly(Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("自查打分表");
            int picture = wb.addPicture(PIXEL_PNG, Workbook.PICTURE_TYPE_PNG);
            var anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(0);
            anchor.setRow1(0);
            anchor.setCol2(8);
            anchor.setRow2(30);
            sheet.createDrawingPatriarch().createPicture(anchor, picture);
            save(wb, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid workbook with one sheet and no cells. */
    public static Path emptyWorkbook(Path target) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Sheet1");
            save(wb, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1×1 PNG. */
    private static final byte[] PIXEL_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
