package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.KaopingJar;
import org.kaoping.support.RankingWorkbooks;
import org.kaoping.support.ScheduledFires;
import org.kaoping.support.TestDatabase;

/**
 * kaoping on a PostgreSQL server shared by several homes (as by several machines), each process a JVM of its own:
 * the demo ranks as on H2, a campaign running from one home is refused from another (and recovered there when its
 * holder dies), and two {@code serve} nodes run each fire time of a schedule once. Run by the {@code postgres} Maven
 * profile ({@code .ci/run}), which names the server with {@code -Dkaoping-test.postgres.url}; without a server this
 * class is not part of the build.
 */
class PostgresIT {
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void aServerIsNamed() {
        assertThat(TestDatabase.postgres()).as("-D" + TestDatabase.URL + "=jdbc:postgresql://… (see .ci/run)").isTrue();
    }

    @AfterEach
    void stopAll() {
        started.forEach(Process::destroyForcibly);
    }

    /** The jar in {@code home}, on the database (the PostgreSQL schema) of {@code database}. */
    private Process start(Path home, Path database, String log, String... command) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(TestDatabase.arguments(database));
        Process process = KaopingJar.start(home, log, arguments.toArray(String[]::new));
        started.add(process);
        return process;
    }

    @Test
    void theDemoRanksCellForCellAsOnH2(@TempDir Path h2, @TempDir Path postgres) throws Exception {
        assertThat(KaopingJar.run(KaopingJar.demoHome(h2), "run.log", "run", "demo")).isZero();
        Path home = KaopingJar.demoHome(postgres);
        assertThat(KaopingJar.exitCode(start(home, home, "run.log", "run", "demo")))
                .as(KaopingJar.log(home, "run.log")).isZero();
        assertThat(home.resolve("data/kaoping.mv.db")).as("no H2 file beside the server").doesNotExist();
        for (String report : List.of("综合排名.xlsx", "差异报告.xlsx")) {
            Path onH2 = h2.resolve("output/demo/latest").resolve(report);
            Path onPostgres = home.resolve("output/demo/latest").resolve(report);
            assertThat(RankingWorkbooks.sheetNames(onPostgres)).isEqualTo(RankingWorkbooks.sheetNames(onH2));
            assertThat(RankingWorkbooks.cells(onPostgres)).as(report).isEqualTo(RankingWorkbooks.cells(onH2));
        }
        // a rerun reads nothing again: the parse results stored on the server are found by their keys
        assertThat(KaopingJar.exitCode(start(home, home, "rerun.log", "run", "demo"))).isZero();
        assertThat(KaopingJar.log(home, "rerun.log")).contains("11 个工作簿自上次读取后未变，直接使用已读结果");
    }

    @Test
    void aCampaignRunningFromAnotherHomeIsRefusedWithExitFourAndItsRunIsRecoveredThereWhenTheHolderDies(
            @TempDir Path first, @TempDir Path second) throws Exception {
        Path a = KaopingJar.demoHome(first);
        Path b = KaopingJar.demoHome(second);
        Process slow = slowRun(a, a);
        KaopingJar.awaitLine(a.resolve("slow.log"), "开始汇总");
        String runId = KaopingJar.log(a, "slow.log").replaceAll("(?s).*运行编号 ([0-9-]+).*", "$1");

        Process refused = start(b, a, "run.log", "run", "demo");
        assertThat(KaopingJar.exitCode(refused)).as(KaopingJar.log(b, "run.log")).isEqualTo(4);
        assertThat(KaopingJar.log(b, "run.log")).contains("无法运行：考核“demo”正在另一个 kaoping 进程中运行（主机 ")
                .contains("，进程 " + slow.pid() + "，");

        // the machine of home A is lost mid-run: the server frees its lock, and home B finishes its run
        slow.destroyForcibly();
        slow.waitFor();
        Process again = start(b, a, "again.log", "run", "demo");
        assertThat(KaopingJar.exitCode(again)).as(KaopingJar.log(b, "again.log")).isZero();
        assertThat(KaopingJar.log(b, "again.log")).contains("恢复中断的运行 " + runId);
        assertThat(b.resolve("output/demo").resolve(runId).resolve("综合排名.xlsx")).exists();
    }

    @Test
    void twoServeNodesOnTwoHomesSharingTheDatabaseRunEachFireTimeOnce(@TempDir Path first, @TempDir Path second)
            throws Exception {
        Path a = ScheduledFires.everyThreeSeconds(KaopingJar.demoHome(first));
        Path b = ScheduledFires.everyThreeSeconds(KaopingJar.demoHome(second));
        Process nodeA = start(a, a, "serve.log", "serve");
        Process nodeB = start(b, a, "serve.log", "serve");
        ScheduledFires.watch(List.of(nodeA, nodeB), List.of(a.resolve("serve.log"), b.resolve("serve.log")))
                .assertEachFireTimeRanOnce(TestDatabase.open(a));
    }

    /**
     * {@code run demo} slowed down to three seconds a workbook (the test hook of the test class path,
     * {@code kaoping-test.read-delay-ms}), so that it holds the campaign for half a minute.
     */
    private Process slowRun(Path home, Path database) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run", "demo", "--kaoping-test.read-delay-ms=3000",
                "--kaoping.read.chunk-size=1"));
        arguments.addAll(TestDatabase.arguments(database));
        List<String> command = KaopingJar.onTestClassPath(List.of(), arguments);
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("slow.log").toFile()).start();
        started.add(process);
        return process;
    }
}
