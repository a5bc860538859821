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
 * From a roster to a ranking through the templates: {@code template} writes every unit's and group's form for the Shanxi
 * sample's roster, a program fills them in as staff would (typing into the unlocked score cells only), and the run
 * reads back exactly what was typed, with no discrepancy about reading.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateRoundTripTest {
    private static final TestHome HOME = createHome();
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final List<String> READING_KINDS = List.of("无法对应的行", "未填报的评分项", "得分无法识别", "缺少得分",
            "合计不符", "未知单位", "未知考核组", "拒收文件", "忽略的文件", "得分超过满分");

    @Autowired
    TemplateCommand template;
    @Autowired
    CampaignRun campaignRun;

    private final Map<String, BigDecimal> selfTotals = new HashMap<>();
    private final Map<String, BigDecimal> officialTotals = new HashMap<>();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-template");
        TestHome.copyFile(Samples.sample("shanxi-2020-demo").resolve("roster.xlsx"),
                home.root().resolve("config/rosters/filled.xlsx"));
        return home.campaign("filled", "shanxi-2020", "rosters/filled.xlsx")
                .campaign("whole", "shanxi-2020", "rosters/filled.xlsx").appendToCampaign("whole", "score-step: 1\n")
                .campaign("zero", "shanxi-2020", "rosters/filled.xlsx").appendToCampaign("zero", "score-step: 0\n");
    }

    @BeforeAll
    void writeFillInAndRun() throws IOException {
        assertThat(template.write("filled", false, false, quiet(), quiet())).isEqualTo(ExitCodes.OK);
        Path templates = HOME.root().resolve("templates/filled");
        int unit = 0;
        for (Path form : list(templates.resolve("self"))) {
            fill(form, HOME.input("filled").resolve("self").resolve(form.getFileName()), unit++, selfTotals);
        }
        for (Path form : list(templates.resolve("inspection"))) {
            fill(form, HOME.input("filled").resolve("inspection").resolve(form.getFileName()), unit++, officialTotals);
        }
        assertThat(campaignRun.run("filled")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void everyUnitAndGroupGetsAFormWhoseOnlyTypableCellsAreTheScoresEachChecked() throws IOException {
        Path templates = HOME.root().resolve("templates/filled");
        assertThat(list(templates.resolve("self"))).hasSize(10);
        assertThat(list(templates.resolve("inspection"))).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("第一考核组评分表.xlsx", "第二考核组评分表.xlsx");
        try (XSSFWorkbook wb = read(templates.resolve("self/省财政厅自评表.xlsx"))) {
            XSSFSheet sheet = wb.getSheet("自评表");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("省财政厅");
            assertThat(sheet.getDataValidations()).hasSize(SHANXI.leaves().size());
            Row first = sheet.getRow(3);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("1.1 思想建设");
            assertThat(first.getCell(5).getCellStyle().getLocked()).isFalse();
            assertThat(first.getCell(4).getCellStyle().getLocked()).isTrue();
            Row total = sheet.getRow(3 + SHANXI.leaves().size());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(5).getCellFormula()).isEqualTo("SUM(F4:F" + (3 + SHANXI.leaves().size()) + ")");
            assertThat(wb.getSheet("加扣分").getDataValidations()).isNotEmpty();
        }
    }

    @Test
    void theRunReadsBackExactlyWhatWasTypedWithNoDiscrepancyAboutReading() {
        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("filled", "综合排名.xlsx"), "总排名");
        assertThat(ranking).hasSize(10);
        for (Map<String, String> row : ranking) {
            String unit = row.get("单位名称");
            assertThat(new BigDecimal(row.get("基础分"))).as(unit).isEqualByComparingTo(officialTotals.get(unit));
            assertThat(new BigDecimal(row.get("自评总分"))).as(unit).isEqualByComparingTo(selfTotals.get(unit));
        }
        assertThat(Workbooks.rows(HOME.latest("filled", "差异报告.xlsx"), "差异明细"))
                .extracting(r -> r.get("类型")).doesNotContainAnyElementsOf(READING_KINDS);
    }

    @Test
    void theCampaignsScoreStepIsTheStepEveryScoreCellAccepts() throws IOException {
        assertThat(template.write("whole", false, false, quiet(), quiet())).isEqualTo(ExitCodes.OK);
        try (XSSFWorkbook wb = read(HOME.root().resolve("templates/whole/self/省财政厅自评表.xlsx"))) {
            var check = wb.getSheet("自评表").getDataValidations().get(0);
            assertThat(check.getValidationConstraint().getFormula1())
                    .isEqualTo("AND(ISNUMBER(F4),F4>=0,F4<=3,ROUND(F4/1,6)=INT(ROUND(F4/1,6)))");
            assertThat(check.getErrorBoxText()).isEqualTo("请填 0 到 3 之间的分数，以 1 分为单位");
        }
        try (XSSFWorkbook wb = read(HOME.root().resolve("templates/filled/self/省人社厅自评表.xlsx"))) {
            assertThat(wb.getSheet("自评表").getDataValidations().get(0).getValidationConstraint().getFormula1())
                    .contains("ROUND(F4/0.5,6)");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(template.write("zero", false, false, quiet(), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("score-step：“0”应为正数");
    }

    @Test
    void aFormAlreadyThereIsLeftAsItIsUnlessForced() throws IOException {
        Path form = HOME.root().resolve("templates/filled/self/省财政厅自评表.xlsx");
        Files.writeString(form, "being filled in");
        assertThat(template.write("filled", false, false, quiet(), quiet())).isEqualTo(ExitCodes.OK);
        assertThat(form).hasContent("being filled in");
        assertThat(template.write("filled", true, false, quiet(), quiet())).isEqualTo(ExitCodes.OK);
        try (XSSFWorkbook wb = read(form)) {
            assertThat(wb.getSheet("自评表")).isNotNull();
        }
    }

    /**
     * Types a score into every score sheet of {@code form}: the leaf's most less 0, 0.5 or 1 by turns (a different
     * pattern per unit), and notes each sheet's sum under its unit's name.
     */
    private static void fill(Path form, Path to, int seed, Map<String, BigDecimal> totals) throws IOException {
        try (XSSFWorkbook wb = read(form)) {
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().equals("加扣分") || sheet.getSheetName().equals("选项")) {
                    continue;
                }
                String unit = sheet.getRow(1).getCell(1).getStringCellValue();
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < SHANXI.leaves().size(); i++) {
                    Leaf leaf = SHANXI.leaves().get(i);
                    BigDecimal score = leaf.scoreMax().subtract(new BigDecimal("0.5").multiply(
                            BigDecimal.valueOf((i + seed) % 3))).max(BigDecimal.ZERO);
                    Cell cell = sheet.getRow(3 + i).getCell(5);
                    assertThat(cell.getCellStyle().getLocked()).isFalse();
                    cell.setCellValue(score.doubleValue());
                    sum = sum.add(score);
                }
                totals.put(unit, sum);
                seed++;
            }
            wb.setForceFormulaRecalculation(true);
            Files.createDirectories(to.getParent());
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
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
