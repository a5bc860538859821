package org.kaoping.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.store.RunFileRepository;
import org.kaoping.support.HostileWorkbooks;
import org.kaoping.support.KaopingJar;
import org.kaoping.support.RankingWorkbooks;
import org.kaoping.support.TestDatabase;
import org.kaoping.support.TestHome;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 at three points of a run — after intake, during the read step, during the report — each time in a
 * separate JVM with a 512 MB heap on the test classpath; the next {@code run} recovers the interrupted run
 * and the last one ends with a 综合排名.xlsx equal, cell by cell, to that of a clean run in another home.
 * The inputs include a zip bomb, refused within the heap.
 */
class CrashRestartTest {
    private static final String CAMPAIGN = "crash";

    @TempDir
    Path dir;

    @Test
    void killedRunsAreRecoveredAndEndWithTheCleanRunsResults() throws Exception {
        TestHome clean = home(dir.resolve("clean"));
        TestHome crashed = home(dir.resolve("crashed"));

        assertThat(child(clean, 0, line -> false).exitCode()).isZero();

        Child afterIntake = run(crashed, line -> line.contains("个工作簿待处理"));
        assertThat(afterIntake.killed()).as(afterIntake.output()).isTrue();
        Child duringRead = run(crashed, new Predicate<>() {
            private int read;

            @Override
            public boolean test(String line) {
                return line.contains("  已读取 ") && ++read == 3;
            }
        });
        assertThat(duringRead.killed()).as(duringRead.output()).isTrue();
        assertThat(duringRead.output()).contains("恢复中断的运行 ");
        Child duringReport = run(crashed, line -> line.contains("计分完成"));
        assertThat(duringReport.killed()).as(duringReport.output()).isTrue();

        Child last = run(crashed, line -> false);
        assertThat(last.exitCode()).as(last.output()).isZero();
        String runId = afterIntake.output().lines().filter(l -> l.contains("开始汇总")).findFirst().orElseThrow()
                .replaceAll(".*运行编号 ([0-9-]+).*", "$1");
        assertThat(last.output()).contains("恢复中断的运行 " + runId);

        Path recovered = crashed.root().resolve("output").resolve(CAMPAIGN).resolve(runId).resolve("综合排名.xlsx");
        Path expected = clean.latest(CAMPAIGN, "综合排名.xlsx");
        assertThat(RankingWorkbooks.sheetNames(recovered)).isEqualTo(RankingWorkbooks.sheetNames(expected));
        assertThat(RankingWorkbooks.cells(recovered)).isEqualTo(RankingWorkbooks.cells(expected));
        assertThat(RankingWorkbooks.cells(crashed.latest(CAMPAIGN, "综合排名.xlsx"))).isEqualTo(RankingWorkbooks.cells(expected));

        // one run (job instance), four executions: three killed, marked FAILED on recovery, then COMPLETED
        JdbcTemplate db = TestDatabase.open(crashed.root());
        assertThat(new CampaignExecutions(db).runs(CAMPAIGN)).singleElement().satisfies(r -> {
            assertThat(r.runId()).isEqualTo(runId);
            assertThat(r.executions()).isEqualTo(4);
            assertThat(r.status().name()).isEqualTo("COMPLETED");
            assertThat(new CampaignExecutions(db).parsedFiles(r.instanceId())).isEqualTo(12);
        });
        assertThat(db.queryForList("SELECT EXIT_CODE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID", String.class))
                .containsExactly(RunRecovery.INTERRUPTED, RunRecovery.INTERRUPTED, RunRecovery.INTERRUPTED, "COMPLETED");
        assertThat(new RunFileRepository(db, TestDatabase.dialect()).files(runId)).hasSize(12);
    }

    private static TestHome home(Path root) {
        TestHome home = new TestHome(root).sampleCampaign(CAMPAIGN, "shanxi-2020-demo", "shanxi-2020");
        HostileWorkbooks.zipBomb(home.input(CAMPAIGN).resolve("self/压缩炸弹.xlsx"), 40_000_000L);
        return home;
    }

    private record Child(int exitCode, boolean killed, String output) {
    }

    /** A run slowed down a little (80 ms a workbook, one per chunk), so that a kill can land inside the read step. */
    private static Child run(TestHome home, Predicate<String> killWhen) throws Exception {
        return child(home, 80, killWhen);
    }

    /** Runs kaoping in its own JVM; SIGKILLs it (destroyForcibly) as soon as a line of its output matches. */
    private static Child child(TestHome home, int readDelayMs, Predicate<String> killWhen) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("run", CAMPAIGN, "--kaoping.home=" + home.root(),
                "--kaoping-test.read-delay-ms=" + readDelayMs, "--kaoping.read.chunk-size=1"));
        arguments.addAll(TestDatabase.arguments(home.root()));
        List<String> cmd = KaopingJar.onTestClassPath(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), arguments);
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (killWhen.test(line)) {
                    process.destroyForcibly();   // SIGKILL; the JDK closes our end of its output too
                    killed = true;
                    break;
                }
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        return new Child(process.waitFor(), killed, String.join(System.lineSeparator(), lines));
    }
}
