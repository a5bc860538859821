package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo campaign (shanxi-2020-demo) run end to end with a {@code ranking:} section in its campaign yml.
 * Its totals (samples regenerated 2026-12-06): 省司法厅 90, 省人社厅 and 省自然资源厅 84, 省科技厅 83.5,
 * 省发展改革委 82, 省工信厅 and 省生态环境厅 81.5, 省民政厅 80.5, 省教育厅 80, 省财政厅 76 — all in one 分组, 省直机关.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingRulesAcceptanceTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-ranking")
                .sampleCampaign("graded", "shanxi-2020-demo", "shanxi-2020")
                .sampleCampaign("tiebroken", "shanxi-2020-demo", "shanxi-2020")
                .sampleCampaign("bad-ranking", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("graded", """
                    ranking:
                      method: competition
                      rounding: half-even
                      grades:
                        - {name: 优秀, top: 30%}
                        - {name: 良好, min: 83}
                        - {name: 合格, min: 81}
                        - {name: 不合格}
                    """)
                .appendToCampaign("tiebroken", """
                    ranking:
                      method: dense
                      tie-breakers: [leaf:1.1]
                      grades:
                        - {name: 优秀, top: 30%}
                    """)
                .appendToCampaign("bad-ranking", "ranking:\n  tie-breakers: [category:七]\n");
    }

    @BeforeAll
    void runCampaigns() {
        assertThat(campaignRun.run("graded")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("tiebroken")).isEqualTo(ExitCodes.OK);
    }

    private static List<Map<String, String>> rows(String campaign, String sheet) {
        return Workbooks.rows(HOME.latest(campaign, "综合排名.xlsx"), sheet);
    }

    private static List<String> summary(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get("排名") + " " + r.get("单位名称") + " " + r.get("总分") + " " + r.get("等次"))
                .toList();
    }

    @Test
    void competitionRanksWithGradesByQuotaAndBands() {
        // 30% of 10 ranked units: ranks up to 3. The tie at 2 skips rank 3, so three units are 优秀 and
        // 省科技厅, ranked 4th, takes its band: 83.5 is at least 83, 良好.
        assertThat(summary(rows("graded", "总排名"))).containsExactly(
                "1 省司法厅 90 优秀", "2 省人社厅 84 优秀", "2 省自然资源厅 84 优秀", "4 省科技厅 83.5 良好",
                "5 省发展改革委 82 合格", "6 省工信厅 81.5 合格", "6 省生态环境厅 81.5 合格", "8 省民政厅 80.5 不合格",
                "9 省教育厅 80 不合格", "10 省财政厅 76 不合格");
    }

    @Test
    void gradeColumnFollowsStatusOnTheOverallAndDivisionSheets() {
        List<String> header = List.of("排名", "单位名称", "分组", "考核组", "基础分", "加分", "扣分", "总分", "自评总分", "状态",
                "一 领导班子好", "二 （干部）职工队伍好", "三 工作制度好", "四 创建活动好", "五 环境面貌好", "六 社会形象好", "等次");
        assertThat(Workbooks.header(HOME.latest("graded", "综合排名.xlsx"), "总排名")).isEqualTo(header);
        assertThat(Workbooks.header(HOME.latest("graded", "综合排名.xlsx"), "省直机关")).isEqualTo(header);
        assertThat(rows("graded", "省直机关")).extracting(r -> r.get("排名") + " " + r.get("等次"))
                .startsWith("1 优秀", "2 优秀", "2 优秀", "4 良好", "5 合格");
    }

    @Test
    void denseRanksWithALeafTieBreakerAndTheQuotaOnThoseRanks() {
        // 1.1 breaks 省工信厅 (3) ahead of 省生态环境厅 (2.5); 省人社厅 and 省自然资源厅 both have 3 and stay tied.
        // Dense ranks up to 3 are four units, all 优秀.
        assertThat(summary(rows("tiebroken", "总排名"))).containsExactly(
                "1 省司法厅 90 优秀", "2 省人社厅 84 优秀", "2 省自然资源厅 84 优秀", "3 省科技厅 83.5 优秀",
                "4 省发展改革委 82 ", "5 省工信厅 81.5 ", "6 省生态环境厅 81.5 ", "7 省民政厅 80.5 ", "8 省教育厅 80 ",
                "9 省财政厅 76 ");
        assertThat(rows("tiebroken", "省直机关")).extracting(r -> r.get("排名")).containsExactly("1", "2", "2", "3", "4",
                "5", "6", "7", "8", "9");
    }

    @Test
    void runInfoListsTheRankingSettings() {
        Map<String, String> info = new java.util.LinkedHashMap<>();
        rows("tiebroken", "运行信息").forEach(r -> info.putIfAbsent(r.get("项目"), r.get("内容")));
        assertThat(info).containsEntry("排名方法", "dense 中国式排名（1, 1, 2）")
                .containsEntry("同分排序", "leaf:1.1 评分项 1.1 得分高者在前")
                .containsEntry("分数显示", "保留两位小数，half-up 四舍五入")
                .containsEntry("等次", "优秀：前 30%");
    }

    @Test
    void aRankingSectionNamingACategoryTheRubricLacksStopsTheRunBeforeReading() {
        assertThat(campaignRun.run("bad-ranking")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(HOME.root().resolve("output/bad-ranking")).doesNotExist();
    }
}
