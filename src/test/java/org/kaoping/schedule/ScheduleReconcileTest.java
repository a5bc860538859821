package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.cli.CommandLine;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Stored triggers follow the campaign configs; an invalid schedule stops serve, not run. The scheduler never starts. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduleReconcileTest {
    private static final TestHome HOME = createHome();

    @Autowired
    LazyScheduler lazyScheduler;

    Scheduler scheduler;

    @Autowired
    ScheduleReconciler reconciler;

    @Autowired
    CampaignSchedules schedules;

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    CommandLine commandLine;

    @BeforeEach
    void scheduler() {
        scheduler = lazyScheduler.get();
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        registry.add("spring.quartz.scheduler-name", () -> "kaoping-reconcile-test");
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-reconcile");
    }

    private static void config(String campaign, String schedule) {
        TestHome.write(HOME.root().resolve("config/campaigns/" + campaign + ".yml"), "name: " + campaign
                + "\nrubric: shanxi-2020\nroster: rosters/x.xlsx\n" + (schedule == null ? "" : "schedule: \"" + schedule + "\"\n"));
    }

    private List<ScheduleReconciler.Outcome> reconcile() throws Exception {
        return reconciler.reconcile(scheduler, schedules.read(new KaopingHome(HOME.root())));
    }

    @Test
    void schedulesAreAddedUpdatedAndRemovedAndAnUnchangedTriggerIsLeftAlone() throws Exception {
        config("keep", "0 0 2 * * ?");
        config("change", "0 0 3 * * ?");
        config("drop", "0 0 4 * * ?");
        config("never", null);
        assertThat(reconcile()).extracting(o -> o.campaign() + " " + o.change())
                .containsExactly("change ADDED", "drop ADDED", "keep ADDED");
        Trigger kept = scheduler.getTrigger(ScheduleReconciler.triggerKey("keep"));
        assertThat(kept.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        Thread.sleep(20);

        config("change", "0 30 3 * * ?");
        config("drop", null);
        config("added", "0 0 5 ? * MON-FRI");
        assertThat(reconcile()).extracting(o -> o.campaign() + " " + o.change())
                .containsExactly("drop REMOVED", "added ADDED", "change UPDATED", "keep UNCHANGED");

        Trigger keptAfter = scheduler.getTrigger(ScheduleReconciler.triggerKey("keep"));
        assertThat(keptAfter.getStartTime()).isEqualTo(kept.getStartTime());
        assertThat(keptAfter.getNextFireTime()).isEqualTo(kept.getNextFireTime());
        assertThat(((CronTrigger) scheduler.getTrigger(ScheduleReconciler.triggerKey("change"))).getCronExpression())
                .isEqualTo("0 30 3 * * ?");
        assertThat(scheduler.checkExists(ScheduleReconciler.jobKey("drop"))).isFalse();
        assertThat(scheduler.checkExists(ScheduleReconciler.triggerKey("drop"))).isFalse();
        assertThat(scheduler.checkExists(ScheduleReconciler.jobKey("never"))).isFalse();
        assertThat(scheduler.getTrigger(ScheduleReconciler.triggerKey("added")).getJobKey())
                .isEqualTo(ScheduleReconciler.jobKey("added"));

        Files.delete(HOME.root().resolve("config/campaigns/added.yml"));
        assertThat(reconcile()).extracting(o -> o.campaign() + " " + o.change())
                .containsExactly("added REMOVED", "change UNCHANGED", "keep UNCHANGED");
        assertThat(scheduler.isStarted()).isFalse();
    }

    @Test
    void aScheduleZoneFixesWhenTheCampaignFiresAndAChangedZoneReschedulesIt() throws Exception {
        Path file = HOME.root().resolve("config/campaigns/zoned.yml");
        config("zoned", "0 0 2 * * ?");
        try {
            TestHome.write(file, Files.readString(file) + "schedule-zone: Asia/Shanghai\n");
            assertThat(reconcile()).filteredOn(o -> o.campaign().equals("zoned")).singleElement()
                    .satisfies(o -> assertThat(o.change()).isEqualTo(ScheduleReconciler.Change.ADDED));
            CronTrigger trigger = (CronTrigger) scheduler.getTrigger(ScheduleReconciler.triggerKey("zoned"));
            assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
            // 02:00 in Shanghai is 18:00 UTC the day before
            assertThat(trigger.getNextFireTime().toInstant().atZone(java.time.ZoneOffset.UTC).getHour()).isEqualTo(18);

            TestHome.write(file, Files.readString(file).replace("Asia/Shanghai", "Europe/Berlin"));
            assertThat(reconcile()).filteredOn(o -> o.campaign().equals("zoned")).singleElement()
                    .satisfies(o -> assertThat(o.change()).isEqualTo(ScheduleReconciler.Change.UPDATED));

            TestHome.write(file, Files.readString(file).replace("Europe/Berlin", "Asia/Beijing"));
            org.assertj.core.api.Assertions.assertThatThrownBy(this::reconcile)
                    .hasMessage("考核配置 zoned.yml 的 schedule-zone：“Asia/Beijing”不是时区；应写成如 Asia/Shanghai");
        } finally {
            Files.delete(file);
            reconcile();
        }
    }

    @Test
    void anInvalidCronStopsServeWithExitCode3ButRunIgnoresIt(CapturedOutput output) throws Exception {
        new TestHome(HOME.root()).sampleCampaign("badcron", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("badcron", "schedule: \"0 0 25 * * ?\"\n");
        Path file = HOME.root().resolve("config/campaigns/badcron.yml");
        try {
            commandLine.run(new DefaultApplicationArguments("serve"));
            assertThat(commandLine.getExitCode()).isEqualTo(3);
            assertThat(output.getErr()).contains("无法启动定时运行：考核配置 badcron.yml 的 schedule：“0 0 25 * * ?”不是有效的 Quartz cron 表达式");
            assertThat(scheduler.isStarted()).isFalse();

            TestHome.write(file, Files.readString(file).replace("\"0 0 25 * * ?\"", "3"));
            commandLine.run(new DefaultApplicationArguments("serve"));
            assertThat(commandLine.getExitCode()).isEqualTo(3);
            assertThat(output.getErr()).contains("考核配置 badcron.yml 的 schedule：“3”不是 Quartz cron 表达式");

            assertThat(campaignRun.run("badcron")).isEqualTo(ExitCodes.OK);
            assertThat(HOME.latest("badcron", "综合排名.xlsx")).exists();
        } finally {
            Files.delete(file);
        }
    }
}
