package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.CampaignLock;
import org.kaoping.support.KaopingJar;

/**
 * Several kaoping processes on one home, each a JVM of its own started from the packaged jar: {@code serve} holds
 * the H2 file and serves it to a manual {@code run} and {@code history}; a campaign locked by another process is
 * refused with exit 4 naming the holder; stopping {@code serve} lets a run it serves finish.
 */
class SharedHomeIT {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(Path home, String log, String... command) throws IOException {
        Process process = KaopingJar.start(home, log, command);
        started.add(process);
        return process;
    }

    private static int finished(Process process) throws InterruptedException {
        return KaopingJar.exitCode(process);
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no “" + text + "” in " + log + ":\n" + Files.readString(log));
    }

    @Test
    void runAndHistoryWorkBesideServeOnTheSameHomeAndStoppingServeLetsTheRunFinish(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Process serve = start(home, "serve.log", "serve");
        awaitLine(home.resolve("serve.log"), "定时运行已启动");

        Process run = start(home, "run.log", "run", "demo");
        assertThat(finished(run)).as(Files.readString(home.resolve("run.log"))).isZero();
        assertThat(home.resolve("output/demo/latest/综合排名.xlsx")).exists();

        Process history = start(home, "history.log", "history", "demo");
        assertThat(finished(history)).isZero();
        assertThat(Files.readString(home.resolve("history.log"))).contains("考核 demo 的运行记录（1 次）");

        Process second = start(home, "run2.log", "run", "demo");
        awaitLine(home.resolve("run2.log"), "开始汇总");
        serve.destroy(); // SIGTERM
        assertThat(finished(second)).as(Files.readString(home.resolve("run2.log"))).isZero();
        assertThat(finished(serve)).isZero();
        assertThat(Files.readString(home.resolve("serve.log"))).contains("收到停止信号").doesNotContain("Exception");
    }

    @Test
    void aStoppedServeWaitsForARunItServesOnlyForItsGracePeriod(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Process serve = start(home, "serve.log", "serve", "--kaoping.serve.grace-period=2s");
        awaitLine(home.resolve("serve.log"), "定时运行已启动");
        // this process stands for a run that serve serves: connected through serve, holding the campaign's lock
        try (Connection served = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/kaoping")
                + ";AUTO_SERVER=TRUE;FILE_LOCK=SOCKET", "sa", "");
             CampaignLock lock = CampaignLock.tryAcquire(new KaopingHome(home), "demo")) {
            served.createStatement().execute("SELECT 1");
            assertThat(lock.held()).isTrue();
            long stopped = System.nanoTime();
            serve.destroy(); // SIGTERM
            assertThat(finished(serve)).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - stopped))
                    .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
            assertThat(Files.readString(home.resolve("serve.log"))).contains("其他 kaoping 进程正在运行 demo")
                    .contains("等待超过 2 秒：立即退出");
        }
    }

    @Test
    void aCampaignRunningInAnotherProcessIsRefusedWithExitFourNamingTheHolder(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        try (CampaignLock lock = CampaignLock.tryAcquire(new KaopingHome(home), "demo")) {
            assertThat(lock.held()).isTrue();
            Process run = start(home, "run.log", "run", "demo");
            assertThat(finished(run)).isEqualTo(4);
            assertThat(Files.readString(home.resolve("run.log")))
                    .contains("无法运行：考核“demo”正在运行（进程 " + ProcessHandle.current().pid() + "，");
        }
        Process again = start(home, "again.log", "run", "demo");
        assertThat(finished(again)).isZero();
    }
}
