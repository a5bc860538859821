package org.kaoping.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaoping.store.SqlDialect;
import org.kaoping.store.RunFileRepository;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run fails mid-read; before it is restarted a group sends a corrected workbook and a unit withdraws its
 * self-assessment. The restarted run takes in the inputs as they are now: the correction counts, the
 * withdrawn file is gone, and nothing read before the failure is counted twice.
 */
@SpringBootTest(properties = {"kaoping-test.fail-on-workbook=5", "kaoping.read.chunk-size=2"})
class RestartAfterInputChangeTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    CampaignExecutions executions;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-restart-change").sampleCampaign("changing", "shanxi-2020-demo", "shanxi-2020");
    }

    @Test
    void restartedRunTakesInFilesCorrectedOrWithdrawnWhileItWasDown() throws IOException {
        assertThat(campaignRun.run("changing")).isEqualTo(ExitCodes.FAILED);
        String runId = executions.runs("changing").get(0).runId();

        Path inspection = HOME.input("changing").resolve("inspection");
        Path correction = inspection.resolve("第二考核组打分汇总表（更正）.xlsx");
        Workbooks.copyWithMatrixScore(inspection.resolve("第二考核组打分汇总表.xlsx"), correction, "省财政厅", 3, 3);
        Files.setLastModifiedTime(correction, FileTime.from(Instant.now().plusSeconds(60)));
        Path self = HOME.input("changing").resolve("self");
        Path withdrawn;
        try (var files = Files.list(self)) {
            withdrawn = files.filter(f -> f.getFileName().toString().contains("省司法厅")).findFirst().orElseThrow();
        }
        Files.delete(withdrawn);

        assertThat(campaignRun.run("changing")).isEqualTo(ExitCodes.OK);
        assertThat(executions.runs("changing")).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.status().name()).isEqualTo("COMPLETED");
        });
        // 11 sample files − the withdrawn self-assessment + the correction
        assertThat(new RunFileRepository(jdbc, SqlDialect.H2).files(runId)).hasSize(11);
        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("changing", "综合排名.xlsx"), "总排名");
        assertThat(ranking).filteredOn(r -> r.get("单位名称").equals("省财政厅")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("总分", "78"));
        assertThat(ranking).filteredOn(r -> r.get("单位名称").equals("省司法厅")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("总分", "90").containsEntry("自评总分", ""));
        List<Map<String, String>> discrepancies = Workbooks.rows(HOME.latest("changing", "差异报告.xlsx"), "差异明细");
        assertThat(discrepancies).filteredOn(r -> r.get("类型").equals("已被替代的文件")).extracting(r -> r.get("文件"))
                .containsOnly("第二考核组打分汇总表.xlsx");
        assertThat(discrepancies).filteredOn(r -> r.get("单位名称").equals("省司法厅") && r.get("类型").equals("未提交"))
                .hasSize(1);
    }
}
