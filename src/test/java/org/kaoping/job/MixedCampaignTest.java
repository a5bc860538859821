package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaoping.support.MixedCampaign.CLEAN;
import static org.kaoping.support.MixedCampaign.MIXED;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.ExpectedUnit;
import org.kaoping.support.MixedCampaign.UnitScores;
import org.kaoping.support.MixedCampaign;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.kaoping.support.InputSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Read every workbook as units really return them": the 82 units of seed 003 written once cleanly and once with
 * every reading variation ({@link MixedCampaign}) give the same results, and those are the generator's own sums.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedCampaignTest {
    private static final TestHome HOME = createHome();
    private static final List<String> RESULT_COLUMNS = List.of("排名", "分组", "考核组", "基础分", "加分", "扣分", "总分",
            "自评总分", "状态");
    private static final List<String> FILE_KINDS = List.of("忽略的文件", "拒收文件", "已被替代的文件");
    /** Kinds that mean a row, score or name was misread; neither campaign should have any. */
    private static final List<String> MISREAD_KINDS = List.of("无法对应的行", "未填报的评分项", "缺少得分", "得分无法识别",
            "合计不符", "未知单位", "未知考核组", "未知加扣分项目", "加分超过上限", "扣分超出范围", "得分超过满分", "得分为负",
            "非本组考核");

    @Autowired
    CampaignRun campaignRun;

    private Map<String, String> inputBefore;
    private int cleanExit;
    private int mixedExit;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    /** Writing the campaigns takes longer than starting Spring, so it runs while the context starts. */
    private static final CompletableFuture<Void> WRITTEN = CompletableFuture.runAsync(() -> MixedCampaign.write(HOME));

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-mixed");
    }

    @BeforeAll
    void runBoth() {
        WRITTEN.join();
        inputBefore = InputSnapshot.of(HOME.root().resolve("input"));
        cleanExit = campaignRun.run(CLEAN);
        mixedExit = campaignRun.run(MIXED);
    }

    /** Output sheets read once: the reports are large and every test looks at the same few. */
    private final Map<String, List<Map<String, String>>> outputs = new java.util.HashMap<>();

    private List<Map<String, String>> sheet(String campaign, String file, String sheet) {
        return outputs.computeIfAbsent(campaign + "/" + file + "!" + sheet,
                k -> Workbooks.rows(HOME.latest(campaign, file), sheet));
    }

    @Test
    void bothRunsCompleteAndLeaveTheInputUntouched() {
        assertThat(cleanExit).isEqualTo(ExitCodes.OK);
        assertThat(mixedExit).isEqualTo(ExitCodes.OK);
        assertThat(InputSnapshot.of(HOME.root().resolve("input"))).isEqualTo(inputBefore);
    }

    @Test
    void everyUnitHasTheSameResultInTheMixedCampaignAsInTheCleanOne() {
        Map<String, Map<String, String>> clean = byUnit(sheet(CLEAN, "综合排名.xlsx", "总排名"));
        Map<String, Map<String, String>> mixed = byUnit(sheet(MIXED, "综合排名.xlsx", "总排名"));
        assertThat(clean).hasSize(82);
        assertThat(mixed.keySet()).isEqualTo(clean.keySet());
        clean.forEach((unit, row) -> RESULT_COLUMNS.forEach(column -> assertThat(mixed.get(unit).get(column))
                .as(unit + " " + column).isEqualTo(row.get(column))));
        assertThat(sheet(MIXED, "综合排名.xlsx", "总排名")).extracting(r -> r.get("单位名称"))
                .containsExactlyElementsOf(sheet(CLEAN, "综合排名.xlsx", "总排名").stream().map(r -> r.get("单位名称")).toList());
    }

    @Test
    void everyUnitHasTheGeneratorsOwnSums() {
        List<UnitScores> table = MixedCampaign.scores(MixedCampaign.rubric());
        for (String campaign : List.of(CLEAN, MIXED)) {
            List<Map<String, String>> rows = sheet(campaign, "综合排名.xlsx", "总排名");
            table.forEach(s -> expected(s, table).assertIn(rows));
        }
    }

    @Test
    void theTableHasEveryCaseTheCampaignIsMeantToCover() {
        List<UnitScores> table = MixedCampaign.scores(MixedCampaign.rubric());
        assertThat(table).filteredOn(UnitScores::vetoed).extracting(s -> s.unit().name())
                .containsExactlyElementsOf(MixedCampaign.VETOED);
        assertThat(table).filteredOn(s -> s.self().isEmpty()).extracting(s -> s.unit().name())
                .containsExactlyElementsOf(MixedCampaign.WITHOUT_SELF);
        assertThat(table).filteredOn(s -> s.official().isEmpty()).extracting(s -> s.unit().name())
                .containsExactly(MixedCampaign.WITHOUT_INSPECTION);
        assertThat(table).anySatisfy(s -> assertThat(s.deduction()).isPositive());
        assertThat(table).anySatisfy(s -> assertThat(s.selfTotal().remainder(java.math.BigDecimal.ONE)).isNotZero());
        assertThat(table.stream().filter(s -> s.bonus().signum() > 0).count()).isGreaterThan(20);
    }

    @Test
    void mixedReportListsEachNoiseFileWithItsReasonAndTheSupersededWorkbook() {
        List<Map<String, String>> rows = sheet(MIXED, "差异报告.xlsx", "差异明细");
        for (MixedCampaign.Noise noise : MixedCampaign.NOISE) {
            assertThat(rows).as(noise.file()).filteredOn(r -> r.get("文件").equals(noise.file())).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("类型")).isEqualTo(noise.kind());
                        assertThat(r.get("说明")).contains(noise.reason());
                    });
        }
        assertThat(rows).filteredOn(r -> r.get("类型").equals("已被替代的文件"))
                .extracting(r -> r.get("文件"), r -> r.get("单位名称"))
                .containsExactlyInAnyOrderElementsOf(MixedCampaign.CORRECTED_UNITS.stream()
                        .map(u -> org.assertj.core.groups.Tuple.tuple(MixedCampaign.SUPERSEDED_FILE, u)).toList());
        assertThat(rows).extracting(r -> r.get("类型")).doesNotContainAnyElementsOf(MISREAD_KINDS);
    }

    @Test
    void cleanReportHasNoFileProblems() {
        List<Map<String, String>> rows = sheet(CLEAN, "差异报告.xlsx", "差异明细");
        assertThat(rows).extracting(r -> r.get("类型")).doesNotContainAnyElementsOf(FILE_KINDS)
                .doesNotContainAnyElementsOf(MISREAD_KINDS);
    }

    @Test
    void bothReportsFlagTheSameUnitsAsNotSubmittedAndVetoed() {
        for (String kind : List.of("未提交", "一票否决")) {
            assertThat(units(MIXED, kind)).as(kind).isEqualTo(units(CLEAN, kind)).isNotEmpty();
        }
    }

    private List<String> units(String campaign, String kind) {
        return sheet(campaign, "差异报告.xlsx", "差异明细").stream().filter(r -> r.get("类型").equals(kind))
                .map(r -> r.get("单位名称")).sorted().toList();
    }

    /** The unit's 总排名 row from the generator's numbers alone; ranks are competition ranks of the totals. */
    private static ExpectedUnit expected(UnitScores s, List<UnitScores> table) {
        String selfTotal = s.self().isEmpty() ? "" : s.selfTotal().toPlainString();
        if (s.official().isEmpty()) {
            return new ExpectedUnit(s.unit().name(), "", "", "", "", "", "未考核", selfTotal);
        }
        String rank = "";
        if (!s.vetoed()) {
            long higher = table.stream().filter(o -> !o.official().isEmpty() && !o.vetoed())
                    .filter(o -> o.total().compareTo(s.total()) > 0).count();
            rank = String.valueOf(higher + 1);
        }
        return new ExpectedUnit(s.unit().name(), s.base().toPlainString(), s.bonus().toPlainString(),
                s.deduction().toPlainString(), s.total().toPlainString(), rank, s.vetoed() ? "否决" : "正常", selfTotal);
    }

    private static Map<String, Map<String, String>> byUnit(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("单位名称"), Function.identity()));
    }

    /** Every file under {@code dir}: relative path → SHA-256 and modification time. */
}
