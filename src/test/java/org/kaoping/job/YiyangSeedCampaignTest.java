package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaoping.support.SeedCampaigns.YIYANG_GROUP_1_FILE;
import static org.kaoping.support.SeedCampaigns.YIYANG_GROUP_2_FILE;
import static org.kaoping.support.SeedCampaigns.yiyangSelfFile;

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
 * The Yiyang 2021 rubric end to end on a campaign generated in its seed's appendix-table layout
 * ({@link SeedCampaigns#yiyang}): self-assessments with a row per part of a criterion, inspection 汇总表 with a
 * column per leaf code. Expected numbers are worked out by hand; a leaf not mentioned scores its maximum, so a
 * unit's base is 100 minus the points it lost.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YiyangSeedCampaignTest {
    private static final String CAMPAIGN = "yiyang";
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-yiyang");
        SeedCampaigns.yiyang(home, CAMPAIGN);
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
                // base 100 − 1 1(2) − 1 22; 荣誉称号 2 × 3 国家级 + 1 × 6 省部级 + 0.2 × 10 市级 = 14, cut to the
                // item's cap 10
                new ExpectedUnit("市委党校", "98", "10", "0", "108", "1", "正常", "100"),
                // base 100 − 0 4(1) (3 counts as the part's max 2) − 1 34; 经验推介 the same experience at 国家级
                // and 省级: 3 once; self 4(1) 3 counts 2 as well
                new ExpectedUnit("市委组织部", "99", "3", "0", "102", "2", "正常", "100"),
                // base 100 − 1 8(2) − 1 15 − 1 38; 荣誉称号 省部级 1 × 2
                new ExpectedUnit("市财政局", "97", "2", "0", "99", "3", "正常", "100"),
                // base 100 − 1 13 − 0.5 24(1) − 0.5 25 − 1 30 − 1 36; 经验推介 国家级 3 — ties 市财政局 at 99
                new ExpectedUnit("市图书馆", "96", "3", "0", "99", "3", "正常", "100"),
                // base 100 − 1 19(2) − 1 41; 荣誉称号 市级 0.2 × 2
                new ExpectedUnit("市第一中学", "98", "0.4", "0", "98.4", "5", "正常", "100"),
                // base 100 − 1 33(1) − 1 33(2) − 2 34; its 合计 95 is only reported
                new ExpectedUnit("市人民医院", "96", "0", "0", "96", "6", "正常", "100"),
                // no group scored it; self 100 − 2 (row of 2 left out) − 0.5 on 3
                new ExpectedUnit("市气象局", "", "", "", "", "", "未考核", "97.5"));
        assertThat(rows).extracting(r -> r.get("单位名称"))
                .containsExactlyElementsOf(expected.stream().map(ExpectedUnit::name).toList());
        expected.forEach(u -> u.assertIn(rows));
    }

    @Test
    void eachDivisionIsRankedOnItsOwn() {
        assertThat(sheet("综合排名.xlsx", "事业单位")).extracting(r -> r.get("单位名称"), r -> r.get("排名"))
                .containsExactly(tuple("市委党校", "1"), tuple("市图书馆", "2"), tuple("市第一中学", "3"),
                        tuple("市人民医院", "4"));
        assertThat(sheet("综合排名.xlsx", "党政机关")).extracting(r -> r.get("单位名称"), r -> r.get("排名"))
                .containsExactly(tuple("市委组织部", "1"), tuple("市财政局", "2"), tuple("市气象局", ""));
    }

    @Test
    void partsAreScoredAsLeavesOfTheirOwnWithTheirCriterionsMethodAndDepartments() {
        List<Map<String, String>> rows = sheet("综合排名.xlsx", "分项得分");
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市图书馆") && r.get("编号").startsWith("24("))
                .extracting(r -> r.get("编号"), r -> r.get("分值"), r -> r.get("考核得分"), r -> r.get("考核方法"))
                .containsExactly(tuple("24(1)", "1", "0.5", "材料审核、实地考察"), tuple("24(2)", "1", "1", "材料审核、实地考察"));
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市委组织部") && r.get("编号").equals("4(1)"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("评分项")).isEqualTo("核心价值观宣传（1）");
                    assertThat(r.get("考核得分")).isEqualTo("2");
                    assertThat(r.get("责任部门")).isEqualTo("行政科、办公室");
                });
        assertThat(rows).filteredOn(r -> r.get("单位名称").equals("市图书馆")).hasSize(54);
    }

    @Test
    void sameExperienceAtTwoLevelsCountsOnceAtTheHigher() {
        assertThat(sheet("综合排名.xlsx", "加扣分明细"))
                .filteredOn(r -> r.get("单位名称").equals("市委组织部") && r.get("项目").equals("经验推介"))
                .extracting(r -> r.get("级别"), r -> r.get("计入分值"))
                .containsExactly(tuple("国家级", "3"), tuple("省级", "0"));
    }

    @Test
    void everyRowOfTheSeedLayoutIsMatchedToItsLeaf() {
        List<Map<String, String>> rows = sheet("差异报告.xlsx", "差异明细");
        assertThat(rows).extracting(r -> r.get("类型"))
                .doesNotContain("无法对应的行", "缺少得分", "得分无法识别", "拒收文件", "未知单位", "未知考核组",
                        "未知加扣分项目");
        // the row 市气象局 left out is the only leaf missing: the "3)" row after the gap is still read as 3
        assertThat(rows).filteredOn(r -> r.get("类型").equals("未填报的评分项"))
                .extracting(r -> r.get("单位名称"), r -> r.get("文件"), r -> r.get("项目"))
                .containsExactly(tuple("市气象局", yiyangSelfFile("市气象局"), "2 四史学习教育"));
    }

    @Test
    void keyDiscrepanciesNameTheirFileSheetAndCell() {
        List<Map<String, String>> rows = sheet("差异报告.xlsx", "差异明细");
        List<ExpectedDiscrepancy> expected = List.of(
                // 3rd 加扣分 row (市级 × 10) is the one the cap cuts
                new ExpectedDiscrepancy("加分超过上限", "市委党校", YIYANG_GROUP_1_FILE, "加扣分", "C4", "荣誉称号"),
                // 4(1) is leaf 6 → column G; 市委组织部 is the 2nd unit row → row 5
                new ExpectedDiscrepancy("得分超过满分", "市委组织部", YIYANG_GROUP_1_FILE, "汇总表", "G5", "4(1)"),
                // self: header on row 3, 4(1) the 6th leaf row → row 9, 得分 in column F
                new ExpectedDiscrepancy("得分超过满分", "市委组织部", yiyangSelfFile("市委组织部"), "测评细则", "F9", "4(1)"),
                // 合计 is column BD (after 54 leaf columns); 市人民医院 is the 2nd unit row of group 2
                new ExpectedDiscrepancy("合计不符", "市人民医院", YIYANG_GROUP_2_FILE, "汇总表", "BD5", "合计"),
                new ExpectedDiscrepancy("未提交", "市气象局", "", "", "", ""));
        expected.forEach(d -> d.assertIn(rows));
        assertThat(rows).filteredOn(r -> r.get("类型").equals("合计不符") && r.get("单位名称").equals("市人民医院"))
                .singleElement().satisfies(r -> assertThat(r.get("考核值")).isEqualTo("95"));
    }
}
