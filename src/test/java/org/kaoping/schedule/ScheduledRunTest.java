package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.CampaignLock;
import org.kaoping.support.TestHome;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** serve: a scheduled campaign's job runs the same consolidation as {@code run}; it skips while the campaign is locked. */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ScheduledRunTest {
    private static final TestHome HOME = createHome();

    @Autowired
    ServeCommand serveCommand;

    @Autowired
    LazyScheduler lazyScheduler;

    Scheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void scheduler() {
        scheduler = lazyScheduler.get();
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        registry.add("spring.quartz.scheduler-name", () -> "kaoping-scheduled-run-test");
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-scheduled").sampleCampaign("nightly", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("nightly", "schedule: \"0 0 2 * * ?\"\n");
    }

    static List<String> executions(JdbcTemplate jdbc, String campaign) {
        return jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p "
                + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ? "
                + "ORDER BY e.JOB_EXECUTION_ID", String.class, campaign);
    }

    @Test
    void theQuartzJobRunsTheCampaignLikeRunAndSkipsWhileItIsLocked(CapturedOutput output) throws Exception {
        assertThat(scheduler.isStarted()).isFalse();
        assertThat(serveCommand.start()).isZero();
        assertThat(scheduler.isStarted()).isTrue();
        assertThat(output.getOut()).contains("定时 nightly：0 0 2 * * ?（新增），下次运行 ");

        scheduler.triggerJob(ScheduleReconciler.jobKey("nightly"));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(HOME.latest("nightly", "综合排名.xlsx"))
                        && executions(jdbc, "nightly").equals(List.of("COMPLETED")));
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("定时运行 nightly 完成"));
        assertThat(output.getOut()).contains("开始汇总 nightly", "汇总完成，用时");

        try (CampaignLock lock = CampaignLock.tryAcquire(new KaopingHome(HOME.root()), "nightly")) {
            scheduler.triggerJob(ScheduleReconciler.jobKey("nightly"));
            await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("定时运行 nightly 已跳过"));
        }
        assertThat(output.getErr()).contains("无法运行：考核“nightly”正在运行");
        assertThat(executions(jdbc, "nightly")).containsExactly("COMPLETED");
    }
}
