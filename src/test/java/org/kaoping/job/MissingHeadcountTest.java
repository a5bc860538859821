package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterLoader;
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
 * Seed 001's 党纪处分 is scaled by headcount (350 staff: 60 %). The Hunan sample with 省测绘院's 在职人数 left out of
 * the roster: its 4-point deduction counts in full, and the discrepancy report says the roster must be fixed.
 */
@SpringBootTest
class MissingHeadcountTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    /** The sample's roster as CSV, 省测绘院's headcount blank. */
    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-headcount");
        Roster roster = new RosterLoader().load(Samples.sample("hunan-2023-demo").resolve("roster.xlsx"));
        String csv = "单位名称,在职人数,分组,考核组\n" + roster.units().stream()
                .map(u -> String.join(",", u.name(), u.name().equals("省测绘院") || u.headcount() == null ? ""
                        : u.headcount().toString(), nullToEmpty(u.division()), nullToEmpty(u.group())))
                .collect(Collectors.joining("\n")) + "\n";
        TestHome.write(home.root().resolve("config/rosters/no-headcount.csv"), csv);
        TestHome.copyTree(Samples.sample("hunan-2023-demo").resolve("input"), home.input("hunan"));
        return home.campaign("hunan", "hunan-2023", "rosters/no-headcount.csv");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Test
    void aScaledDeductionWithoutAHeadcountCountsInFullAndIsReportedAsAnError() {
        assertThat(campaignRun.run("hunan")).isEqualTo(ExitCodes.OK);

        Map<String, String> unit = Workbooks.rows(HOME.latest("hunan", "综合排名.xlsx"), "总排名").stream()
                .filter(r -> r.get("单位名称").equals("省测绘院")).findFirst().orElseThrow();
        assertThat(unit.get("扣分")).isEqualTo("4");
        assertThat(unit.get("总分")).isEqualTo("88");
        List<Map<String, String>> missing = Workbooks.rows(HOME.latest("hunan", "差异报告.xlsx"), "差异明细").stream()
                .filter(r -> r.get("类型").equals("缺少在职人数")).toList();
        assertThat(missing).singleElement().satisfies(r -> {
            assertThat(r.get("单位名称")).isEqualTo("省测绘院");
            assertThat(r.get("项目")).isEqualTo("党纪处分");
            assertThat(r.get("文件")).isNotEmpty();
            assertThat(r.get("单元格")).isNotEmpty();
        });
    }
}
