package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.support.TestHome;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A night missed while the service was down: the stored trigger's fire time is ten minutes past when serve starts.
 * Reconciling must keep it (same cron), and starting the scheduler runs the campaign once — not zero, not twice.
 */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class MisfireTest {
    private static final LocalDateTime MISSED = LocalDateTime.now().minusMinutes(10).withSecond(0).withNano(0);
    private static final String CRON = "0 " + MISSED.getMinute() + " " + MISSED.getHour() + " * * ?";
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
        registry.add("spring.quartz.scheduler-name", () -> "kaoping-misfire-test");
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-misfire").sampleCampaign("missed", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("missed", "schedule: \"" + CRON + "\"\n");
    }

    @Test
    void aFireTimeMissedWhileDownRunsExactlyOnceWhenServeStarts(CapturedOutput output) throws Exception {
        CampaignSchedule schedule = new CampaignSchedule("missed", CRON, HOME.root().resolve("config/campaigns/missed.yml"));
        Date before = Date.from(MISSED.minusMinutes(2).atZone(ZoneId.systemDefault()).toInstant());
        // what an earlier serve stored before it was stopped
        scheduler.scheduleJob(ScheduleReconciler.job("missed"),
                ScheduleReconciler.triggerBuilder(schedule).startAt(before).build());
        Trigger stored = scheduler.getTrigger(ScheduleReconciler.triggerKey("missed"));
        assertThat(stored.getNextFireTime()).isEqualTo(Date.from(MISSED.atZone(ZoneId.systemDefault()).toInstant()));

        assertThat(serveCommand.start()).isZero();
        assertThat(output.getOut()).contains("定时 missed：" + CRON + "（未改变），下次运行 ", "（已错过，启动后补运行一次）");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> ScheduledRunTest.executions(jdbc, "missed").equals(List.of("COMPLETED")));
        assertThat(HOME.latest("missed", "综合排名.xlsx")).exists();
        Thread.sleep(3000);
        assertThat(ScheduledRunTest.executions(jdbc, "missed")).containsExactly("COMPLETED");
        assertThat(scheduler.getTrigger(ScheduleReconciler.triggerKey("missed")).getNextFireTime()).isInTheFuture();
    }
}
