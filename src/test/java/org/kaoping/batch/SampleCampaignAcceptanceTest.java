package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.support.Samples;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the consolidation job on each sample campaign bundled in src/test/resources/samples and checks that 综合排名.xlsx
 * reproduces its expected.json unit by unit, and that 差异报告.xlsx lists each discrepancy it names. Units are
 * scored in batches of 7 here (kaoping.report.score-batch), which the other tests leave at its default.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCampaignAcceptanceTest {
    private static final TestHome HOME = createHome();

    /** expected.json discrepancy keys → the 类型 label and the input folder the flagged file lies in. */
    private static final Map<String, String[]> KINDS = Map.of(
            "self_over_max", new String[] {"得分超过满分", "self"},
            "self_missing_item", new String[] {"缺少得分", "self"},
            "self_total_mismatch", new String[] {"合计不符", "self"},
            "not_submitted", new String[] {"未提交", ""});

    @Autowired
    RunCommand runCommand;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        // Units scored a few at a time, their files decoded batch by batch (a matrix naming units of several
        // batches once per batch), as a campaign of thousands is: the results must be the same.
        registry.add("kaoping.report.score-batch", () -> "7");
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-acceptance")
                .sampleCampaign("shanxi", "shanxi-2020-demo", "shanxi-2020")
                .sampleCampaign("hunan", "hunan-2023-demo", "hunan-2023");
    }

    @BeforeAll
    void runBothCampaigns() {
        assertThat(runCommand.run("shanxi")).isEqualTo(RunCommand.OK);
        assertThat(runCommand.run("hunan")).isEqualTo(RunCommand.OK);
    }

    @Test
    void shanxiRankingReproducesExpectedJson() {
        assertRankingMatches("shanxi", "shanxi-2020-demo");
    }

    @Test
    void hunanRankingReproducesExpectedJson() {
        assertRankingMatches("hunan", "hunan-2023-demo");
    }

    @Test
    void shanxiDiscrepancyReportListsEveryExpectedDiscrepancy() {
        assertDiscrepanciesFound("shanxi", "shanxi-2020-demo");
    }

    @Test
    void hunanDiscrepancyReportListsEveryExpectedDiscrepancy() {
        assertDiscrepanciesFound("hunan", "hunan-2023-demo");
    }

    @Test
    void rankingSheetHasTheContractedColumns() {
        assertThat(Workbooks.header(HOME.latest("shanxi", "综合排名.xlsx"), "总排名"))
                .containsExactly("排名", "单位名称", "分组", "考核组", "基础分", "加分", "扣分", "总分", "自评总分", "状态");
        assertThat(Workbooks.header(HOME.latest("shanxi", "差异报告.xlsx"), "差异明细"))
                .containsExactly("类型", "单位名称", "文件", "工作表", "单元格", "项目", "自评值", "考核值", "说明", "责任部门",
                        "责任人");
    }

    @Test
    void vetoedUnitIsListedAfterRankedUnitsWithoutRank() {
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest("hunan", "综合排名.xlsx"), "总排名");
        Map<String, String> last = rows.get(rows.size() - 1);
        assertThat(last.get("单位名称")).isEqualTo("省医科院");
        assertThat(last.get("状态")).isEqualTo("否决");
        assertThat(last.get("排名")).isEmpty();
        List<Map<String, String>> details = Workbooks.rows(HOME.latest("hunan", "综合排名.xlsx"), "加扣分明细");
        assertThat(details).anySatisfy(d -> {
            assertThat(d.get("单位名称")).isEqualTo("省测绘院");
            assertThat(d.get("项目")).isEqualTo("党纪处分");
            assertThat(d.get("计入分值")).isEqualTo("2.4");
            assertThat(d.get("折算系数")).isEqualTo("0.6");
            assertThat(d.get("出处")).isEqualTo("考核一组评分表.xlsx!加扣分!C4");
        });
    }

    @Test
    void inputFolderIsLeftExactlyAsItWas() throws IOException {
        for (String[] campaign : new String[][] {{"shanxi", "shanxi-2020-demo"}, {"hunan", "hunan-2023-demo"}}) {
            Path original = Samples.sample(campaign[1]).resolve("input");
            try (Stream<Path> files = Files.walk(HOME.input(campaign[0]))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path twin = original.resolve(HOME.input(campaign[0]).relativize(f).toString());
                    assertThat(Files.mismatch(f, twin)).as(f.toString()).isEqualTo(-1L);
                }
            }
        }
    }

    private static void assertRankingMatches(String campaign, String sample) {
        JsonNode expected = expected(sample);
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名");
        assertThat(rows).hasSize(expected.get("units").size());
        for (JsonNode unit : expected.get("units")) {
            String name = unit.get("unit").asString();
            Map<String, String> row = rows.stream().filter(r -> r.get("单位名称").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + name));
            assertDecimal(row, "基础分", unit.get("base"));
            assertDecimal(row, "加分", unit.get("bonus"));
            assertDecimal(row, "扣分", unit.get("deduction"));
            assertDecimal(row, "总分", unit.get("total"));
            if (unit.has("self_total")) {
                assertDecimal(row, "自评总分", unit.get("self_total"));
            }
            assertThat(row.get("考核组")).as(name + " 考核组").isEqualTo(unit.get("group").asString());
            JsonNode rank = unit.get("rank");
            assertThat(row.get("排名")).as(name + " 排名").isEqualTo(rank == null || rank.isNull() ? "" : rank.asString());
            assertThat(row.get("状态")).as(name + " 状态").isEqualTo(unit.get("vetoed").asBoolean() ? "否决" : "正常");
        }
    }

    private static void assertDecimal(Map<String, String> row, String column, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(row.get(column)).as(row.get("单位名称") + " " + column).isEmpty();
            return;
        }
        assertThat(new BigDecimal(row.get(column))).as(row.get("单位名称") + " " + column)
                .isEqualByComparingTo(new BigDecimal(expected.asString()));
    }

    private static void assertDiscrepanciesFound(String campaign, String sample) {
        JsonNode expected = expected(sample).get("discrepancies");
        if (expected == null) {
            return;
        }
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(campaign, "差异报告.xlsx"), "差异明细");
        for (Map.Entry<String, JsonNode> kind : expected.properties()) {
            String[] spec = KINDS.get(kind.getKey());
            assertThat(spec).as("known discrepancy kind " + kind.getKey()).isNotNull();
            if (kind.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> e : kind.getValue().properties()) {
                    assertRow(rows, campaign, spec, e.getKey(), e.getValue().asString());
                }
            } else {
                for (JsonNode unit : kind.getValue()) {
                    assertRow(rows, campaign, spec, unit.asString(), null);
                }
            }
        }
    }

    private static void assertRow(List<Map<String, String>> rows, String campaign, String[] spec, String unit, String leaf) {
        assertThat(rows).as(spec[0] + " " + unit + (leaf == null ? "" : " " + leaf)).anySatisfy(r -> {
            assertThat(r.get("类型")).isEqualTo(spec[0]);
            assertThat(r.get("单位名称")).isEqualTo(unit);
            if (leaf != null) {
                assertThat(r.get("项目")).startsWith(leaf + " ");
            }
            if (!spec[1].isEmpty()) {
                assertThat(Files.isRegularFile(HOME.input(campaign).resolve(spec[1]).resolve(r.get("文件")))).isTrue();
                assertThat(r.get("工作表")).isNotEmpty();
                assertThat(r.get("单元格")).matches("[A-Z]+[0-9]+");
            }
        });
    }

    private static JsonNode expected(String sample) {
        return JsonMapper.builder().build().readTree(Samples.sample(sample).resolve("expected.json").toFile());
    }
}
