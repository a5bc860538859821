package org.kaoping.authoring;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaoping.rubric.AdjustmentItem;
import org.kaoping.rubric.BonusItem;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.DeductionItem;
import org.kaoping.rubric.Leaf;
import org.kaoping.report.SheetStyles;
import org.kaoping.rubric.Rubric;
import org.kaoping.text.Text;

/**
 * A fill-in workbook in the layout kaoping reads (seed 000's): the rubric's table with the unit named above it, the
 * score column the only cells that can be typed in (the sheet protected without a password, so staff can still
 * unlock it), each score checked from 0 to the leaf's 分值 in the campaign's steps, a 合计 formula, and a 加扣分 sheet
 * whose 类型, 项目 and 级别 are chosen from lists. Printed A4 landscape, one page wide, the header on every page.
 */
final class TemplateWorkbook {
    static final List<String> HEADER = List.of("项目", "考核指标", "考核内容及标准", "考核方法", "分值", "得分");
    static final List<String> ADJUSTMENT_HEADER = List.of("类型", "项目", "级别", "次数", "分值", "说明");
    static final String ADJUSTMENTS = "加扣分";
    static final String MATRIX = "汇总表";
    private static final String OPTIONS = "选项";
    private static final int SCORE = 5;
    private static final int MAX = 4;
    private static final int ADJUSTMENT_ROWS = 30;
    private static final int[] WIDTHS = {20, 22, 60, 16, 8, 8};
    private static final float LINE_POINTS = 15;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Rubric rubric;
    private final String campaignName;
    private final BigDecimal step;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle number;
    private final CellStyle input;
    private final CellStyle title;

    TemplateWorkbook(Rubric rubric, String campaignName, BigDecimal step) {
        this.rubric = rubric;
        this.campaignName = campaignName;
        this.step = step;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = bordered();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        number = bordered();
        number.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        input = bordered();
        input.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        input.setLocked(false);
        input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(large);
    }

    /**
     * A score sheet for {@code unit}, named {@code sheetName}; {@code label} introduces the unit above the table
     * ({@code 填报单位} on a unit's own form, {@code 被考核单位} on a group's).
     */
    void scoreSheet(String sheetName, String label, String unit, String group) {
        XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int r = 0;
        Cell heading = sheet.createRow(r++).createCell(0);
        heading.setCellValue(campaignName + " " + (group == null ? "自评表" : "评分表"));
        heading.setCellStyle(title);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
        Row unitRow = sheet.createRow(r++);
        unitRow.createCell(0).setCellValue(label + "：");
        unitRow.createCell(1).setCellValue(unit);
        if (group != null) {
            unitRow.createCell(3).setCellValue("考核组：");
            unitRow.createCell(4).setCellValue(group);
        }
        int headerRow = r;
        Row head = sheet.createRow(r++);
        for (int i = 0; i < HEADER.size(); i++) {
            styled(head, i, HEADER.get(i), header);
        }
        DataValidationHelper validation = sheet.getDataValidationHelper();
        int firstLeafRow = r;
        for (Category category : rubric.categories()) {
            int first = r;
            for (Leaf leaf : category.leaves()) {
                Row row = sheet.createRow(r);
                // A streamed reader fits no heights: the rubric's text gets as many lines as it wraps to.
                row.setHeightInPoints(LINE_POINTS * Math.max(1, lines(leaf.text(), WIDTHS[2] - 2)));
                styled(row, 0, r == first ? categoryText(category) : "", text);
                styled(row, 1, leaf.label(), text);
                styled(row, 2, leaf.text(), text);
                styled(row, 3, String.join("、", leaf.methods()), text);
                Cell max = row.createCell(MAX);
                max.setCellValue(leaf.max().doubleValue());
                max.setCellStyle(number);
                row.createCell(SCORE).setCellStyle(input);
                sheet.addValidationData(scoreCheck(validation, leaf, r, r, SCORE));
                r++;
            }
            if (r - 1 > first) {
                sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 0, 0));
            }
        }
        Row total = sheet.createRow(r);
        styled(total, 0, "合计", header);
        for (int i = 1; i < MAX; i++) {
            styled(total, i, "", header);
        }
        Cell totalMax = total.createCell(MAX);
        totalMax.setCellValue(rubric.max().doubleValue());
        totalMax.setCellStyle(number);
        Cell sum = total.createCell(SCORE);
        sum.setCellFormula("SUM(" + new CellReference(firstLeafRow, SCORE).formatAsString(false) + ":"
                + new CellReference(r - 1, SCORE).formatAsString(false) + ")");
        sum.setCellStyle(number);
        sheet.createFreezePane(0, headerRow + 1);
        printed(sheet, headerRow);
        sheet.enableLocking();
    }

    /**
     * A group's 汇总表 ({@code template --matrix}): a row per unit it scores, a column per leaf headed by the leaf's code
     * (the label {@code normalize.MatrixReader} reads) under a row of names and 分值, the score cells the only ones to
     * type in, each checked as on a unit's own form, and a 合计 formula per row.
     */
    void matrixSheet(String group, List<String> units) {
        XSSFSheet sheet = workbook.createSheet(MATRIX);
        List<Leaf> leaves = rubric.leaves();
        int totalCol = leaves.size() + 1;
        sheet.setColumnWidth(0, 24 * 256);
        for (int c = 1; c <= totalCol; c++) {
            sheet.setColumnWidth(c, 10 * 256);
        }
        Cell heading = sheet.createRow(0).createCell(0);
        heading.setCellValue(campaignName + " 评分汇总表");
        heading.setCellStyle(title);
        Row groupRow = sheet.createRow(1);
        groupRow.createCell(0).setCellValue("考核组：");
        groupRow.createCell(1).setCellValue(group);
        Row names = sheet.createRow(2);
        Row codes = sheet.createRow(3);
        styled(names, 0, "评分项", header);
        styled(codes, 0, "单位名称", header);
        int tallest = 1;
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            String label = (leaf.name().isBlank() ? "" : leaf.name()) + "（" + plain(leaf.max()) + "分）";
            styled(names, i + 1, label, text);
            styled(codes, i + 1, leaf.code(), header);
            tallest = Math.max(tallest, lines(label, 8));
        }
        names.setHeightInPoints(LINE_POINTS * tallest);
        styled(names, totalCol, "", header);
        styled(codes, totalCol, "合计", header);
        int first = 4;
        DataValidationHelper validation = sheet.getDataValidationHelper();
        for (int u = 0; u < units.size(); u++) {
            Row row = sheet.createRow(first + u);
            styled(row, 0, units.get(u), text);
            for (int c = 1; c < totalCol; c++) {
                row.createCell(c).setCellStyle(input);
            }
            Cell sum = row.createCell(totalCol);
            sum.setCellFormula("SUM(" + new CellReference(first + u, 1).formatAsString(false) + ":"
                    + new CellReference(first + u, totalCol - 1).formatAsString(false) + ")");
            sum.setCellStyle(number);
        }
        for (int i = 0; i < leaves.size() && !units.isEmpty(); i++) {
            // One rule per column: Excel applies a relative reference to every cell of the range from its first.
            sheet.addValidationData(scoreCheck(validation, leaves.get(i), first, first + units.size() - 1, i + 1));
        }
        sheet.createFreezePane(1, first);
        sheet.setRepeatingRows(new CellRangeAddress(2, 3, -1, -1));
        SheetStyles.pageSetup(sheet);
        SheetStyles.acrossPagesIfWide(sheet, totalCol + 1, 1);
        sheet.enableLocking();
    }

    /** A score cell's check: a number from 0 to the leaf's most, in the campaign's steps. */
    private DataValidation scoreCheck(DataValidationHelper validation, Leaf leaf, int firstRow, int lastRow, int col) {
        String cell = new CellReference(firstRow, col).formatAsString(false);
        DataValidation check = validation.createValidation(validation.createCustomConstraint(
                "AND(ISNUMBER(" + cell + ")," + cell + ">=0," + cell + "<=" + plain(leaf.scoreMax()) + ",ROUND("
                        + cell + "/" + plain(step) + ",6)=INT(ROUND(" + cell + "/" + plain(step) + ",6)))"),
                new CellRangeAddressList(firstRow, lastRow, col, col));
        check.setShowErrorBox(true);
        check.createErrorBox("得分超出范围", "请填 0 到 " + plain(leaf.scoreMax()) + " 之间的分数，以 " + plain(step)
                + " 分为单位");
        return check;
    }

    /**
     * The 加扣分 sheet: {@code units} names the units it may concern (a group's form has a 单位名称 column, a unit's own
     * form does not).
     */
    void adjustmentSheet(List<String> units) {
        XSSFSheet sheet = workbook.createSheet(ADJUSTMENTS);
        List<String> columns = new ArrayList<>(ADJUSTMENT_HEADER);
        if (units != null) {
            columns.add(0, "单位名称");
        }
        Row head = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            styled(head, i, columns.get(i), header);
            sheet.setColumnWidth(i, (i == columns.size() - 1 ? 40 : 16) * 256);
        }
        for (int r = 1; r <= ADJUSTMENT_ROWS; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < columns.size(); c++) {
                row.createCell(c).setCellStyle(input);
            }
        }
        XSSFSheet options = workbook.createSheet(OPTIONS);
        List<List<String>> lists = new ArrayList<>(List.of(List.of("加分", "扣分", "否决"), items(), levels()));
        if (units != null) {
            lists.add(0, units);
        }
        for (int c = 0; c < lists.size(); c++) {
            List<String> values = lists.get(c);
            for (int i = 0; i < values.size(); i++) {
                Row row = options.getRow(i) == null ? options.createRow(i) : options.getRow(i);
                row.createCell(c).setCellValue(values.get(i));
            }
            if (values.isEmpty()) {
                continue;
            }
            String column = CellReference.convertNumToColString(c);
            DataValidationHelper validation = sheet.getDataValidationHelper();
            DataValidationConstraint list = validation.createFormulaListConstraint(
                    OPTIONS + "!$" + column + "$1:$" + column + "$" + values.size());
            // The lists are in the order of the sheet's first columns: (单位名称,) 类型, 项目, 级别.
            DataValidation check = validation.createValidation(list, new CellRangeAddressList(1, ADJUSTMENT_ROWS, c, c));
            check.setShowErrorBox(true);
            sheet.addValidationData(check);
        }
        workbook.setSheetHidden(workbook.getSheetIndex(options), true);
        sheet.createFreezePane(0, 1);
        printed(sheet, 0);
        sheet.enableLocking();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), ".template-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
            workbook.close();
        }
    }

    /** Every bonus, deduction and veto item of the rubric, by name. */
    private List<String> items() {
        Set<String> names = new LinkedHashSet<>();
        rubric.bonusItems().stream().map(AdjustmentItem::name).forEach(names::add);
        rubric.deductionItems().stream().map(AdjustmentItem::name).forEach(names::add);
        rubric.vetoItems().stream().map(AdjustmentItem::name).forEach(names::add);
        return new ArrayList<>(names);
    }

    /** Every level an item is scored by ({@code 国家级}, {@code 省部级} …). */
    private List<String> levels() {
        Set<String> levels = new LinkedHashSet<>();
        rubric.bonusItems().stream().map(BonusItem::levels).forEach(l -> levels.addAll(l.keySet()));
        rubric.deductionItems().stream().map(DeductionItem::levels).forEach(l -> levels.addAll(l.keySet()));
        return levels.stream().sorted().toList();
    }

    /** The lines {@code text} takes in a column {@code chars} wide (a CJK character counts two). */
    static int lines(String text, int chars) {
        int lines = 0;
        for (String line : text.split("\n")) {
            int width = Text.displayWidth(line);
            lines += Math.max(1, (width + chars - 1) / chars);
        }
        return lines;
    }

    private static String categoryText(Category category) {
        return category.code() + " " + category.name() + (category.max() == null ? ""
                : "（" + plain(category.max()) + "分）");
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static void styled(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private CellStyle bordered() {
        CellStyle s = workbook.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private static void printed(Sheet sheet, int headerRow) {
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        SheetStyles.pageSetup(sheet);
    }
}
