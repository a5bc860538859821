package org.kaoping.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.Samples;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code template --matrix} for the Hunan sample's roster (one group, eight units, a three-level rubric with bonus and
 * deduction items): a program fills the group's 汇总表 and 加扣分 sheet and every unit's own form and 加扣分 sheet, as
 * staff would through the drop-down lists, and the run gives back exactly the typed scores, bonuses and deductions; a
 * score another program typed past the validation is reported as any score over the maximum is.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixTemplateRoundTripTest {
    private static final TestHome HOME = createHome();
    private static final Rubric HUNAN = new RubricLoader().load(Path.of("config/rubrics/hunan-2023.yml"));
    private static final int FIRST_UNIT_ROW = 4;
    private static final List<String> READING_KINDS = List.of("无法对应的行", "未填报的评分项", "得分无法识别", "缺少得分",
            "合计不符", "未知单位", "未知考核组", "拒收文件", "忽略的文件", "得分超过满分", "加扣分无法识别");

    @Autowired
    TemplateCommand template;
    @Autowired
    CampaignRun campaignRun;

    private final Map<String, BigDecimal> typedBases = new HashMap<>();
    private final Map<String, BigDecimal> typedSelf = new HashMap<>();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-matrix");
        TestHome.copyFile(Samples.sample("hunan-2023-demo").resolve("roster.xlsx"),
                home.root().resolve("config/rosters/hunan.xlsx"));
        return home.campaign("matrix", "hunan-2023", "rosters/hunan.xlsx");
    }

    @BeforeAll
    void writeFillInAndRun() throws IOException {
        assertThat(template.write("matrix", false, true, quiet(), quiet())).isEqualTo(ExitCodes.OK);
        Path templates = HOME.root().resolve("templates/matrix");
        Path input = HOME.input("matrix");
        try (XSSFWorkbook wb = read(templates.resolve("inspection/考核一组评分表.xlsx"))) {
            Sheet matrix = wb.getSheet("汇总表");
            for (int u = 0; matrix.getRow(FIRST_UNIT_ROW + u) != null; u++) {
                Row row = matrix.getRow(FIRST_UNIT_ROW + u);
                typedBases.put(row.getCell(0).getStringCellValue(), type(row, 1, u));
            }
            Sheet adjustments = wb.getSheet("加扣分");
            adjustment(adjustments.getRow(1), "省地质院", "加分", "荣誉称号", "国家级");
            adjustment(adjustments.getRow(2), "省测绘院", "扣分", "通报批评", null);
            save(wb, input.resolve("inspection/考核一组评分表.xlsx"));
        }
        List<Path> forms;
        try (Stream<Path> files = Files.list(templates.resolve("self"))) {
            forms = files.sorted().toList();
        }
        int u = 1;
        for (Path form : forms) {
            try (XSSFWorkbook wb = read(form)) {
                Sheet sheet = wb.getSheet("自评表");
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < HUNAN.leaves().size(); i++) {
                    sum = sum.add(score(sheet.getRow(3 + i).getCell(5), HUNAN.leaves().get(i), i + u));
                }
                String unit = sheet.getRow(1).getCell(1).getStringCellValue();
                if (unit.equals("省建科院")) {
                    // Typed in a program that ignores the validation: above 1's 7 points, counted as 7 and reported.
                    Cell first = sheet.getRow(3).getCell(5);
                    sum = sum.subtract(BigDecimal.valueOf(first.getNumericCellValue())).add(new BigDecimal("7"));
                    first.setCellValue(8);
                }
                if (unit.equals("省水文院")) {
                    adjustment(wb.getSheet("加扣分").getRow(1), null, "加分", "特色创建", "省部级");
                    sum = sum.add(new BigDecimal("2"));
                }
                typedSelf.put(unit, sum);
                save(wb, input.resolve("self").resolve(form.getFileName()));
            }
            u++;
        }
        assertThat(campaignRun.run("matrix")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aGroupsMatrixHasAColumnPerLeafByCodeWithItsCheckAndOnlyTheScoresToType() throws IOException {
        try (XSSFWorkbook wb = read(HOME.root().resolve("templates/matrix/inspection/考核一组评分表.xlsx"))) {
            XSSFSheet sheet = wb.getSheet("汇总表");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("考核一组");
            Row codes = sheet.getRow(3);
            int last = HUNAN.leaves().size() + 1;
            assertThat(codes.getCell(0).getStringCellValue()).isEqualTo("单位名称");
            assertThat(codes.getCell(1).getStringCellValue()).isEqualTo("1");
            assertThat(codes.getCell(last).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("第一议题制度（7分）");
            Row first = sheet.getRow(FIRST_UNIT_ROW);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("省地质院");
            assertThat(first.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(first.getCell(1).getCellStyle().getLocked()).isFalse();
            assertThat(first.getCell(last).getCellFormula()).isEqualTo("SUM(B5:" + column(last - 1) + "5)");
            assertThat(sheet.getDataValidations()).hasSize(HUNAN.leaves().size());
            // 22 leaves of 10 characters are too wide for one page: printed across pages, the units repeated on each.
            assertThat(sheet.getFitToPage()).isFalse();
            assertThat(sheet.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("3:4");
            var check = sheet.getDataValidations().get(0);
            assertThat(check.getValidationConstraint().getFormula1())
                    .isEqualTo("AND(ISNUMBER(B5),B5>=0,B5<=7,ROUND(B5/0.5,6)=INT(ROUND(B5/0.5,6)))");
            assertThat(check.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("B5:B12");
            assertThat(wb.getSheetAt(wb.getSheetIndex("选项")).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("省地质院");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("选项"))).isTrue();
        }
        assertThat(HOME.root().resolve("templates/matrix/inspection")).isDirectoryContaining("glob:**/考核一组评分表.xlsx");
    }

    @Test
    void theRunGivesBackTheTypedScoresBonusesAndDeductionsAndReportsAScoreTheValidationWouldHaveRefused() {
        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("matrix", "综合排名.xlsx"), "总排名");
        assertThat(ranking).hasSize(8);
        for (Map<String, String> row : ranking) {
            String unit = row.get("单位名称");
            BigDecimal base = typedBases.get(unit);
            BigDecimal bonus = unit.equals("省地质院") ? new BigDecimal("5") : BigDecimal.ZERO;
            BigDecimal deduction = unit.equals("省测绘院") ? new BigDecimal("3") : BigDecimal.ZERO;
            assertThat(new BigDecimal(row.get("基础分"))).as(unit).isEqualByComparingTo(base);
            assertThat(new BigDecimal(row.get("加分"))).as(unit).isEqualByComparingTo(bonus);
            assertThat(new BigDecimal(row.get("扣分"))).as(unit).isEqualByComparingTo(deduction);
            assertThat(new BigDecimal(row.get("总分"))).as(unit).isEqualByComparingTo(base.add(bonus).subtract(deduction));
            assertThat(new BigDecimal(row.get("自评总分"))).as(unit).isEqualByComparingTo(typedSelf.get(unit));
        }
        List<Map<String, String>> discrepancies = Workbooks.rows(HOME.latest("matrix", "差异报告.xlsx"), "差异明细");
        assertThat(discrepancies).filteredOn(r -> r.get("类型").equals("得分超过满分")).singleElement().satisfies(r -> {
            assertThat(r.get("单位名称")).isEqualTo("省建科院");
            assertThat(r.get("文件")).isEqualTo("省建科院自评表.xlsx");
            assertThat(r.get("工作表")).isEqualTo("自评表");
            assertThat(r.get("单元格")).isEqualTo("F4");
            assertThat(r.get("项目")).isEqualTo("1 第一议题制度");
            assertThat(r.get("说明")).isEqualTo("自评：得分 8 超过满分 7，按 7 分计");
        });
        assertThat(discrepancies).extracting(r -> r.get("类型")).filteredOn(t -> !t.equals("得分超过满分"))
                .doesNotContainAnyElementsOf(READING_KINDS);
    }

    /** Types every leaf's score into a matrix row from column {@code col}; their sum. */
    private static BigDecimal type(Row row, int col, int seed) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < HUNAN.leaves().size(); i++) {
            sum = sum.add(score(row.getCell(col + i), HUNAN.leaves().get(i), i + seed));
        }
        return sum;
    }

    /** The leaf's most less 0, 0.5 or 1 by turns, typed into an unlocked cell. */
    private static BigDecimal score(Cell cell, Leaf leaf, int turn) {
        BigDecimal score = leaf.scoreMax().subtract(new BigDecimal("0.5").multiply(BigDecimal.valueOf(turn % 3)))
                .max(BigDecimal.ZERO);
        assertThat(cell.getCellStyle().getLocked()).isFalse();
        cell.setCellValue(score.doubleValue());
        return score;
    }

    /** An adjustment row as chosen from the sheet's lists: (单位名称,) 类型, 项目, 级别, 次数 1. */
    private static void adjustment(Row row, String unit, String type, String item, String level) {
        int c = 0;
        if (unit != null) {
            row.getCell(c++).setCellValue(unit);
        }
        row.getCell(c++).setCellValue(type);
        row.getCell(c++).setCellValue(item);
        if (level != null) {
            row.getCell(c).setCellValue(level);
        }
        row.getCell(c + 1).setCellValue(1);
    }

    private static String column(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }

    private static void save(XSSFWorkbook wb, Path to) throws IOException {
        wb.setForceFormulaRecalculation(true);
        Files.createDirectories(to.getParent());
        try (OutputStream out = Files.newOutputStream(to)) {
            wb.write(out);
        }
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
