package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the committee publishes and what each unit gets back, read cell by cell from both sample campaigns' output:
 * category subtotals on 总排名 and the 分组 sheets, 分项得分矩阵, the charts of 统计图, and a 反馈表 per unit.
 * Every figure is checked against 分项得分 (the long list) and the rubric, not against another copy of itself.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedReportsTest {
    private static final TestHome HOME = TestHome.temporary("kaoping-published")
            .sampleCampaign("shanxi", "shanxi-2020-demo", "shanxi-2020")
            .sampleCampaign("hunan", "hunan-2023-demo", "hunan-2023")
            .sampleCampaign("quiet", "shanxi-2020-demo", "shanxi-2020")
            .appendToCampaign("quiet", "feedback: false\n");
    private static final Map<String, String> RUBRICS = Map.of("shanxi", "shanxi-2020", "hunan", "hunan-2023");

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    @BeforeAll
    void runTheCampaigns() {
        assertThat(campaignRun.run("shanxi")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("hunan")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("quiet")).isEqualTo(ExitCodes.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanxi", "hunan"})
    void categorySubtotalsOnEveryRankingSheetAreTheSumsOfTheirLeaves(String campaign) {
        Rubric rubric = rubric(campaign);
        Map<String, Map<String, BigDecimal>> leaves = officialLeafScores(campaign);
        Path file = HOME.latest(campaign, "综合排名.xlsx");
        List<String> sheets = new ArrayList<>(List.of("总排名"));
        Workbooks.rows(file, "总排名").stream().map(r -> r.get("分组")).filter(d -> !d.isEmpty()).distinct()
                .forEach(sheets::add);
        int checked = 0;
        for (String sheet : sheets) {
            List<Map<String, String>> rows = Workbooks.rows(file, sheet);
            assertThat(Workbooks.header(file, sheet).subList(10, 10 + rubric.categories().size()))
                    .containsExactlyElementsOf(rubric.categories().stream().map(c -> c.code() + " " + shortName(c)).toList());
            for (Map<String, String> row : rows) {
                Map<String, BigDecimal> scores = leaves.get(row.get("单位名称"));
                BigDecimal base = BigDecimal.ZERO;
                for (Category c : rubric.categories()) {
                    String cell = row.get(c.code() + " " + shortName(c));
                    if (scores == null) {
                        assertThat(cell).as("%s %s", row.get("单位名称"), c.code()).isEmpty();
                        continue;
                    }
                    BigDecimal sum = c.leaves().stream().map(l -> scores.getOrDefault(l.code(), BigDecimal.ZERO))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(new BigDecimal(cell)).as("%s %s", row.get("单位名称"), c.code()).isEqualByComparingTo(sum);
                    base = base.add(sum);
                    checked++;
                }
                if (scores != null) {
                    assertThat(new BigDecimal(row.get("基础分"))).isEqualByComparingTo(base);
                }
            }
        }
        assertThat(checked).isGreaterThan(rubric.categories().size() * 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanxi", "hunan"})
    void leafMatrixHoldsTheLongListsScoresUnitByUnitAndLeafByLeaf(String campaign) throws IOException {
        Rubric rubric = rubric(campaign);
        Map<String, Map<String, BigDecimal>> leaves = officialLeafScores(campaign);
        try (XSSFWorkbook wb = read(HOME.latest(campaign, "综合排名.xlsx"))) {
            Sheet matrix = wb.getSheet("分项得分矩阵");
            Row categories = matrix.getRow(0);
            Row leafHeader = matrix.getRow(1);
            int col = 4;
            for (Category c : rubric.categories()) {
                assertThat(categories.getCell(col).getStringCellValue()).startsWith(c.code() + " ").endsWith(
                        "（" + c.max().stripTrailingZeros().toPlainString() + "分）");
                for (Leaf leaf : c.leaves()) {
                    assertThat(leafHeader.getCell(col).getStringCellValue())
                            .isEqualTo(leaf.label() + "（" + leaf.max().stripTrailingZeros().toPlainString() + "分）");
                    col++;
                }
            }
            assertThat(leafHeader.getCell(col - 1).getStringCellValue()).isNotEmpty();
            assertThat(categories.getCell(col).getStringCellValue()).isEqualTo("基础分");
            // Too wide for one page (22 or 27 leaves of 12 characters): printed across pages, 排名 and the unit on each.
            assertThat(matrix.getFitToPage()).isFalse();
            assertThat(matrix.getRepeatingColumns().formatAsString()).isEqualTo("A:B");
            assertThat(matrix.getRepeatingRows().formatAsString()).isEqualTo("1:2");
            int units = 0;
            for (int r = 2; r <= matrix.getLastRowNum(); r++) {
                Row row = matrix.getRow(r);
                String unit = row.getCell(1).getStringCellValue();
                Map<String, BigDecimal> scores = leaves.get(unit);
                List<Leaf> all = rubric.leaves();
                for (int i = 0; i < all.size(); i++) {
                    Cell cell = row.getCell(4 + i);
                    if (scores == null) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
                    } else {
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as("%s %s", unit, all.get(i).code())
                                .isEqualByComparingTo(scores.get(all.get(i).code()));
                    }
                }
                units++;
            }
            assertThat(units).isEqualTo(Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名").size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanxi", "hunan"})
    void chartsAreNativeWithTwoSeriesForCategoriesAndOneBarPerRankedUnitOfEachDivision(String campaign)
            throws IOException {
        Rubric rubric = rubric(campaign);
        List<Map<String, String>> overall = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名");
        try (XSSFWorkbook wb = read(HOME.latest(campaign, "综合排名.xlsx"))) {
            List<XSSFChart> charts = wb.getSheet("统计图").getDrawingPatriarch().getCharts();
            List<String> divisions = overall.stream().map(r -> r.get("分组")).filter(d -> !d.isEmpty()).distinct().toList();
            assertThat(charts).hasSize(1 + Math.max(1, divisions.size()));
            XDDFChartData averages = charts.get(0).getChartSeries().get(0);
            assertThat(averages.getSeriesCount()).isEqualTo(2);
            assertThat(averages.getSeries(0).getCategoryData().getPointCount()).isEqualTo(rubric.categories().size());
            for (int i = 0; i < rubric.categories().size(); i++) {
                assertThat(averages.getSeries(0).getValuesData().getPointAt(i).doubleValue())
                        .isEqualTo(rubric.categories().get(i).max().doubleValue());
            }
            XDDFChartData totals = charts.get(1).getChartSeries().get(0);
            assertThat(totals.getSeriesCount()).isEqualTo(1);
            String division = divisions.isEmpty() ? null : divisions.get(0);
            List<Map<String, String>> ranked = overall.stream().filter(r -> r.get("状态").equals("正常"))
                    .filter(r -> division == null || r.get("分组").equals(division)).toList();
            assertThat(totals.getSeries(0).getCategoryData().getPointCount()).isEqualTo(ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                assertThat(totals.getSeries(0).getCategoryData().getPointAt(i)).isEqualTo(ranked.get(i).get("单位名称"));
                assertThat(BigDecimal.valueOf(((Number) totals.getSeries(0).getValuesData().getPointAt(i)).doubleValue()))
                        .isEqualByComparingTo(ranked.get(i).get("总分"));
            }
            assertThat(totals.getSeries(0).getValuesData().getDataRangeReference())
                    .endsWith("!$H$3:$H$" + (2 + ranked.size()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shanxi", "hunan"})
    void everyUnitGetsAFeedbackTableWhoseLostPointsAddUpAndThatNamesNoOtherUnit(String campaign) throws IOException {
        Rubric rubric = rubric(campaign);
        List<Map<String, String>> overall = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名");
        List<String> names = overall.stream().map(r -> r.get("单位名称")).toList();
        Path folder = HOME.latest(campaign, "反馈");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> n + ".xlsx").toList());
        }
        Map<String, Map<String, BigDecimal>> leaves = officialLeafScores(campaign);
        for (Map<String, String> unit : overall) {
            String name = unit.get("单位名称");
            try (XSSFWorkbook wb = read(folder.resolve(name + ".xlsx"))) {
                Sheet sheet = wb.getSheetAt(0);
                List<String> texts = texts(sheet);
                for (String other : names) {
                    if (!other.equals(name) && !name.contains(other)) {
                        assertThat(texts).as("%s's 反馈表", name).noneMatch(t -> t.contains(other));
                    }
                }
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(name);
                assertThat(cellText(sheet.getRow(2).getCell(1))).isEqualTo(unit.get("总分"));
                assertThat(cellText(sheet.getRow(2).getCell(3))).isEqualTo(unit.get("排名"));
                int header = rowOf(sheet, "编号");
                BigDecimal lost = BigDecimal.ZERO;
                Map<String, BigDecimal> scores = leaves.get(name);
                for (int i = 0; i < rubric.leaves().size(); i++) {
                    Row row = sheet.getRow(header + 1 + i);
                    Leaf leaf = rubric.leaves().get(i);
                    assertThat(row.getCell(0).getStringCellValue()).isEqualTo(leaf.code());
                    assertThat(BigDecimal.valueOf(row.getCell(2).getNumericCellValue())).isEqualByComparingTo(leaf.max());
                    if (scores == null) {
                        assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
                        continue;
                    }
                    assertThat(BigDecimal.valueOf(row.getCell(3).getNumericCellValue()))
                            .isEqualByComparingTo(scores.get(leaf.code()));
                    lost = lost.add(BigDecimal.valueOf(row.getCell(5).getNumericCellValue()));
                }
                if (scores != null) {
                    assertThat(lost).as(name).isEqualByComparingTo(rubric.max().subtract(new BigDecimal(unit.get("基础分"))));
                    Row total = sheet.getRow(header + 1 + rubric.leaves().size());
                    assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
                    assertThat(BigDecimal.valueOf(total.getCell(5).getNumericCellValue())).isEqualByComparingTo(lost);
                }
            }
        }
    }

    @Test
    void aCampaignWithFeedbackOffWritesNoFeedbackFolder() {
        assertThat(HOME.latest("quiet", "综合排名.xlsx")).exists();
        assertThat(HOME.latest("quiet", "反馈")).doesNotExist();
    }

    /** Unit → leaf code → 考核得分, from 分项得分 (units without an official score left out). */
    private static Map<String, Map<String, BigDecimal>> officialLeafScores(String campaign) {
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        for (Map<String, String> row : Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "分项得分")) {
            if (!row.get("考核得分").isEmpty()) {
                out.computeIfAbsent(row.get("单位名称"), u -> new LinkedHashMap<>())
                        .put(row.get("编号"), new BigDecimal(row.get("考核得分")));
            }
        }
        return out;
    }

    private static Rubric rubric(String campaign) {
        return new RubricLoader().load(Path.of("config/rubrics/" + RUBRICS.get(campaign) + ".yml"));
    }

    /** What the category's column is headed with after its code. */
    private static String shortName(Category c) {
        String name = c.name().strip();
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static int rowOf(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(first)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                out.add(cell.getStringCellValue());
            }
        }));
        return out;
    }

    private static String cellText(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
    }

    private static XSSFWorkbook read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
