package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.CampaignLock;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.run.LockHolder;
import org.kaoping.support.TestHome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Two runs of one campaign never overlap: a run refuses (exit code 4) while the campaign's lock is held. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CampaignOverlapTest {
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    LazyScheduler lazyScheduler;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        registry.add("spring.quartz.scheduler-name", () -> "kaoping-overlap-test");
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-overlap")
                .sampleCampaign("locked", "shanxi-2020-demo", "shanxi-2020")
                .sampleCampaign("elsewhere", "shanxi-2020-demo", "shanxi-2020");
    }

    @Test
    void aRunWhileTheCampaignIsRunningInThisProcessIsRefused(CapturedOutput output) {
        try (CampaignLock lock = CampaignLock.tryAcquire(new KaopingHome(HOME.root()), "locked")) {
            assertThat(lock.held()).isTrue();
            assertThat(campaignRun.run("locked")).isEqualTo(ExitCodes.BUSY).isEqualTo(4);
        }
        assertThat(output.getErr()).contains("无法运行：考核“locked”正在运行", "同一考核不能同时运行两次");
        assertThat(HOME.root().resolve("output/locked")).doesNotExist();
    }

    @Test
    void aRunWhileAnotherProcessHoldsTheLockIsRefusedAndRunsOnceItIsGone(CapturedOutput output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), HOME.root().toString(), "elsewhere")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo(LockHolder.LOCKED);

            assertThat(campaignRun.run("elsewhere")).isEqualTo(ExitCodes.BUSY);
            assertThat(output.getErr()).contains("无法运行：考核“elsewhere”正在运行（进程 " + holder.pid());
            assertThat(HOME.root().resolve("output/elsewhere")).doesNotExist();
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        assertThat(holder.exitValue()).isZero();
        assertThat(campaignRun.run("elsewhere")).isEqualTo(ExitCodes.OK);
        assertThat(HOME.latest("elsewhere", "综合排名.xlsx")).exists();
        assertNoScheduler();
    }

    /** A run creates no Quartz scheduler: no scheduler thread, no worker pool, nothing that could fire a schedule. */
    private void assertNoScheduler() {
        assertThat(lazyScheduler.created()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("kaoping-overlap-test"));
    }
}
