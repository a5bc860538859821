package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaoping.support.SeedCampaigns.JIAOZUO_GROUP_1_FILE;
import static org.kaoping.support.SeedCampaigns.JIAOZUO_GROUP_2_FILE;
import static org.kaoping.support.SeedCampaigns.jiaozuoSelfFile;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.ExpectedDiscrepancy;
import org.kaoping.support.ExpectedUnit;
import org.kaoping.support.SeedCampaigns;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Jiaozuo 2016 rubric end to end on a campaign generated in its seed's table layout
 * ({@link SeedCampaigns#jiaozuo}). Every expected number is worked out by hand from the rubric's rules; a leaf
 * not mentioned scores its maximum, so a unit's base is 100 minus the points it lost.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JiaozuoSeedCampaignTest {
    private static final String CAMPAIGN = "jiaozuo";
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-jiaozuo");
        SeedCampaigns.jiaozuo(home, CAMPAIGN);
        return home;
    }

    @BeforeAll
    void run() {
        assertThat(campaignRun.run(CAMPAIGN)).isEqualTo(ExitCodes.OK);
    }

    private List<Map<String, String>> sheet(String file, String sheet) {
        return Workbooks.rows(HOME.latest(CAMPAIGN, file), sheet);
    }

    @Test
    void everyUnitHasTheHandComputedResult() {
        List<Map<String, String>> rows = sheet("综合排名.xlsx", "总排名");
        List<ExpectedUnit> expected = List.of(
                // base 100 − 1 （一）2 − 1 （二）3; bonus 5 (（一）1 国家级 once; 省级 not counted)
                // + 3 (（三）4 0.5 × 7 = 3.5 cut to 3); self 100 + 5 (（一）1 column)
                new ExpectedUnit("市委办公室", "98", "8", "0", "106", "1", "正常", "105"),
                // base 100 − 1 （二）5; bonus: column （一）1 +6 cut to 5 (one commendation, at most 国家级 5);
                // deduction: column （六）2 −2; no self-assessment
                new ExpectedUnit("市农业局", "99", "5", "2", "102", "2", "正常", ""),
                // base 100 − 2 （一）3 − 1 （二）1 − 1 （四）4 − 1 （六）4; bonus 2 (（四）2 one brand at 市级 and 省级:
                // 省级 once) + 3 (column （五）4); self 100 whatever its 总计 says
                new ExpectedUnit("市总工会", "95", "5", "0", "100", "3", "正常", "100"),
                // base 100 − 0 （一）5 (9 counts as its max 8) − 2 （二）2 − 1 （四）3; bonus column （二）4 +2;
                // self: （一）5 10 counts 8, so 100 + 2
                new ExpectedUnit("市统计局", "97", "2", "0", "99", "4", "正常", "102"),
                // base 100 − 1 （三）4 − 1 （五）2 − 1 （六）3; bonus column （四）1 2 — ties 市统计局 at 99
                new ExpectedUnit("市教育局", "97", "2", "0", "99", "4", "正常", "100"),
                // base 100 − 2 （三）2 − 1 （五）1; bonus 3 (廉政风险防控成果 国家级; its 省级 not counted)
                // + 2 (another 成果 at 省级); deduction 2 × 2 (通报批评 twice); self 100 − 1 （三）2
                new ExpectedUnit("市纪委", "97", "5", "4", "98", "6", "正常", "99"),
                // base 100 − 2 （一）5 − 4 （六）1; bonus 1.5 (（一）4 once per kind: 宣传材料 1 of 3 pieces, 党建活动信息
                // 0.5 of 2); vetoed by （六）1 违法案件: listed with its scores, not ranked
                new ExpectedUnit("市审计局", "94", "1.5", "0", "95.5", "", "否决", "100"),
                // no group scored it; self 100 − 1 （二）2
                new ExpectedUnit("市地震局", "", "", "", "", "", "未考核", "99"));
        assertThat(rows).extracting(r -> r.get("单位名称"))
                .containsExactlyElementsOf(expected.stream().map(ExpectedUnit::name).toList());
        expected.forEach(u -> u.assertIn(rows));
    }

    @Test
    void eachDivisionIsRankedOnItsOwnWithTheTieShared() {
        assertThat(sheet("综合排名.xlsx", "党群口")).extracting(r -> r.get("单位名称"), r -> r.get("排名"))
                .containsExactly(tuple("市委办公室", "1"), tuple("市总工会", "2"), tuple("市纪委", "3"));
        assertThat(sheet("综合排名.xlsx", "政府口")).extracting(r -> r.get("单位名称"), r -> r.get("排名"))
                .containsExactly(tuple("市农业局", "1"), tuple("市统计局", "2"), tuple("市教育局", "2"),
                        tuple("市审计局", ""), tuple("市地震局", ""));
    }

    @Test
    void highestLevelRulesCountOnlyTheBestCaseAndShowTheOthersAtZero() {
        List<Map<String, String>> rows = sheet("综合排名.xlsx", "加扣分明细");
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市委办公室") && r.get("来源").equals("考核")
                        && r.get("项目").startsWith("（一）1"))
                .extracting(r -> r.get("级别"), r -> r.get("计入分值"))
                .containsExactly(tuple("省级", "0"), tuple("国家级", "5"));
        // 廉政风险防控成果 at 省级 gives way to the same 成果 at 国家级; the other 成果 keeps its 省级 2
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市纪委") && r.get("项目").startsWith("（三）1"))
                .extracting(r -> r.get("说明"), r -> r.get("级别"), r -> r.get("计入分值"))
                .containsExactly(tuple("廉政风险防控成果", "省级", "0"), tuple("监督执纪一体化成果", "省级", "2"),
                        tuple("廉政风险防控成果", "国家级", "3"));
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市纪委") && r.get("类型").equals("扣分"))
                .extracting(r -> r.get("项目"), r -> r.get("次数"), r -> r.get("每次分值"), r -> r.get("计入分值"))
                .containsExactly(tuple("通报批评", "2", "2", "4"));
    }

    @Test
    void everyRowOfTheSeedLayoutIsMatchedToItsLeaf() {
        List<Map<String, String>> rows = sheet("差异报告.xlsx", "差异明细");
        assertThat(rows).extracting(r -> r.get("类型"))
                .doesNotContain("无法对应的行", "未填报的评分项", "缺少得分", "得分无法识别", "拒收文件", "未知单位",
                        "未知考核组", "未知加扣分项目");
    }

    @Test
    void keyDiscrepanciesNameTheirFileSheetAndCell() {
        List<Map<String, String>> rows = sheet("差异报告.xlsx", "差异明细");
        List<ExpectedDiscrepancy> expected = List.of(
                // 7th 加扣分 row: （三）4 0.5 × 7 over its cap 3
                new ExpectedDiscrepancy("加分超过上限", "市委办公室", JIAOZUO_GROUP_1_FILE, "加扣分", "C4", "（三）4"),
                // 加（扣）分 +6 beside （一）1, more than its best case 5
                new ExpectedDiscrepancy("加分超过上限", "市农业局", JIAOZUO_GROUP_2_FILE, "市农业局", "C4", "（一）1"),
                new ExpectedDiscrepancy("得分超过满分", "市统计局", JIAOZUO_GROUP_1_FILE, "市统计局", "D8", "（一）5"),
                new ExpectedDiscrepancy("得分超过满分", "市统计局", jiaozuoSelfFile("市统计局"), "自评表", "D8", "（一）5"),
                new ExpectedDiscrepancy("一票否决", "市审计局", JIAOZUO_GROUP_1_FILE, "加扣分", "C9", "（六）1"),
                // 总计 says 98; the rows add up to 100
                new ExpectedDiscrepancy("合计不符", "市总工会", jiaozuoSelfFile("市总工会"), "自评表", "D31", "合计"),
                new ExpectedDiscrepancy("自评与考核差异", "市纪委", JIAOZUO_GROUP_1_FILE, "市纪委", "D15", "（三）2"),
                new ExpectedDiscrepancy("未提交", "市农业局", "", "", "", ""),
                new ExpectedDiscrepancy("未提交", "市地震局", "", "", "", ""));
        expected.forEach(d -> d.assertIn(rows));
        assertThat(rows).filteredOn(r -> r.get("类型").equals("合计不符") && r.get("单位名称").equals("市总工会"))
                .singleElement().satisfies(r -> assertThat(r.get("自评值")).isEqualTo("98"));
    }
}
