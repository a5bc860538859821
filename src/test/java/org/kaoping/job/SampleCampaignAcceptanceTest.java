package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.roster.RosterLoader;
import org.kaoping.roster.RosterUnit;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the consolidation job on each sample campaign bundled in src/test/resources/samples and checks every key
 * its expected.json holds against what the job wrote: each unit's row of 总排名 (综合排名.xlsx), each discrepancy
 * entry's row of 差异明细 (差异报告.xlsx), the rubric in 运行信息 and the headcounts the deductions were scaled by.
 * A key the test does not know fails the test, so that nothing expected.json says goes unchecked. Units are
 * scored in batches of 7 here (kaoping.report.score-batch), which the other tests leave at its default.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCampaignAcceptanceTest {
    /** Campaign code → the bundled sample it is made from. */
    private static final Map<String, String> CAMPAIGNS = Map.of("shanxi", "shanxi-2020-demo", "hunan", "hunan-2023-demo");
    private static final TestHome HOME = createHome();

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("rubric", "units", "headcount", "discrepancies");
    private static final Set<String> UNIT_KEYS = Set.of("unit", "group", "base", "bonus", "deduction", "total", "vetoed",
            "self_total", "rank");

    /** How an expected.json discrepancy kind shows in 差异明细: its 类型 and the input folder of the file named. */
    private record Kind(String label, String folder) {
    }

    /** expected.json discrepancy keys → their 类型 and the input folder(s) the flagged file lies in. */
    private static final Map<String, Kind> KINDS = Map.of(
            "self_over_max", new Kind("得分超过满分", "self"),
            "self_missing_item", new Kind("缺少得分", "self"),
            "self_total_mismatch", new Kind("合计不符", "self"),
            "not_submitted", new Kind("未提交", ""),
            // a cap cuts a bonus claimed in the self-assessment or awarded by the group: either folder
            "bonus_over_cap", new Kind("加分超过上限", "self|inspection"),
            "vetoed", new Kind("一票否决", "inspection"),
            "total_gap_at_least_5", new Kind("自评与考核差异", "inspection"));

    /** Items that stand for a whole sheet rather than one of its cells. */
    private static final Set<String> SHEET_WIDE_ITEMS = Set.of("总分", "加分合计");

    /** 在职 N 人, as the 加扣分明细 notes a deduction scaled by headcount. */
    private static final Pattern HEADCOUNT_NOTE = Pattern.compile("在职 (\\d+) 人");

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        // Units scored a few at a time, their files decoded batch by batch (a matrix naming units of several
        // batches once per batch), as a campaign of thousands is: the results must be the same.
        registry.add("kaoping.report.score-batch", () -> "7");
    }

    /** Each campaign is set up with the rubric its expected.json names. */
    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-acceptance");
        CAMPAIGNS.forEach((code, sample) -> home.sampleCampaign(code, sample, expected(sample).get("rubric").asString()));
        return home;
    }

    @BeforeAll
    void runBothCampaigns() {
        assertThat(campaignRun.run("shanxi")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("hunan")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shanxiOutputHoldsEveryValueOfExpectedJson() {
        assertEveryExpectedKeyHolds("shanxi");
    }

    @Test
    void hunanOutputHoldsEveryValueOfExpectedJson() {
        assertEveryExpectedKeyHolds("hunan");
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
    void hunanDeductionsAreScaledByTheHeadcountsOfExpectedJson() {
        assertHeadcountsMatch("hunan", "hunan-2023-demo");
    }

    @Test
    void rankingSheetHasTheContractedColumns() {
        // The contract's ten columns first, unchanged; the rubric's categories after them.
        assertThat(Workbooks.header(HOME.latest("shanxi", "综合排名.xlsx"), "总排名"))
                .containsExactly("排名", "单位名称", "分组", "考核组", "基础分", "加分", "扣分", "总分", "自评总分", "状态",
                        "一 领导班子好", "二 （干部）职工队伍好", "三 工作制度好", "四 创建活动好", "五 环境面貌好", "六 社会形象好");
        assertThat(Workbooks.header(HOME.latest("shanxi", "差异报告.xlsx"), "差异明细"))
                .containsExactly("类型", "单位名称", "文件", "工作表", "单元格", "项目", "自评值", "考核值", "说明", "责任部门",
                        "责任人", "分管领导");
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

    /**
     * Walks every key of the campaign's expected.json and checks it against the output; a key with no check here
     * fails, so a value added to expected.json cannot go unchecked.
     */
    private static void assertEveryExpectedKeyHolds(String campaign) {
        String sample = CAMPAIGNS.get(campaign);
        JsonNode expected = expected(sample);
        for (String key : expected.propertyNames()) {
            switch (key) {
                case "rubric" -> assertRubricMatches(campaign, expected.get(key).asString());
                case "units" -> assertRankingMatches(campaign, sample);
                case "headcount" -> assertHeadcountsMatch(campaign, sample);
                case "discrepancies" -> assertDiscrepanciesFound(campaign, sample);
                default -> fail(sample + "/expected.json has key \"" + key + "\" that no check of this test reads");
            }
        }
        assertThat(TOP_LEVEL_KEYS).as("top-level keys checked").containsAll(expected.propertyNames());
    }

    /** The run used the rubric expected.json names: 运行信息's 评分细则 begins with its code. */
    private static void assertRubricMatches(String campaign, String rubric) {
        List<Map<String, String>> info = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "运行信息");
        assertThat(info).as(campaign + " 评分细则").filteredOn(r -> "评分细则".equals(r.get("项目"))).singleElement()
                .satisfies(r -> assertThat(r.get("内容")).matches(Pattern.quote(rubric) + "( .*)?"));
    }

    private static void assertRankingMatches(String campaign, String sample) {
        JsonNode expected = expected(sample);
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名");
        assertThat(rows).hasSize(expected.get("units").size());
        for (JsonNode unit : expected.get("units")) {
            String name = unit.get("unit").asString();
            Map<String, String> row = rows.stream().filter(r -> r.get("单位名称").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + name));
            // every key of the unit is checked, or the test fails: nothing expected.json says is skipped
            for (String key : unit.propertyNames()) {
                JsonNode value = unit.get(key);
                switch (key) {
                    case "unit" -> assertThat(row.get("单位名称")).isEqualTo(name);
                    case "group" -> assertThat(row.get("考核组")).as(name + " 考核组").isEqualTo(value.asString());
                    case "base" -> assertDecimal(row, "基础分", value);
                    case "bonus" -> assertDecimal(row, "加分", value);
                    case "deduction" -> assertDecimal(row, "扣分", value);
                    case "total" -> assertDecimal(row, "总分", value);
                    case "self_total" -> assertDecimal(row, "自评总分", value);
                    case "rank" -> assertThat(row.get("排名")).as(name + " 排名")
                            .isEqualTo(value.isNull() ? "" : value.asString());
                    case "vetoed" -> assertThat(row.get("状态")).as(name + " 状态")
                            .isEqualTo(value.asBoolean() ? "否决" : "正常");
                    default -> fail(sample + "/expected.json: unit " + name + " has key \"" + key
                            + "\" that no check of this test reads");
                }
            }
            assertThat(UNIT_KEYS).as(name + " keys checked").containsAll(unit.propertyNames());
        }
    }

    private static void assertDecimal(Map<String, String> row, String column, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(row.get(column)).as(row.get("单位名称") + " " + column).isEmpty();
            return;
        }
        assertThat(row.get(column)).as(row.get("单位名称") + " " + column).isNotEmpty();
        assertThat(new BigDecimal(row.get(column))).as(row.get("单位名称") + " " + column)
                .isEqualByComparingTo(new BigDecimal(expected.asString()));
    }

    /**
     * The roster the run read gives each unit the headcount expected.json states, and every deduction 加扣分明细 notes
     * as scaled by headcount names that unit's headcount and applies the rubric's factor for it.
     */
    private static void assertHeadcountsMatch(String campaign, String sample) {
        JsonNode headcount = expected(sample).get("headcount");
        if (headcount == null) {
            return;
        }
        List<RosterUnit> roster = new RosterLoader().load(HOME.root().resolve("config/rosters/" + campaign + ".xlsx"))
                .units();
        assertThat(roster).extracting(RosterUnit::name).containsExactlyInAnyOrderElementsOf(headcount.propertyNames());
        for (RosterUnit unit : roster) {
            assertThat(unit.headcount()).as(unit.name() + " 在职人数").isEqualTo(headcount.get(unit.name()).asInt());
        }
        Rubric rubric = new RubricLoader().load(Path.of("config/rubrics/" + expected(sample).get("rubric").asString()
                + ".yml"));
        List<Map<String, String>> details = Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "加扣分明细");
        int scaled = 0;
        for (Map<String, String> row : details) {
            Matcher note = HEADCOUNT_NOTE.matcher(row.get("备注") + " " + row.get("说明"));
            if (note.find()) {
                String unit = row.get("单位名称");
                int expectedHeadcount = headcount.get(unit).asInt();
                assertThat(Integer.parseInt(note.group(1))).as(unit + " " + row.get("项目") + " 在职人数")
                        .isEqualTo(expectedHeadcount);
                assertThat(new BigDecimal(row.get("折算系数"))).as(unit + " " + row.get("项目") + " 折算系数")
                        .isEqualByComparingTo(rubric.headcountFactor(expectedHeadcount));
                scaled++;
            }
        }
        // the Hunan sample has deductions scaled by headcount; a note that vanished must not pass unseen
        assertThat(scaled).as("deductions scaled by headcount in 加扣分明细").isPositive();
    }

    private static void assertDiscrepanciesFound(String campaign, String sample) {
        JsonNode all = expected(sample);
        JsonNode expected = all.get("discrepancies");
        if (expected == null) {
            return;
        }
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest(campaign, "差异报告.xlsx"), "差异明细");
        for (String key : expected.propertyNames()) {
            Kind kind = KINDS.get(key);
            if (kind == null) {
                fail(sample + "/expected.json has discrepancy kind \"" + key + "\" that no check of this test reads");
            }
            JsonNode value = expected.get(key);
            switch (key) {
                case "self_over_max", "self_missing_item" -> {
                    for (String unit : value.propertyNames()) {
                        assertRow(rows, campaign, kind, unit, value.get(unit).asString());
                    }
                }
                case "bonus_over_cap" -> {
                    for (String unit : value.propertyNames()) {
                        assertThat(value.get(unit).isArray()).as(key + " " + unit + " lists items").isTrue();
                        for (JsonNode item : value.get(unit)) {
                            assertRow(rows, campaign, kind, unit, item.asString());
                        }
                    }
                }
                case "self_total_mismatch", "not_submitted" -> {
                    for (JsonNode unit : value) {
                        assertRow(rows, campaign, kind, unit.asString(), null);
                    }
                }
                case "vetoed" -> {
                    List<String> units = texts(value);
                    for (String unit : units) {
                        assertRow(rows, campaign, kind, unit, null);
                        assertThat(unitOf(all, unit).get("vetoed").asBoolean()).as(unit + " vetoed in units").isTrue();
                    }
                    // the list is every vetoed unit: no other unit has a veto row
                    assertThat(unitsWithRows(rows, kind.label(), null)).as(key).isEqualTo(new TreeSet<>(units));
                }
                case "total_gap_at_least_5" -> {
                    List<String> units = texts(value);
                    for (String unit : units) {
                        JsonNode u = unitOf(all, unit);
                        assertRow(rows, campaign, kind, unit, "总分");
                        // the gap row shows the two totals expected.json gives the unit
                        assertThat(rows).as(key + " " + unit + " totals").anySatisfy(r -> {
                            assertThat(r.get("类型")).isEqualTo(kind.label());
                            assertThat(r.get("单位名称")).isEqualTo(unit);
                            assertThat(r.get("项目")).isEqualTo("总分");
                            assertThat(new BigDecimal(r.get("自评值")))
                                    .isEqualByComparingTo(new BigDecimal(u.get("self_total").asString()));
                            assertThat(new BigDecimal(r.get("考核值")))
                                    .isEqualByComparingTo(new BigDecimal(u.get("total").asString()));
                        });
                    }
                    // the list is every unit whose totals differ by 5 or more: no other unit has a 总分 gap row
                    assertThat(unitsWithRows(rows, kind.label(), "总分")).as(key).isEqualTo(new TreeSet<>(units));
                }
                default -> fail("discrepancy kind \"" + key + "\" is in KINDS but has no check");
            }
        }
    }

    private static void assertRow(List<Map<String, String>> rows, String campaign, Kind kind, String unit, String item) {
        assertThat(rows).as(kind.label() + " " + unit + (item == null ? "" : " " + item)).anySatisfy(r -> {
            assertThat(r.get("类型")).isEqualTo(kind.label());
            assertThat(r.get("单位名称")).isEqualTo(unit);
            if (item != null) {
                // a leaf shows as its code and short name; an adjustment item or 总分/加分合计 as itself
                assertThat(r.get("项目")).satisfiesAnyOf(p -> assertThat(p).isEqualTo(item),
                        p -> assertThat(p).startsWith(item + " "));
            }
            if (!kind.folder().isEmpty()) {
                assertThat(Stream.of(kind.folder().split("\\|"))
                        .anyMatch(folder -> Files.isRegularFile(HOME.input(campaign).resolve(folder).resolve(r.get("文件")))))
                        .as("文件 %s lies in input/%s", r.get("文件"), kind.folder()).isTrue();
                assertThat(r.get("工作表")).isNotEmpty();
                // a sheet's whole (its 总分, its 加分合计) is named by file and sheet: no one cell holds it
                assertThat(r.get("单元格")).matches(item != null && SHEET_WIDE_ITEMS.contains(item)
                        ? "([A-Z]+[0-9]+)?" : "[A-Z]+[0-9]+");
            }
        });
    }

    private static Set<String> unitsWithRows(List<Map<String, String>> rows, String label, String item) {
        Set<String> units = new TreeSet<>();
        rows.stream().filter(r -> r.get("类型").equals(label) && (item == null || r.get("项目").equals(item)))
                .forEach(r -> units.add(r.get("单位名称")));
        return units;
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a list of units").isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode unitOf(JsonNode expected, String name) {
        for (JsonNode u : expected.get("units")) {
            if (u.get("unit").asString().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("expected.json lists no unit " + name);
    }

    private static JsonNode expected(String sample) {
        return JsonMapper.builder().build().readTree(Samples.sample(sample).resolve("expected.json").toFile());
    }
}
