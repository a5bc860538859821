package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.normalize.WorkbookFixtures;
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
 * The seed rules of issue 20 through the whole job: workbooks generated here ({@link WorkbookFixtures}) in, 综合排名
 * and 差异报告 read back. 湖南 (seed 001): the 安全事故 kinds by their own names, a typed 分值 unlike the fixed amount,
 * a bonus beside a leaf the rubric grants none. 山西 (seed 000): 6.4 capped at the 4 its text states, the awards a
 * self-assessment lists for it checked, a 否决 row in a rubric without vetoes. Every other leaf is scored at what it
 * can count.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedRulesJobTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-seed-rules");
        RubricLoader loader = new RubricLoader();
        Rubric hunan = loader.load(home.root().resolve("config/rubrics/hunan-2023.yml"));
        TestHome.write(home.root().resolve("config/rosters/hunan.csv"),
                "单位名称,在职人数,分组,考核组\n省地质院,820,,考核一组\n省测绘院,350,,考核一组\n省水文院,100,,考核一组\n");
        WorkbookFixtures.unitSheets()
                .sheet(WorkbookFixtures.hunanSelf(hunan).sheetName("省地质院").unit("省地质院"))
                .sheet(WorkbookFixtures.hunanSelf(hunan).sheetName("省测绘院").unit("省测绘院"))
                .sheet(WorkbookFixtures.hunanSelf(hunan).sheetName("省水文院").unit("省水文院"))
                .claim("省地质院", "扣分", "重大食物中毒事件", "", 1, null, "职工食堂集体中毒")
                .claim("省地质院", "扣分", "群体性事件", "", 1, null, "被省委省政府通报批评")
                .claim("省测绘院", "扣分", "通报批评", "", 1, 5, "作风问题被通报")
                .claim("省水文院", "加分", "1", "", 1, 2, "学习教育成效突出")
                .write(home.input("hunan").resolve("inspection"), "考核一组评分表");
        home.campaign("hunan", "hunan-2023", "rosters/hunan.csv");

        Rubric shanxi = loader.load(home.root().resolve("config/rubrics/shanxi-2020.yml"));
        TestHome.write(home.root().resolve("config/rosters/shanxi.csv"),
                "单位名称,在职人数,分组,考核组\n省财政厅,120,,第一考核组\n省教育厅,150,,第一考核组\n");
        WorkbookFixtures.unitSheets()
                .sheet(WorkbookFixtures.shanxiSelf(shanxi).sheetName("省财政厅").unit("省财政厅").score("6.4", 5))
                .sheet(WorkbookFixtures.shanxiSelf(shanxi).sheetName("省教育厅").unit("省教育厅").score("6.4", 1.5))
                .claim("省财政厅", "否决", "严重违纪", "", null, null, "干部违纪案件")
                .write(home.input("shanxi").resolve("inspection"), "第一考核组评分表");
        // 项目甲 at 省部级 and 国家级 earns 0.8 once, 项目乙 at 厅局级 0.2: 1, not the 2 claimed
        WorkbookFixtures.shanxiSelf(shanxi).unit("省教育厅").score("6.4", 2)
                .claim("加分", "6.4", "省部级", 1, null, "项目甲")
                .claim("加分", "6.4", "国家级", 1, null, "项目甲")
                .claim("加分", "6.4", "厅局级", 1, null, "项目乙")
                .write(home.input("shanxi").resolve("self"), "省教育厅");
        home.campaign("shanxi", "shanxi-2020", "rosters/shanxi.csv");
        return home;
    }

    @BeforeAll
    void runBoth() {
        assertThat(campaignRun.run("hunan")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("shanxi")).isEqualTo(ExitCodes.OK);
    }

    private static List<Map<String, String>> ranking(String campaign) {
        return Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), "总排名");
    }

    private static List<Map<String, String>> discrepancies(String campaign, String kind) {
        return Workbooks.rows(HOME.latest(campaign, "差异报告.xlsx"), "差异明细").stream()
                .filter(r -> r.get("类型").equals(kind)).toList();
    }

    @Test
    void majorIncidentsDeductFortyEachByTheirOwnNamesUnscaledAndReprimandedOnesTen() {
        // 820 staff: a scaled item would count 40 %; 重大食物中毒事件 40 + 群体性事件 10
        assertThat(ranking("hunan")).extracting(r -> r.get("单位名称"), r -> r.get("扣分"), r -> r.get("总分"),
                r -> r.get("排名")).containsExactly(tuple("省水文院", "0", "100", "1"), tuple("省测绘院", "3", "97", "2"),
                tuple("省地质院", "50", "50", "3"));
        assertThat(discrepancies("hunan", "未知加扣分项目")).extracting(r -> r.get("单位名称"))
                .containsExactly("省水文院");
    }

    @Test
    void aTypedPointsUnlikeTheFixedAmountCountsTheRubricsAndIsReportedAtItsCell() {
        assertThat(discrepancies("hunan", "分值与细则不符")).singleElement().satisfies(r -> {
            assertThat(r.get("单位名称")).isEqualTo("省测绘院");
            assertThat(r.get("文件")).isEqualTo("考核一组评分表.xlsx");
            assertThat(r.get("工作表")).isEqualTo("加扣分");
            assertThat(r.get("单元格")).isEqualTo("F4");
            assertThat(r.get("说明")).isEqualTo("考核：分值 5 与细则规定的每例 3 分不符，按 3 分计");
        });
    }

    @Test
    void aBonusBesideALeafTheRubricGrantsNoneIsReportedAndNotCounted() {
        assertThat(discrepancies("hunan", "未知加扣分项目")).singleElement().satisfies(r -> {
            assertThat(r.get("单元格")).isEqualTo("C5");
            assertThat(r.get("说明")).startsWith("考核：评分细则未规定此项可加分");
        });
        assertThat(ranking("hunan")).filteredOn(r -> r.get("单位名称").equals("省水文院"))
                .extracting(r -> r.get("加分")).containsExactly("0");
    }

    @Test
    void influenceAboveTheFourItsTextStatesCountsFourAndIsReportedAtItsCell() {
        assertThat(ranking("shanxi")).extracting(r -> r.get("单位名称"), r -> r.get("基础分"), r -> r.get("排名"))
                .containsExactly(tuple("省财政厅", "99", "1"), tuple("省教育厅", "96.5", "2"));
        assertThat(discrepancies("shanxi", "得分超过满分")).singleElement().satisfies(r -> {
            assertThat(r.get("单位名称")).isEqualTo("省财政厅");
            assertThat(r.get("项目")).isEqualTo("6.4 影响广泛");
            assertThat(r.get("单元格")).isEqualTo("F29");
            assertThat(r.get("说明")).isEqualTo("考核：得分 5 超过细则所述本项最高分 4（分值 5），按 4 分计");
        });
    }

    @Test
    void awardsASelfAssessmentListsAreCheckedAgainstItsScoreWhichCountsAsGiven() {
        assertThat(ranking("shanxi")).filteredOn(r -> r.get("单位名称").equals("省教育厅"))
                .extracting(r -> r.get("自评总分"), r -> r.get("加分")).containsExactly(tuple("97", "0"));
        assertThat(discrepancies("shanxi", "得分与所列依据不符")).singleElement().satisfies(r -> {
            assertThat(r.get("文件")).isEqualTo("省教育厅.xlsx");
            assertThat(r.get("单元格")).isEqualTo("F29");
            assertThat(r.get("自评值")).isEmpty();
            assertThat(r.get("说明")).isEqualTo("自评：得分 2 与所列 3 项依据按细则应得的 1 分不符（厅局级 0.2、省部级 0.5、"
                    + "国家级 0.8，同一内容只按最高级别计一次，最多 4 分），按所填得分计");
        });
    }

    @Test
    void aVetoRowInARubricWithoutVetoesIsReportedAndTheUnitStaysRanked() {
        assertThat(ranking("shanxi")).filteredOn(r -> r.get("单位名称").equals("省财政厅"))
                .extracting(r -> r.get("状态")).containsExactly("正常");
        assertThat(discrepancies("shanxi", "一票否决")).isEmpty();
        assertThat(discrepancies("shanxi", "未知加扣分项目")).singleElement().satisfies(r -> {
            assertThat(r.get("单位名称")).isEqualTo("省财政厅");
            assertThat(r.get("说明")).isEqualTo("考核：评分细则没有一票否决项目，否决“严重违纪”未执行");
        });
    }
}
