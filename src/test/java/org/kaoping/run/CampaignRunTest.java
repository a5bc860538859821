package org.kaoping.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The run command end to end: bad configuration stops it, bad files do not, corrections are picked up. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CampaignRunTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        try {
            TestHome home = TestHome.temporary("kaoping-run")
                    .sampleCampaign("messy", "shanxi-2020-demo", "shanxi-2020")
                    .sampleCampaign("corrected", "shanxi-2020-demo", "shanxi-2020")
                    .campaign("no-rubric", "does-not-exist", "rosters/messy.xlsx")
                    .campaign("no-roster", "shanxi-2020", "rosters/missing.xlsx")
                    .campaign("bad-rubric", "broken", "rosters/messy.xlsx")
                    .campaign("map-as-rubric", "quanzhou-jinrong", "rosters/messy.xlsx")
                    .campaign("missing-map", "needs-map", "rosters/messy.xlsx")
                    .campaign("bad-ranking", "shanxi-2020", "rosters/messy.xlsx")
                    .appendToCampaign("bad-ranking", "ranking:\n  method: olympic\n")
                    .sampleCampaign("misspelt", "shanxi-2020-demo", "shanxi-2020")
                    .appendToCampaign("misspelt", "retension: 3\n")
                    .sampleCampaign("misspelt-gap", "shanxi-2020-demo", "shanxi-2020")
                    .appendToCampaign("misspelt-gap", "gaps:\n  leaf: 1\n  toal: 5\n");
            TestHome.write(home.root().resolve("config/rubrics/needs-map.yml"), "code: needs-map\nname: 缺分工表\n"
                    + "responsibilities: nowhere\ncategories:\n  - {code: 一, max: 5, leaves: [{code: \"1.1\", max: 5}]}\n");
            TestHome.write(home.root().resolve("config/rubrics/broken.yml"),
                    "code: broken\nname: 坏\ncategories:\n  - code: 一\n    max: 5\n    leaves: [{code: \"1.1\", max: 3}]\n");
            Path self = home.input("messy").resolve("self");
            TestHome.write(self.resolve("说明.txt"), "请于5月20日前报送");
            TestHome.write(self.resolve("~$省财政厅自查打分表.xlsx"), "lock");
            TestHome.write(self.resolve("省审计厅自查打分表.xlsx"), "这不是一个工作簿");
            Files.write(self.resolve("空文件.xlsx"), new byte[0]);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aMisspeltKeyIsRefusedNamingTheFileTheNodeAndTheNearestKeyBeforeAnyWorkbookIsRead(CapturedOutput output) {
        assertThat(campaignRun.run("misspelt")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(output.getErr()).contains("无法运行：misspelt.yml: 未知的键 “retension”，是否应为 “retention”？");
        assertThat(campaignRun.run("misspelt-gap")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(output.getErr()).contains("misspelt-gap.yml: 未知的键 “gaps.toal”，是否应为 “gaps.total”？");
        assertThat(HOME.root().resolve("output/misspelt")).doesNotExist();
        // No job was started for either: nothing was read.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS"
                + " WHERE PARAMETER_VALUE IN ('misspelt', 'misspelt-gap')", Integer.class)).isZero();
    }

    @Test
    void unknownCampaignIsRefusedWithoutRunning() {
        assertThat(campaignRun.run("nosuch")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(campaignRun.run("../etc")).isEqualTo(ExitCodes.BAD_CONFIG);
    }

    @Test
    void brokenOrMissingConfigurationIsRefusedBeforeReading() {
        assertThat(campaignRun.run("no-rubric")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(campaignRun.run("no-roster")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(campaignRun.run("bad-rubric")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(campaignRun.run("bad-ranking")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(HOME.root().resolve("output/bad-rubric")).doesNotExist();
        assertThat(campaignRun.run("map-as-rubric")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(campaignRun.run("missing-map")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(HOME.root().resolve("output/map-as-rubric")).doesNotExist();
        assertThat(HOME.root().resolve("output/missing-map")).doesNotExist();
        assertThat(HOME.root().resolve("output/bad-ranking")).doesNotExist();
    }

    @Test
    void badFilesAreRejectedOrIgnoredAndTheRunStillCompletes() {
        assertThat(campaignRun.run("messy")).isEqualTo(ExitCodes.OK);
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest("messy", "差异报告.xlsx"), "差异明细");
        assertThat(rows).filteredOn(r -> r.get("类型").equals("拒收文件")).extracting(r -> r.get("文件"))
                .containsExactlyInAnyOrder("省审计厅自查打分表.xlsx", "空文件.xlsx");
        assertThat(rows).filteredOn(r -> r.get("类型").equals("忽略的文件")).extracting(r -> r.get("文件"))
                .containsExactlyInAnyOrder("说明.txt", "~$省财政厅自查打分表.xlsx");
        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("messy", "综合排名.xlsx"), "总排名");
        assertThat(ranking).hasSize(10);
        assertThat(ranking.get(0)).containsEntry("单位名称", "省司法厅").containsEntry("总分", "90");
    }

    @Test
    void correctedWorkbookSupersedesTheOlderOneAndUnchangedFilesAreNotReadAgain() throws IOException {
        assertThat(campaignRun.run("corrected")).isEqualTo(ExitCodes.OK);
        Integer parsedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM kp_parse_result", Integer.class);

        Path inspection = HOME.input("corrected").resolve("inspection");
        Path original = inspection.resolve("第二考核组打分汇总表.xlsx");
        Path correction = inspection.resolve("第二考核组打分汇总表（更正）.xlsx");
        Workbooks.copyWithMatrixScore(original, correction, "省财政厅", 3, 3);
        Files.setLastModifiedTime(correction, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(campaignRun.run("corrected")).isEqualTo(ExitCodes.OK);
        Integer parsedAfter = jdbc.queryForObject("SELECT COUNT(*) FROM kp_parse_result", Integer.class);
        assertThat(parsedAfter - parsedBefore).isEqualTo(1);

        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("corrected", "综合排名.xlsx"), "总排名");
        assertThat(ranking).filteredOn(r -> r.get("单位名称").equals("省财政厅")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("总分", "78").containsEntry("排名", "10"));
        assertThat(ranking).filteredOn(r -> r.get("单位名称").equals("省司法厅")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("总分", "90"));
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest("corrected", "差异报告.xlsx"), "差异明细");
        assertThat(rows).filteredOn(r -> r.get("类型").equals("已被替代的文件")).extracting(r -> r.get("文件"))
                .containsOnly("第二考核组打分汇总表.xlsx");
    }
}
