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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.CampaignLock;
import org.kaoping.support.KaopingJar;
import org.kaoping.support.ScheduledFires;
import org.kaoping.support.TestDatabase;
import org.kaoping.support.TestHome;

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

    /** The jar on the home's database: its H2 file, or in the postgres profile its schema on the server. */
    private Process start(Path home, String log, String... command) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(TestDatabase.arguments(home));
        return startAsIs(home, log, arguments.toArray(String[]::new));
    }

    private Process startAsIs(Path home, String log, String... command) throws IOException {
        Process process = KaopingJar.start(home, log, command);
        started.add(process);
        return process;
    }

    private static int finished(Process process) throws InterruptedException {
        return KaopingJar.exitCode(process);
    }

    @Test
    void runAndHistoryWorkBesideServeOnTheSameHomeAndStoppingServeLetsTheRunFinish(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Process serve = start(home, "serve.log", "serve");
        KaopingJar.awaitLine(home.resolve("serve.log"), "定时运行已启动");

        Process run = start(home, "run.log", "run", "demo");
        assertThat(finished(run)).as(Files.readString(home.resolve("run.log"))).isZero();
        assertThat(home.resolve("output/demo/latest/综合排名.xlsx")).exists();

        Process history = start(home, "history.log", "history", "demo");
        assertThat(finished(history)).isZero();
        assertThat(Files.readString(home.resolve("history.log"))).contains("考核 demo 的运行记录（1 次）");

        Process second = start(home, "run2.log", "run", "demo");
        KaopingJar.awaitLine(home.resolve("run2.log"), "开始汇总");
        serve.destroy(); // SIGTERM
        assertThat(finished(second)).as(Files.readString(home.resolve("run2.log"))).isZero();
        assertThat(finished(serve)).isZero();
        assertThat(Files.readString(home.resolve("serve.log"))).contains("收到停止信号").doesNotContain("Exception");
    }

    @Test
    void aStoppedServeWaitsForARunItServesOnlyForItsGracePeriod(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        // H2's own hand-off: always on the home's H2 file
        Process serve = startAsIs(home, "serve.log", "serve", "--kaoping.serve.grace-period=2s");
        KaopingJar.awaitLine(home.resolve("serve.log"), "定时运行已启动");
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
    void aCorrectionDroppedIntoAWatchedInputFolderReachesLatestOnceQuietWithoutACommand(@TempDir Path dir)
            throws Exception {
        Path home = KaopingJar.demoHome(dir);
        TestHome.write(home.resolve("config/campaigns/demo.yml"),
                Files.readString(home.resolve("config/campaigns/demo.yml")) + "watch: 2s\n");
        assertThat(finished(start(home, "run.log", "run", "demo"))).isZero();
        Process serve = start(home, "serve.log", "serve");
        KaopingJar.awaitLine(home.resolve("serve.log"), "监视 demo 的输入目录");
        Thread.sleep(3_000);
        assertThat(TestHome.runFolders(home, "demo")).as("nothing changed since the run").isEqualTo(1);

        Path self = home.resolve("input/demo/self");
        Path original;
        try (Stream<Path> files = Files.list(self)) {
            original = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
        }
        Path correction = self.resolve("更正-" + original.getFileName());
        long dropped = System.nanoTime();
        Files.copy(original, correction);
        long deadline = dropped + Duration.ofSeconds(60).toNanos();
        while (TestHome.runFolders(home, "demo") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Duration wait = Duration.ofNanos(System.nanoTime() - dropped);
        assertThat(TestHome.runFolders(home, "demo")).as(Files.readString(home.resolve("serve.log"))).isEqualTo(2);
        KaopingJar.awaitLine(home.resolve("serve.log"), "最新结果");
        System.out.printf("drop → latest (watch: 2s, %s): %.1f s%n", TestDatabase.postgres() ? "PostgreSQL" : "H2",
                wait.toMillis() / 1000.0);
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Files.readString(home.resolve("serve.log")))
                .contains("demo 的输入目录有变化（新增 self/" + correction.getFileName() + "），已静置，开始汇总");
        serve.destroy();
        assertThat(finished(serve)).isZero();
    }

    @Test
    void twoServeProcessesOnOneHomeRunEachFireTimeOnce(@TempDir Path dir) throws Exception {
        Path home = ScheduledFires.everyThreeSeconds(KaopingJar.demoHome(dir));
        Process first = start(home, "serve-1.log", "serve");
        Process second = start(home, "serve-2.log", "serve");
        ScheduledFires fires = ScheduledFires.watch(List.of(first, second),
                List.of(home.resolve("serve-1.log"), home.resolve("serve-2.log")));
        fires.assertEachFireTimeRanOnce(TestDatabase.open(home));
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
