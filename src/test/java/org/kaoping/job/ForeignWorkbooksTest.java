package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.Samples;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.kaoping.support.InputSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real scoring workbooks from public repositories (src/test/resources/foreign-workbooks, sources in its README)
 * dropped into the Shanxi sample campaign: among the self-assessments, among the groups' workbooks, and renamed
 * after a unit and a group of the roster (so that the file name alone would place them). None is a campaign of
 * ours, so each must be refused or ignored with a reason, the run must complete, the sample's units must score
 * exactly as its expected.json says, and every input file must stay as it was.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignWorkbooksTest {
    private static final Path FOREIGN = Path.of("src/test/resources/foreign-workbooks");
    private static final String SAMPLE = "shanxi-2020-demo";
    private static final String NO_TABLE = "拒收：未找到评分表：前 15 行中没有含“得分”等列名的表头";

    /** Where a campaign's foreign workbooks go: the input folder, and what their names are prefixed with. */
    private record Drop(String folder, String prefix) {
        Path target(TestHome home, String code, Path file) {
            return home.input(code).resolve(folder).resolve(prefix + file.getFileName());
        }
    }

    private static final Map<String, List<Drop>> CAMPAIGNS = Map.of(
            "foreign-self", List.of(new Drop("self", "")),
            "foreign-inspection", List.of(new Drop("inspection", "")),
            // named after a unit and a group: newer than the sample's files, so one taken for a return would win
            "foreign-named", List.of(new Drop("self", "省财政厅-"), new Drop("inspection", "第二考核组-")));
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    private final Map<String, Map<String, String>> inputBefore = new TreeMap<>();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-foreign");
        CAMPAIGNS.forEach((code, drops) -> home.sampleCampaign(code, SAMPLE, "shanxi-2020"));
        CAMPAIGNS.forEach((code, drops) -> {
            for (Drop drop : drops) {
                for (Path file : foreignWorkbooks()) {
                    TestHome.copyFile(file, drop.target(home, code, file));
                }
            }
        });
        return home;
    }

    @BeforeAll
    void runBoth() {
        CAMPAIGNS.keySet().forEach(code -> inputBefore.put(code, InputSnapshot.of(HOME.input(code))));
        for (String code : CAMPAIGNS.keySet()) {
            assertThat(campaignRun.run(code)).as(code).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void allNineForeignWorkbooksAreBundled() {
        assertThat(foreignWorkbooks()).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                "2017-11-1考核表2017-11-16.xlsx", "333-444-考核.xls", "CESMS-评分表.xlsx", "合唱比赛评分表.xls",
                "网页填表需求.xlsx", "考核表.xls", "附件2.《中燃集团客服条口红黄线考核细则》.xlsx",
                "附件3.《客户服务部负面清单记分标准》.xlsx", "项目考核表.xlsx");
    }

    @Test
    void foreignWorkbookAmongSelfAssessmentsIsRefusedWithAReason() {
        // none has a header row with a score column: refused before its unit is looked for
        assertEveryForeignWorkbookRefused("foreign-self", "", "拒收文件", name -> NO_TABLE);
    }

    @Test
    void foreignWorkbookAmongGroupWorkbooksIsRefusedWithAReason() {
        // a group's workbook must name its group first: none does, in its cells or its file name
        assertEveryForeignWorkbookRefused("foreign-inspection", "", "未知考核组",
                name -> "拒收：无法识别考核组：表中没有“考核组”“考核调研组”“考评组”单元格，文件名“" + name
                        + "”中也没有单位名单的考核组（第一考核组、第二考核组）");
    }

    @Test
    void foreignWorkbookNamedAfterAUnitOrGroupIsRefusedWithAReason() {
        // the unit is in the file name, but no header row with a score column is in the sheet
        assertEveryForeignWorkbookRefused("foreign-named", "省财政厅-", "拒收文件", name -> NO_TABLE);
        // the group is found in the file name; then neither a score table nor a matrix is
        assertEveryForeignWorkbookRefused("foreign-named", "第二考核组-", "拒收文件", name -> "拒收：未找到评分表或汇总表");
    }

    @Test
    void sampleUnitsStillScoreExactlyAsExpectedJsonSays() {
        for (String code : CAMPAIGNS.keySet()) {
            assertUnitsMatchExpectedJson(code);
        }
    }

    @Test
    void inputFilesAreByteIdenticalAfterTheRun() throws IOException {
        for (String code : CAMPAIGNS.keySet()) {
            assertThat(InputSnapshot.of(HOME.input(code))).as(code).isEqualTo(inputBefore.get(code));
            for (Drop drop : CAMPAIGNS.get(code)) {
                for (Path file : foreignWorkbooks()) {
                    Path dropped = drop.target(HOME, code, file);
                    assertThat(Files.mismatch(dropped, file)).as(dropped.toString()).isEqualTo(-1L);
                }
            }
        }
    }

    /**
     * Each foreign workbook (named {@code prefix} + its name) has exactly one row in 差异明细: it names the file, no
     * unit, the 类型 {@code kind} and the reason {@code reason} gives for the file's name.
     */
    private static void assertEveryForeignWorkbookRefused(String code, String prefix, String kind,
                                                          Function<String, String> reason) {
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(code, "差异报告.xlsx"), "差异明细");
        for (Path file : foreignWorkbooks()) {
            String name = prefix + file.getFileName();
            assertThat(rows).as(code + ": " + name).filteredOn(r -> r.get("文件").equals(name)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("说明")).matches("(拒收|忽略)：.+").isEqualTo(reason.apply(name));
                        assertThat(r.get("类型")).isEqualTo(kind);
                        assertThat(r.get("单位名称")).isEmpty();
                    });
        }
    }

    private static void assertUnitsMatchExpectedJson(String code) {
        JsonNode expected = JsonMapper.builder().build().readTree(Samples.sample(SAMPLE).resolve("expected.json").toFile());
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(code, "综合排名.xlsx"), "总排名");
        assertThat(rows).as(code).hasSize(expected.get("units").size());
        for (JsonNode unit : expected.get("units")) {
            String name = unit.get("unit").asString();
            Map<String, String> row = rows.stream().filter(r -> r.get("单位名称").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(code + ": no row for " + name));
            decimal(code, row, "基础分", unit.get("base"));
            decimal(code, row, "加分", unit.get("bonus"));
            decimal(code, row, "扣分", unit.get("deduction"));
            decimal(code, row, "总分", unit.get("total"));
            decimal(code, row, "自评总分", unit.get("self_total"));
            assertThat(row.get("考核组")).as(code + " " + name + " 考核组").isEqualTo(unit.get("group").asString());
            assertThat(row.get("排名")).as(code + " " + name + " 排名")
                    .isEqualTo(unit.get("rank").isNull() ? "" : unit.get("rank").asString());
            assertThat(row.get("状态")).as(code + " " + name + " 状态")
                    .isEqualTo(unit.get("vetoed").asBoolean() ? "否决" : "正常");
        }
    }

    private static void decimal(String code, Map<String, String> row, String column, JsonNode expected) {
        String what = code + " " + row.get("单位名称") + " " + column;
        if (expected.isNull()) {
            assertThat(row.get(column)).as(what).isEmpty();
        } else {
            assertThat(row.get(column)).as(what).isNotEmpty();
            assertThat(new BigDecimal(row.get(column))).as(what).isEqualByComparingTo(new BigDecimal(expected.asString()));
        }
    }

    private static List<Path> foreignWorkbooks() {
        try (Stream<Path> files = Files.list(FOREIGN)) {
            return files.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the folder: its size, modification time and content hash. */
}
