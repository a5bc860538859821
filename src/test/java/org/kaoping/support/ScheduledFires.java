package org.kaoping.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several {@code serve} processes sharing one database and a frequent schedule of the demo campaign: they are left
 * to fire for a while, stopped (SIGTERM, so a run in progress finishes), and their logs read for the fire times each
 * ran ({@code 定时运行 demo（计划时间 …）}).
 */
public final class ScheduledFires {
    private static final Pattern FIRED = Pattern.compile("定时运行 demo（计划时间 ([0-9: -]+)）");
    private static final Duration WINDOW = Duration.ofSeconds(16);

    private final List<Path> logs;

    private ScheduledFires(List<Path> logs) {
        this.logs = logs;
    }

    /** The demo home with a schedule every three seconds. */
    public static Path everyThreeSeconds(Path home) throws IOException {
        Path config = home.resolve("config/campaigns/demo.yml");
        TestHome.write(config, Files.readString(config) + "schedule: \"0/3 * * * * ?\"\n");
        return home;
    }

    /** Waits for every node to have started, lets the schedule fire for a while, then stops them all. */
    public static ScheduledFires watch(List<Process> nodes, List<Path> logs) throws Exception {
        for (Path log : logs) {
            KaopingJar.awaitLine(log, "定时运行已启动");
        }
        Thread.sleep(WINDOW.toMillis());
        nodes.forEach(Process::destroy);
        for (int i = 0; i < nodes.size(); i++) {
            Process node = nodes.get(i);
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("node " + i + " still running two minutes after SIGTERM:\n"
                        + Files.readString(logs.get(i)) + "\n" + threads(node));
            }
            assertThat(node.exitValue()).isZero();
        }
        return new ScheduledFires(logs);
    }

    /**
     * Each fire time ran once, on one node: no fire time twice, none skipped because the campaign was already
     * running, every one completed, and as many runs recorded in the database as fire times.
     */
    public void assertEachFireTimeRanOnce(JdbcTemplate db) throws IOException {
        List<String> fireTimes = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int completed = 0;
        for (Path log : logs) {
            String text = Files.readString(log);
            all.append("== ").append(log.getFileName()).append('\n').append(text);
            Matcher m = FIRED.matcher(text);
            while (m.find()) {
                fireTimes.add(m.group(1));
            }
            completed += (int) text.lines().filter(l -> l.contains("定时运行 demo 完成")).count();
        }
        assertThat(fireTimes).as(all.toString()).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
        assertThat(all.toString()).doesNotContain("已跳过").doesNotContain("Exception");
        assertThat(completed).as(all.toString()).isEqualTo(fireTimes.size());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM kp_run WHERE campaign = 'demo'", Integer.class))
                .isEqualTo(fireTimes.size());
    }

    /** What a node that does not stop is doing (jstack), to tell why. */
    private static String threads(Process node) {
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(node.pid())).redirectErrorStream(true).start();
            String out = new String(jstack.getInputStream().readAllBytes());
            jstack.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

}
