package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.report.feedback.FeedbackWriter;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Responsibility;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.scoring.ranking.Grade;
import org.kaoping.scoring.ranking.RankingMethod;
import org.kaoping.scoring.ranking.RankingRules;
import org.kaoping.scoring.ranking.TieBreaker;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.kaoping.support.Workbooks;

class ReportWritersTest {
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"y\")";

    @TempDir
    static Path dir;

    private static XSSFWorkbook ranking;
    private static XSSFWorkbook report;
    private static XSSFWorkbook graded;
    private static XSSFWorkbook gradedReport;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        CampaignResult result = campaign();
        Path rankingFile = dir.resolve("out/2024/综合排名.xlsx");
        Path reportFile = dir.resolve("out/2024/差异报告.xlsx");
        new RankingWorkbookWriter().write(result, runInfo(), rankingFile);
        new DiscrepancyReportWriter().write(result, reportFile);
        ranking = read(rankingFile);
        report = read(reportFile);

        CampaignResult gradedResult = gradedCampaign();
        Path gradedFile = dir.resolve("out/graded/综合排名.xlsx");
        Path gradedReportFile = dir.resolve("out/graded/差异报告.xlsx");
        new RankingWorkbookWriter().write(gradedResult, runInfo(), gradedFile);
        new DiscrepancyReportWriter().write(gradedResult, gradedReportFile);
        graded = read(gradedFile);
        gradedReport = read(gradedReportFile);
    }

    @Test
    void writingLeavesOnlyTheWorkbooksInTheirFolder() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out/2024"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("综合排名.xlsx", "差异报告.xlsx");
        }
    }

    @Test
    void rankingWorkbookHasItsSheetsInOrderWithSafeDivisionNames() {
        List<String> names = new ArrayList<>();
        ranking.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("总排名", "市直机关", "乡镇_街道", "分项得分矩阵", "统计图", "分项得分", "加扣分明细",
                "运行信息");
    }

    @Test
    void overallRankingHasHeaderRanksTotalsAndStatuses() {
        Sheet sheet = ranking.getSheet("总排名");
        assertThat(texts(header(sheet))).containsExactly("排名", "单位名称", "分组", "考核组", "基础分", "加分", "扣分",
                "总分", "自评总分", "状态", "一 组织建设", "二 思想道德");
        assertThat(column(sheet, 0)).containsExactly(1.0, 1.0, null, null);
        assertThat(column(sheet, 1)).containsExactly("审计局", FORMULA_NAME, "统计局", "乡镇甲");
        assertThat(column(sheet, 3)).containsExactly("第一考核组", "第三考核组", "第一考核组", "第二考核组");
        assertThat(column(sheet, 7)).containsExactly(91.5, 91.5, 80.0, null);
        assertThat(column(sheet, 8)).containsExactly(95.0, null, null, 88.12);
        assertThat(column(sheet, 9)).containsExactly("正常", "正常", "否决", "未考核");
        assertThat(number(sheet, 1, 4)).isEqualTo(90.0);
        assertThat(number(sheet, 1, 5)).isEqualTo(2.5);
        assertThat(number(sheet, 1, 6)).isEqualTo(1.0);
        assertThat(sheet.getRow(2).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    @Test
    void rankingSheetsOpenWithATitleNamingTheCampaignTheRunAndTheUnits() {
        Sheet overall = ranking.getSheet("总排名");
        assertThat(overall.getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("2024年度文明单位考评 总排名　运行时间 2025-01-02 09:30　共 4 个单位");
        assertThat(overall.getMergedRegion(0).formatAsString()).isEqualTo("A1:L1");
        assertThat(ranking.getSheet("市直机关").getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("2024年度文明单位考评 分组排名 · 市直机关　运行时间 2025-01-02 09:30　共 2 个单位");
    }

    @Test
    void categorySubtotalsFollowTheContractColumnsAndAddUpToTheBase() {
        Sheet overall = ranking.getSheet("总排名");
        assertThat(column(overall, 10)).containsExactly(56.0, 60.0, 50.0, null);
        assertThat(column(overall, 11)).containsExactly(34.0, 31.5, 0.0, null);
        assertThat(overall.getRow(2).getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        Sheet towns = ranking.getSheet("乡镇_街道");
        assertThat(column(towns, 10)).containsExactly(60.0, null);
        assertThat(column(towns, 11)).containsExactly(31.5, null);
    }

    @Test
    void leafMatrixHasUnitsAsRowsAndLeavesUnderTheirMergedCategories() {
        XSSFSheet sheet = ranking.getSheet("分项得分矩阵");
        assertThat(texts(sheet.getRow(0))).containsExactly("排名", "单位名称", "分组", "状态", "一 组织建设（60分）", "",
                "二 思想道德（40分）", "基础分");
        assertThat(texts(sheet.getRow(1))).containsExactly("", "", "", "", "1.1 组织领导（30分）", "1.2 制度建设（30分）",
                "2.1（40分）", "");
        assertThat(sheet.getMergedRegions()).extracting(r -> r.formatAsString())
                .contains("A1:A2", "B1:B2", "E1:F1", "H1:H2").doesNotContain("G1:G1");
        assertThat(texts(sheet.getRow(2), 4)).containsExactly("1", "审计局", "市直机关", "正常");
        assertThat(numbers(sheet.getRow(2), 4, 8)).containsExactly(28.5, 27.5, 34.0, 90.0);
        assertThat(numbers(sheet.getRow(3), 4, 8)).containsExactly(30.0, 30.0, 31.5, 91.5);
        assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1.0);
        assertThat(sheet.getRow(4).getCell(6).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("乡镇甲");
        assertThat(sheet.getRow(5).getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 2);
        assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:2");
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:H6");
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
    }

    @Test
    void chartSheetHasNativeChartsOfCategoryAveragesAndOfEachDivisionsRankedTotals() {
        XSSFSheet sheet = ranking.getSheet("统计图");
        assertThat(texts(sheet.getRow(1))).containsExactly("一 组织建设", "60", "55.33");
        // (56 + 60 + 50) / 3 and (34 + 31.5 + 0) / 3: the units an inspection group scored.
        assertThat(numbers(sheet.getRow(1), 1, 3)).containsExactly(60.0, 55.33);
        assertThat(numbers(sheet.getRow(2), 1, 3)).containsExactly(40.0, 21.83);
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).extracting(c -> c.getTitleText().getString())
                .containsExactly("各类别平均得分与满分（3 个单位）", "总分 · 市直机关", "总分 · 乡镇/街道");
        XDDFChartData averages = charts.get(0).getChartSeries().get(0);
        assertThat(averages.getSeriesCount()).isEqualTo(2);
        assertThat(averages.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("统计图!$C$2:$C$3");
        assertThat(averages.getSeries(1).getValuesData().getPointAt(1)).isEqualTo(21.83);
        // Filled explicitly: LibreOffice drew series without a fill of their own as no bars at all.
        assertThat(((XDDFBarChartData.Series) averages.getSeries(1)).getShapeProperties().getFillProperties())
                .isInstanceOf(XDDFSolidFillProperties.class);
        XDDFChartData towns = charts.get(2).getChartSeries().get(0);
        assertThat(towns.getSeriesCount()).isEqualTo(1);
        assertThat(towns.getSeries(0).getCategoryData().getDataRangeReference()).isEqualTo("乡镇_街道!$B$3");
        assertThat(towns.getSeries(0).getCategoryData().getPointAt(0)).isEqualTo(FORMULA_NAME);
        assertThat(towns.getSeries(0).getValuesData().getPointAt(0)).isEqualTo(91.5);
    }

    @Test
    void aDivisionOfMoreThanFiveHundredUnitsIsChartedFromItsCellsWithoutCachedValues() throws IOException {
        CampaignResult small = campaign();
        UnitResult audit = small.units().get(0);
        List<UnitResult> units = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            RosterUnit unit = new RosterUnit("单位" + i, List.of(), null, "市直机关", "第一考核组");
            units.add(new UnitResult(unit, Status.RANKED, audit.official(), null, i + 1, i + 1, "第一考核组"));
        }
        Path file = dir.resolve("out/large/综合排名.xlsx");
        new RankingWorkbookWriter().write(new CampaignResult(small.rubric(), units, List.of()), runInfo(), file);
        XSSFChart chart = read(file).getSheet("统计图").getDrawingPatriarch().getCharts().get(1);
        CTBarSer bars = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
        assertThat(bars.getCat().getStrRef().getF()).isEqualTo("市直机关!$B$3:$B$503");
        assertThat(bars.getVal().getNumRef().getF()).isEqualTo("市直机关!$H$3:$H$503");
        assertThat(bars.getCat().getStrRef().isSetStrCache()).isFalse();
        assertThat(bars.getVal().getNumRef().isSetNumCache()).isFalse();
    }

    @Test
    void feedbackTablesGiveEachUnitItsOwnScoresLostPointsAdjustmentsAndDiscrepancies() throws IOException {
        Path run = dir.resolve("out/feedback");
        assertThat(new FeedbackWriter().write(campaign(), "2024年度文明单位考评", run))
                .isEqualTo(new FeedbackWriter.Written(4, 0));
        try (Stream<Path> files = Files.list(run.resolve("反馈"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("审计局.xlsx",
                    "=HYPERLINK(_http___x_,_y_).xlsx", "统计局.xlsx", "乡镇甲.xlsx");
        }
        XSSFSheet audit = read(run.resolve("反馈/审计局.xlsx")).getSheetAt(0);
        assertThat(audit.getSheetName()).isEqualTo("反馈表");
        assertThat(audit.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2024年度文明单位考评 反馈表");
        assertThat(texts(audit.getRow(1))).containsExactly("单位名称", "审计局", "分组", "市直机关", "考核组", "第一考核组",
                "状态", "正常");
        assertThat(numbers(audit.getRow(2), 1, 2)).containsExactly(91.5);
        assertThat(numbers(audit.getRow(3), 1, 2)).containsExactly(90.0);
        assertThat(audit.getRow(3).getCell(7).getNumericCellValue()).isEqualTo(95.0);
        assertThat(texts(audit.getRow(6))).containsExactly("编号", "评分项", "分值", "考核得分", "自评得分", "失分", "考核方法",
                "责任部门", "责任人");
        Row first = audit.getRow(7);
        assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1.1");
        assertThat(numbers(first, 2, 4)).containsExactly(30.0, 28.5);
        assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1.5);
        assertThat(texts(first).subList(6, 9)).containsExactly("查看资料、实地查看", "党支部", "许伟灿");
        assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        Row total = audit.getRow(10);
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
        assertThat(numbers(total, 2, 6)).containsExactly(100.0, 90.0, 92.0, 10.0);
        assertThat(audit.getRow(13).getCell(0).getStringCellValue()).isEqualTo("来源");
        assertThat(texts(audit.getRow(14), 4)).containsExactly("考核", "加分", "市级表彰", "市级");
        assertThat(audit.getRow(14).getCell(8).getStringCellValue()).isEqualTo("考核组一.xlsx!加扣分!C5");
        assertThat(audit.getRow(15).getCell(7).getStringCellValue()).isEqualTo("按在职人数折算");
        assertThat(audit.getRow(16).getCell(0).getStringCellValue()).isEqualTo("自评");
        assertThat(audit.getRow(18).getCell(0).getStringCellValue()).isEqualTo("三、需要核对的差异");
        assertThat(texts(audit.getRow(20), 5)).containsExactly("得分无法识别", "1.1 组织领导", "良好", "", "得分“良好”不是数值");
        assertThat(audit.getRow(20).getCell(8).getStringCellValue()).isEqualTo("审计局自评.xlsx!自评表!D7");
        assertThat(audit.getRow(21).getCell(0).getStringCellValue()).isEqualTo("自评与考核差异");
        assertThat(audit.getLastRowNum()).isEqualTo(21);
        assertThat(audit.getPrintSetup().getLandscape()).isTrue();
        assertThat(audit.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        XSSFSheet formula = read(run.resolve("反馈/=HYPERLINK(_http___x_,_y_).xlsx")).getSheetAt(0);
        assertThat(formula.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
        assertThat(formula.getRow(1).getCell(1).getStringCellValue()).isEqualTo(FORMULA_NAME);
        XSSFSheet town = read(run.resolve("反馈/乡镇甲.xlsx")).getSheetAt(0);
        assertThat(town.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(town.getRow(7).getCell(3).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(town.getRow(7).getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(town.getRow(14).getCell(0).getStringCellValue()).isEqualTo("无");
    }

    @Test
    void aFeedbackTableUnchangedSinceThePreviousRunIsThatFileLinkedAndAChangedOneIsWrittenAnew() throws IOException {
        Path first = dir.resolve("out/feedback-first");
        Path second = dir.resolve("out/feedback-second");
        new FeedbackWriter().write(campaign(), "2024年度文明单位考评", first);
        // The graded campaign changes 审计局's grade, the formula unit's score and 乡镇甲's self total; not 统计局.
        assertThat(new FeedbackWriter().write(gradedCampaign(), "2024年度文明单位考评", second, first.resolve("反馈"),
                Map.of())).isEqualTo(new FeedbackWriter.Written(3, 1));
        assertThat(Files.isSameFile(second.resolve("反馈/统计局.xlsx"), first.resolve("反馈/统计局.xlsx"))).isTrue();
        assertThat(Files.isSameFile(second.resolve("反馈/审计局.xlsx"), first.resolve("反馈/审计局.xlsx"))).isFalse();
        assertThat(read(second.resolve("反馈/审计局.xlsx")).getSheetAt(0).getRow(2).getCell(7).getStringCellValue())
                .isEqualTo("优秀");
    }

    @Test
    void aFeedbackTableMadeFromTheSameResultKeyRankAndDiscrepanciesIsLinkedWithoutBeingMadeAgain() throws IOException {
        Map<String, String> keys = Map.of("审计局", "k1", FORMULA_NAME, "k2", "统计局", "k3", "乡镇甲", "k4");
        Path first = dir.resolve("out/keyed-first");
        Path second = dir.resolve("out/keyed-second");
        new FeedbackWriter().write(campaign(), "2024年度文明单位考评", first, null, keys);
        Map<String, String> changed = new java.util.HashMap<>(keys);
        changed.put("统计局", "k3-corrected");
        // gradedCampaign grades 审计局 and the formula unit: their inputs changed though their keys did not. 乡镇甲 keeps
        // its key, rank and discrepancies (its changed self total under an unchanged key cannot happen in a run).
        assertThat(new FeedbackWriter().write(gradedCampaign(), "2024年度文明单位考评", second, first.resolve("反馈"),
                changed)).isEqualTo(new FeedbackWriter.Written(3, 1));
        assertThat(Files.isSameFile(second.resolve("反馈/乡镇甲.xlsx"), first.resolve("反馈/乡镇甲.xlsx"))).isTrue();
        assertThat(Files.isSameFile(second.resolve("反馈/统计局.xlsx"), first.resolve("反馈/统计局.xlsx"))).isFalse();
        assertThat(Files.isSameFile(second.resolve("反馈/审计局.xlsx"), first.resolve("反馈/审计局.xlsx"))).isFalse();
        assertThat(new FeedbackWriter().write(campaign(), "另一个考核", dir.resolve("out/keyed-renamed"),
                first.resolve("反馈"), keys)).isEqualTo(new FeedbackWriter.Written(4, 0));
    }

    @Test
    void unitNameThatLooksLikeAFormulaStaysText() {
        Cell cell = ranking.getSheet("总排名").getRow(3).getCell(1);
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(FORMULA_NAME);
    }

    @Test
    void divisionSheetsRankWithinTheDivision() {
        Sheet sheet = ranking.getSheet("市直机关");
        assertThat(texts(header(sheet)).get(0)).isEqualTo("排名");
        assertThat(column(sheet, 1)).containsExactly("审计局", "统计局");
        assertThat(column(sheet, 0)).containsExactly(1.0, null);
        Sheet towns = ranking.getSheet("乡镇_街道");
        assertThat(column(towns, 1)).containsExactly(FORMULA_NAME, "乡镇甲");
        assertThat(column(towns, 0)).containsExactly(2.0, null);
        assertThat(column(towns, 2)).containsExactly("乡镇/街道", "乡镇/街道");
    }

    @Test
    void leafScoresHaveARowPerUnitAndLeafNamingWhoAnswersForIt() {
        Sheet sheet = ranking.getSheet("分项得分");
        assertThat(texts(sheet.getRow(0))).containsExactly("单位名称", "状态", "编号", "评分项", "分值", "考核得分", "自评得分",
                "考核方法", "责任部门", "责任人", "分管领导");
        assertThat(column(sheet, 0)).containsExactly("审计局", "审计局", "审计局", FORMULA_NAME, FORMULA_NAME, FORMULA_NAME,
                "统计局", "统计局", "统计局", "乡镇甲", "乡镇甲", "乡镇甲");
        Row first = sheet.getRow(1);
        assertThat(texts(first, 4)).containsExactly("审计局", "正常", "1.1", "组织领导");
        assertThat(numbers(first, 4, 6)).containsExactly(30.0, 28.5);
        assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(first.getCell(7).getStringCellValue()).isEqualTo("查看资料、实地查看");
        // The responsibility map's 责任科室 and 责任人 win over the leaf's own departments; its 分管领导 beside them.
        assertThat(first.getCell(8).getStringCellValue()).isEqualTo("党支部");
        assertThat(first.getCell(9).getStringCellValue()).isEqualTo("许伟灿");
        assertThat(first.getCell(10).getStringCellValue()).isEqualTo("朱亮");
        Row second = sheet.getRow(2);
        assertThat(second.getCell(8).getStringCellValue()).isEqualTo("办公室、人事科");
        assertThat(second.getCell(9).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(column(sheet, 5)).containsExactly(28.5, 27.5, 34.0, 30.0, 30.0, 31.5, 25.0, 25.0, null, null, null, null);
        assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K13");
    }

    @Test
    void leafScoresBeyondASheetsRowsGoOnInNumberedSheetsWholeUnitsAtATime() throws IOException {
        Path file = dir.resolve("out/paged/综合排名.xlsx");
        // a header and 6 rows a sheet: two units of 3 leaves each
        new RankingWorkbookWriter(7).write(campaign(), runInfo(), file);
        XSSFWorkbook paged = read(file);
        List<String> names = new ArrayList<>();
        paged.forEach(sheet -> names.add(sheet.getSheetName()));
        assertThat(names).containsExactly("总排名", "市直机关", "乡镇_街道", "分项得分矩阵", "统计图", "分项得分", "分项得分（2）",
                "加扣分明细", "运行信息");
        assertThat(column(paged.getSheet("分项得分"), 0)).containsExactly("审计局", "审计局", "审计局", FORMULA_NAME,
                FORMULA_NAME, FORMULA_NAME);
        XSSFSheet second = paged.getSheet("分项得分（2）");
        assertThat(texts(second.getRow(0))).startsWith("单位名称", "状态", "编号");
        assertThat(column(second, 0)).containsExactly("统计局", "统计局", "统计局", "乡镇甲", "乡镇甲", "乡镇甲");
        assertThat(second.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:K7");
        assertThat(second.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:K7");
        paged.close();
    }

    @Test
    void streamedLeafScoresLookLikeTheOtherTablesAndAreSizedToTheirRows() {
        XSSFSheet sheet = ranking.getSheet("分项得分");
        assertThat(sheet.getCTWorksheet().getDimension().getRef()).isEqualTo("A1:K13");
        assertThat(sheet.getLastRowNum()).isEqualTo(12);
        Row last = sheet.getRow(12);
        assertThat(last.getCell(0).getStringCellValue()).isEqualTo("乡镇甲");
        assertThat(last.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(last.getCell(0).getCellStyle().getBorderLeft()).isEqualTo(BorderStyle.THIN);
        // A blank score is still a bordered cell of the table, as POI-written tables have it.
        assertThat(last.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(last.getCell(5).getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
    }

    @Test
    void adjustmentsListOfficialThenSelfRows() {
        Sheet sheet = ranking.getSheet("加扣分明细");
        assertThat(texts(sheet.getRow(0))).containsExactly("单位名称", "来源", "类型", "项目", "级别", "次数", "每次分值",
                "折算系数", "计入分值", "说明", "备注", "出处");
        assertThat(column(sheet, 1)).containsExactly("考核", "考核", "自评", "考核");
        Row bonus = sheet.getRow(1);
        assertThat(texts(bonus, 5)).containsExactly("审计局", "考核", "加分", "市级表彰", "市级");
        assertThat(numbers(bonus, 5, 9)).containsExactly(1.0, 2.5, 1.0, 2.5);
        assertThat(bonus.getCell(9).getStringCellValue()).isEqualTo("市委文件〔2024〕3号");
        assertThat(bonus.getCell(10).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(bonus.getCell(11).getStringCellValue()).isEqualTo("考核组一.xlsx!加扣分!C5");
        Row deduction = sheet.getRow(2);
        assertThat(deduction.getCell(2).getStringCellValue()).isEqualTo("扣分");
        assertThat(deduction.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(numbers(deduction, 5, 9)).containsExactly(2.0, 0.63, 0.8, 1.0);
        assertThat(deduction.getCell(10).getStringCellValue()).isEqualTo("按在职人数折算");
        assertThat(sheet.getRow(3).getCell(11).getStringCellValue()).isEqualTo("审计局自评.xlsx");
        assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("统计局");
        assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("否决");
    }

    @Test
    void runInfoTellsCampaignTimesCountsAndFiles() {
        Sheet sheet = ranking.getSheet("运行信息");
        Map<String, Object> values = new LinkedHashMap<>();
        for (int r = 1; r <= 16; r++) {
            values.put(sheet.getRow(r).getCell(0).getStringCellValue(), value(sheet.getRow(r).getCell(1)));
        }
        assertThat(values).containsExactly(Map.entry("考核名称", "2024年度文明单位考评"), Map.entry("考核代码", "2024-wm"),
                Map.entry("评分细则", "test-2024 测试细则"), Map.entry("运行编号", "run-1"),
                Map.entry("开始时间", "2025-01-02 09:30:05"), Map.entry("用时", "12.3 秒"), Map.entry("单位数", 4.0),
                Map.entry("已排名", 2.0), Map.entry("否决", 1.0), Map.entry("未考核", 1.0), Map.entry("差异数", 3.0),
                Map.entry("排名方法", "competition 并列占位（1, 2, 2, 4）"), Map.entry("同分排序", "无（同分并列）"),
                Map.entry("分数显示", "保留两位小数，half-up 四舍五入"), Map.entry("等次", "未设置"),
                Map.entry("上次运行", "无（首次运行）"));
        assertThat(sheet.getRow(17)).isNull();
        assertThat(texts(sheet.getRow(18))).containsExactly("文件", "来源", "处理结果", "说明");
        assertThat(texts(sheet.getRow(20))).containsExactly("考核/旧表.xls", "考核", "拒收", "不支持 .xls 格式");
        assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isFalse();
    }

    @Test
    void runInfoListsWhatChangedSinceThePreviousRun() throws IOException {
        RunInfo first = runInfo();
        RunChanges changes = new RunChanges("20250101-080000-000", false, List.of("self/新表.xlsx"),
                List.of("inspection/考核组一.xlsx"), List.of("self/旧表.xlsx"),
                List.of(new RunChanges.UnitChange("审计局", dec("84.125"), dec("91.5"), 3, 1),
                        new RunChanges.UnitChange("统计局", dec("80"), dec("80"), 2, null)));
        RunInfo info = new RunInfo(first.campaign(), first.campaignName(), first.rubricCode(), first.rubricName(),
                first.runId(), first.started(), first.elapsed(), first.files(), changes);
        Path file = dir.resolve("out/changes/综合排名.xlsx");
        new RankingWorkbookWriter().write(campaign(), info, file);
        Sheet sheet = read(file).getSheet("运行信息");
        List<List<String>> rows = new ArrayList<>();
        for (int r = 16; r <= 22; r++) {
            rows.add(texts(sheet.getRow(r)));
        }
        assertThat(rows).containsExactly(List.of("上次运行", "20250101-080000-000"),
                List.of("输入变化", "新增 1 个文件，更正 1 个，移除 1 个；2 个单位总分或排名变化"),
                List.of("新增文件", "self/新表.xlsx"), List.of("更正文件", "inspection/考核组一.xlsx"),
                List.of("移除文件", "self/旧表.xlsx"), List.of("分数变化", "审计局：总分 84.13 → 91.50，排名 3 → 1"),
                List.of("分数变化", "统计局：排名 2 → 无"));
        assertThat(sheet.getRow(23)).isNull();
    }

    @Test
    void discrepancyDetailHasHeaderValuesAndSeverityFills() {
        Sheet sheet = report.getSheet("差异明细");
        assertThat(report.getSheetIndex("差异明细")).isZero();
        assertThat(texts(sheet.getRow(0))).containsExactly("类型", "单位名称", "文件", "工作表", "单元格", "项目", "自评值",
                "考核值", "说明", "责任部门", "责任人", "分管领导");
        Row error = sheet.getRow(1);
        assertThat(texts(error, 11).subList(9, 11)).containsExactly("党支部", "许伟灿");
        assertThat(texts(error, 6)).containsExactly("得分无法识别", "审计局", "审计局自评.xlsx", "自评表", "D7",
                "1.1 组织领导");
        assertThat(error.getCell(6).getStringCellValue()).isEqualTo("良好");
        Row warning = sheet.getRow(2);
        assertThat(numbers(warning, 6, 8)).containsExactly(95.0, 91.5);
        assertThat(warning.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00");
        assertThat(warning.getCell(4).getCellType()).isEqualTo(CellType.BLANK);
        Row noWhere = sheet.getRow(3);
        assertThat(noWhere.getCell(2).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(fill(error.getCell(0))).isEqualTo("FFFFC7CE");
        assertThat(fill(error.getCell(7))).isEqualTo("FFFFC7CE");
        assertThat(fill(warning.getCell(0))).isEqualTo("FFFFEB9C");
        assertThat(fill(noWhere.getCell(8))).isEqualTo("FFFFEB9C");
    }

    @Test
    void summaryCountsByKindAndByUnit() {
        Sheet sheet = report.getSheet("汇总");
        assertThat(texts(sheet.getRow(0))).containsExactly("类型", "数量", "", "单位名称", "数量");
        List<String> kinds = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(0) != null) {
                kinds.add(row.getCell(0).getStringCellValue() + "=" + (int) row.getCell(1).getNumericCellValue());
            }
            if (row.getCell(3) != null) {
                units.add(row.getCell(3).getStringCellValue() + "=" + (int) row.getCell(4).getNumericCellValue());
            }
        }
        assertThat(kinds).containsExactly("得分无法识别=1", "自评与考核差异=1", "未提交=1", "合计=3");
        assertThat(units).containsExactly("审计局=2", "（无）=1", "合计=3");
    }

    @Test
    void tablesHaveFrozenFilteredHeaderAndLandscapeA4Printing() {
        for (Sheet sheet : List.of(ranking.getSheet("总排名"), ranking.getSheet("市直机关"), ranking.getSheet("加扣分明细"),
                report.getSheet("差异明细"))) {
            int header = Workbooks.headerRow(sheet);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef()).startsWith("A" + (header + 1) + ":");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo((header + 1) + ":" + (header + 1));
            assertThat(sheet.getRow(header).getCell(0).getCellStyle().getFillPattern())
                    .isEqualTo(FillPatternType.SOLID_FOREGROUND);
        }
        assertThat(Workbooks.headerRow(ranking.getSheet("总排名"))).isEqualTo(1);
        assertThat(Workbooks.headerRow(ranking.getSheet("加扣分明细"))).isZero();
        assertThat(((XSSFSheet) ranking.getSheet("总排名")).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:L6");
        assertThat(ranking.getSheet("总排名").getColumnWidth(1)).isEqualTo(22 * 256);
    }

    @Test
    void gradedRankingHasAGradeColumnAfterStatusOnEveryRankingSheet() {
        Sheet overall = graded.getSheet("总排名");
        assertThat(texts(header(overall))).containsExactly("排名", "单位名称", "分组", "考核组", "基础分", "加分", "扣分",
                "总分", "自评总分", "状态", "一 组织建设", "二 思想道德", "等次");
        assertThat(column(overall, 12)).containsExactly("优秀", "良好", null, null);
        assertThat(((XSSFSheet) overall).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:M6");
        Sheet towns = graded.getSheet("乡镇_街道");
        assertThat(texts(header(towns)).get(12)).isEqualTo("等次");
        assertThat(column(towns, 12)).containsExactly("良好", null);
        assertThat(texts(graded.getSheet("分项得分").getRow(0))).doesNotContain("等次");
    }

    @Test
    void scoreCellsAreRoundedByTheCampaignsRounding() {
        Sheet overall = graded.getSheet("总排名");
        // 84.125 half-even → 84.12 (half-up would show 84.13); 84.135 → 84.14 either way.
        assertThat(number(overall, 2, 7)).isEqualTo(84.12);
        assertThat(number(overall, 2, 4)).isEqualTo(84.12);
        assertThat(number(overall, 4, 8)).isEqualTo(84.14);
        assertThat(number(ranking.getSheet("总排名"), 4, 8)).isEqualTo(88.12);
        assertThat(numbers(gradedReport.getSheet("差异明细").getRow(2), 6, 8)).containsExactly(84.12, 84.14);
    }

    @Test
    void runInfoListsTheRankingRules() {
        Sheet sheet = graded.getSheet("运行信息");
        Map<String, Object> values = new LinkedHashMap<>();
        for (int r = 12; r <= 15; r++) {
            values.put(sheet.getRow(r).getCell(0).getStringCellValue(), value(sheet.getRow(r).getCell(1)));
        }
        assertThat(values).containsExactly(Map.entry("排名方法", "dense 中国式排名（1, 1, 2）"),
                Map.entry("同分排序", "base 基础分高者在前；category:一 一级指标 一 得分高者在前；deduction-asc 扣分少者在前"),
                Map.entry("分数显示", "保留两位小数，half-even 四舍六入五成双（GB/T 8170）"),
                Map.entry("等次", "优秀：前 10%；良好：前 5 名，总分 ≥ 85；合格：总分 ≥ 60；不合格：其余"));
    }

    /** The same units, graded, shown half-even, with scores that end in an exact half. */
    private static CampaignResult gradedCampaign() {
        CampaignResult plain = campaign();
        RankingRules rules = new RankingRules(RankingMethod.DENSE,
                List.of(TieBreaker.of(TieBreaker.Kind.BASE), new TieBreaker(TieBreaker.Kind.CATEGORY, "一"),
                        TieBreaker.of(TieBreaker.Kind.DEDUCTION_ASC)),
                DisplayRounding.HALF_EVEN,
                List.of(new Grade("优秀", new Grade.Quota(dec("10"), true), null),
                        new Grade("良好", new Grade.Quota(dec("5"), false), dec("85")),
                        new Grade("合格", null, dec("60")), new Grade("不合格", null, null)));
        List<String> grades = java.util.Arrays.asList("优秀", "良好", null, null);
        List<UnitResult> units = new ArrayList<>();
        for (int i = 0; i < plain.units().size(); i++) {
            UnitResult u = plain.units().get(i);
            Scored official = u.official();
            Scored self = u.self();
            if (i == 1) {
                official = new Scored(Source.INSPECTION, official.origin(), dec("84.125"), dec("0"), dec("0"), false,
                        official.leafScores(), List.of(), List.of());
            }
            if (i == 3) {
                self = new Scored(Source.SELF, self.origin(), dec("84.135"), dec("0"), dec("0"), false, Map.of(),
                        List.of(), List.of());
            }
            units.add(new UnitResult(u.unit(), u.status(), official, self, u.rank(), u.divisionRank(), u.scoredBy(),
                    grades.get(i)));
        }
        List<Discrepancy> discrepancies = new ArrayList<>(plain.discrepancies());
        discrepancies.set(1, new Discrepancy(DiscrepancyKind.SELF_OFFICIAL_GAP, "审计局", null, "总分", "84.125",
                "84.135", "自评总分与考核总分相差 0.01 分"));
        return new CampaignResult(plain.rubric(), units, discrepancies, rules);
    }

    private static CampaignResult campaign() {
        Leaf l11 = new Leaf("1.1", "组织领导", "", dec("30"), "一", 1, 1, List.of("查看资料", "实地查看"), List.of("办公室"),
                null, null, List.of(), List.of(new Responsibility("", List.of("朱亮"), List.of("党支部"), List.of("许伟灿"))));
        Leaf l12 = new Leaf("1.2", "制度建设", "", dec("30"), "一", 1, 2, List.of(), List.of("办公室", "人事科"), null);
        Leaf l21 = new Leaf("2.1", "", "", dec("40"), "二", 2, 1, List.of(), List.of(), null);
        Rubric rubric = new Rubric("test-2024", "测试细则", dec("100"),
                List.of(new Category("一", "组织建设", dec("60"), 1, List.of(), List.of(l11, l12)),
                        new Category("二", "思想道德", dec("40"), 2, List.of(), List.of(l21))),
                null, List.of(), List.of(), List.of(), List.of());

        RosterUnit audit = new RosterUnit("审计局", List.of(), 50, "市直机关", "第一考核组");
        RosterUnit formula = new RosterUnit(FORMULA_NAME, List.of(), null, "乡镇/街道", "第二考核组");
        RosterUnit stats = new RosterUnit("统计局", List.of(), 30, "市直机关", "第一考核组");
        RosterUnit town = new RosterUnit("乡镇甲", List.of(), null, "乡镇/街道", "第二考核组");

        CellRef auditSheet = new CellRef("考核组一.xlsx", "评分表", "");
        Scored auditOfficial = new Scored(Source.INSPECTION, auditSheet, dec("90"), dec("2.5"), dec("1"), false,
                Map.of("1.1", dec("28.5"), "1.2", dec("27.5"), "2.1", dec("34")),
                List.of(new AppliedAdjustment(Source.INSPECTION, AdjustmentType.BONUS, "市级表彰", "市级", dec("1"),
                                dec("2.5"), dec("1"), dec("2.5"), "市委文件〔2024〕3号",
                                new CellRef("考核组一.xlsx", "加扣分", "C5"), null),
                        new AppliedAdjustment(Source.INSPECTION, AdjustmentType.DEDUCTION, "信访", null, dec("2"),
                                dec("0.625"), dec("0.8"), dec("1.0"), "", null, "按在职人数折算")),
                List.of());
        Scored auditSelf = new Scored(Source.SELF, CellRef.file("审计局自评.xlsx"), dec("92"), dec("3"), dec("0"), false,
                Map.of(), List.of(new AppliedAdjustment(Source.SELF, AdjustmentType.BONUS, "省级表彰", "省级", dec("1"),
                        dec("3"), dec("1"), dec("3"), "", CellRef.file("审计局自评.xlsx"), null)), List.of());
        Scored formulaOfficial = new Scored(Source.INSPECTION, CellRef.file("考核组三.xlsx"), dec("91.5"), dec("0"),
                dec("0"), false, Map.of("1.1", dec("30"), "1.2", dec("30"), "2.1", dec("31.5")), List.of(), List.of());
        Scored statsOfficial = new Scored(Source.INSPECTION, CellRef.file("考核组一.xlsx"), dec("80"), dec("0"), dec("0"),
                true, Map.of("1.1", dec("25"), "1.2", dec("25")),
                List.of(new AppliedAdjustment(Source.INSPECTION, AdjustmentType.VETO, "重大安全事故", null, dec("1"), null,
                        null, dec("0"), "事故通报", null, null)), List.of());
        Scored townSelf = new Scored(Source.SELF, CellRef.file("乡镇甲自评.xlsx"), dec("88.123"), dec("0"), dec("0"),
                false, Map.of(), List.of(), List.of());

        // The second unit's divisionRank differs from its rank so that a sheet showing the wrong one fails.
        List<UnitResult> units = List.of(
                new UnitResult(audit, Status.RANKED, auditOfficial, auditSelf, 1, 1, "第一考核组"),
                new UnitResult(formula, Status.RANKED, formulaOfficial, null, 1, 2, "第三考核组"),
                new UnitResult(stats, Status.VETOED, statsOfficial, null, null, null, "第一考核组"),
                new UnitResult(town, Status.UNSCORED, null, townSelf, null, null, null));
        List<Discrepancy> discrepancies = List.of(
                new Discrepancy(DiscrepancyKind.UNREADABLE_SCORE, "审计局", new CellRef("审计局自评.xlsx", "自评表", "D7"),
                        "1.1 组织领导", "良好", "", "得分“良好”不是数值"),
                new Discrepancy(DiscrepancyKind.SELF_OFFICIAL_GAP, "审计局", auditSheet, "总分", "95.00", "91.50",
                        "自评总分与考核总分相差 3.50 分"),
                Discrepancy.of(DiscrepancyKind.NOT_SUBMITTED, "", null, "", "有一份无法对应单位的自评表"));
        return new CampaignResult(rubric, units, discrepancies);
    }

    private static RunInfo runInfo() {
        return new RunInfo("2024-wm", "2024年度文明单位考评", "test-2024", "测试细则", "run-1",
                LocalDateTime.of(2025, 1, 2, 9, 30, 5), Duration.ofMillis(12_345),
                List.of(new RunInfo.FileEntry("自评/审计局自评.xlsx", "自评", "读取", ""),
                        new RunInfo.FileEntry("考核/旧表.xls", "考核", "拒收", "不支持 .xls 格式")));
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : cell.getStringCellValue();
    }

    /** A column's values below the table's header. */
    private static List<Object> column(Sheet sheet, int col) {
        List<Object> out = new ArrayList<>();
        for (int r = Workbooks.headerRow(sheet) + 1; r <= sheet.getLastRowNum(); r++) {
            out.add(value(sheet.getRow(r).getCell(col)));
        }
        return out;
    }

    private static List<String> texts(Row row) {
        return texts(row, row.getLastCellNum());
    }

    private static List<String> texts(Row row, int count) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c);
            out.add(cell == null || cell.getCellType() == CellType.BLANK ? ""
                    : cell.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros().toPlainString() : cell.getStringCellValue());
        }
        return out;
    }

    private static List<Double> numbers(Row row, int from, int to) {
        List<Double> out = new ArrayList<>();
        for (int c = from; c < to; c++) {
            out.add(row.getCell(c).getNumericCellValue());
        }
        return out;
    }

    /** The number in the {@code row}-th row below the table's header (1: the first). */
    private static double number(Sheet sheet, int row, int col) {
        return sheet.getRow(Workbooks.headerRow(sheet) + row).getCell(col).getNumericCellValue();
    }

    private static Row header(Sheet sheet) {
        return sheet.getRow(Workbooks.headerRow(sheet));
    }

    private static String fill(Cell cell) {
        return ((XSSFColor) cell.getCellStyle().getFillForegroundColorColor()).getARGBHex();
    }
}
