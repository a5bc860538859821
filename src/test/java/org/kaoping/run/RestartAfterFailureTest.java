package org.kaoping.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.store.SqlDialect;
import org.kaoping.store.RunFileRepository;
import org.kaoping.support.RankingWorkbooks;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run that fails mid-read (the 5th workbook, chunks of 2: two chunks committed) is restarted by the next
 * {@code run} as the same job instance and ends with exactly the results of an uninterrupted run.
 */
@SpringBootTest(properties = {"kaoping-test.fail-on-workbook=5", "kaoping.read.chunk-size=2"})
@ExtendWith(OutputCaptureExtension.class)
class RestartAfterFailureTest {
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
        try {
            TestHome home = TestHome.temporary("kaoping-restart")
                    .sampleCampaign("failing", "shanxi-2020-demo", "shanxi-2020")
                    .sampleCampaign("clean", "shanxi-2020-demo", "shanxi-2020");
            // Same content, other times: the clean run gets parse keys of its own and parses every file itself.
            try (Stream<Path> files = Files.walk(home.input("clean"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.setLastModifiedTime(f, FileTime.from(Files.getLastModifiedTime(f).toInstant().plusSeconds(86_400)));
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void restartedRunIsTheSameInstanceAndMatchesACleanRun(CapturedOutput output) {
        assertThat(campaignRun.run("failing")).isEqualTo(ExitCodes.FAILED);
        List<CampaignExecutions.RunExecution> failed = executions.runs("failing");
        assertThat(failed).singleElement().satisfies(r -> assertThat(r.status().name()).isEqualTo("FAILED"));
        String runId = failed.get(0).runId();
        assertThat(parsedIn(failed.get(0).instanceId())).isEqualTo(4);
        assertThat(HOME.root().resolve("output/failing/latest")).doesNotExist();

        assertThat(campaignRun.run("clean")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("failing")).isEqualTo(ExitCodes.OK);

        assertThat(output).contains("恢复中断的运行 " + runId);
        List<CampaignExecutions.RunExecution> runs = executions.runs("failing");
        assertThat(runs).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.instanceId()).isEqualTo(failed.get(0).instanceId());
            assertThat(r.executions()).isEqualTo(2);
            assertThat(r.status().name()).isEqualTo("COMPLETED");
        });
        // 11 workbooks, each parsed once: 4 before the failure, 7 after the restart
        assertThat(parsedIn(runs.get(0).instanceId())).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT files_parsed FROM kp_run WHERE run_id = ?", Integer.class, runId)).isEqualTo(11);
        assertThat(new RunFileRepository(jdbc, SqlDialect.H2).files(runId)).hasSize(11);

        Path restarted = HOME.root().resolve("output/failing").resolve(runId).resolve("综合排名.xlsx");
        Path clean = HOME.latest("clean", "综合排名.xlsx");
        Map<String, Map<String, String>> expected = RankingWorkbooks.cells(clean);
        assertThat(expected.get("总排名")).isNotEmpty();
        assertThat(RankingWorkbooks.cells(restarted)).isEqualTo(expected);
        assertThat(RankingWorkbooks.cells(HOME.latest("failing", "综合排名.xlsx"))).isEqualTo(expected);
        List<Map<String, String>> ranking = Workbooks.rows(restarted, "总排名");
        assertThat(ranking.get(0)).containsEntry("单位名称", "省司法厅").containsEntry("总分", "90").containsEntry("排名", "1");
    }

    private int parsedIn(long instanceId) {
        return executions.parsedFiles(instanceId);
    }
}
