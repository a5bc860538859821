package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * serve's watched input folder ({@code watch: 2s}): a file dropped into input/ is consolidated once it has stayed
 * unchanged for two seconds, not while it is still being written; the log names the file that set it off.
 */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WatchedInputTest {
    private static final TestHome HOME = TestHome.temporary("kaoping-watch")
            .sampleCampaign("watched", "shanxi-2020-demo", "shanxi-2020").appendToCampaign("watched", "watch: 2s\n");

    @Autowired
    ServeCommand serveCommand;

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
        registry.add("spring.quartz.scheduler-name", () -> "kaoping-watch-test");
    }

    @Test
    void aDroppedCorrectionIsConsolidatedOnceQuietAndNotWhileItIsStillBeingWritten(CapturedOutput output)
            throws Exception {
        assertThat(campaignRun.run("watched")).isEqualTo(ExitCodes.OK);
        assertThat(serveCommand.start()).isEqualTo(ExitCodes.OK);
        assertThat(output.getOut()).contains("监视 watched 的输入目录");
        Thread.sleep(3_000);
        assertThat(TestHome.runFolders(HOME.root(), "watched")).as("nothing changed since the last run").isEqualTo(1);

        // a correction arriving slowly: written a piece every 500 ms for 4 s, longer than the quiet period
        Path self = HOME.input("watched").resolve("self");
        Path original;
        try (Stream<Path> files = Files.list(self)) {
            original = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(original);
        Path correction = self.resolve("更正-" + original.getFileName());
        int pieces = 8;
        long written = 0;
        for (int i = 0; i < pieces; i++) {
            int from = bytes.length * i / pieces;
            int to = bytes.length * (i + 1) / pieces;
            Files.write(correction, java.util.Arrays.copyOfRange(bytes, from, to), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            written = System.nanoTime();
            Thread.sleep(500);
            assertThat(TestHome.runFolders(HOME.root(), "watched")).as("no run while the file is written, piece %d", i).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestHome.runFolders(HOME.root(), "watched") == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - written)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(output.getOut()).contains("watched 的输入目录有变化（新增 self/" + correction.getFileName()
                + "），已静置，开始汇总");
        assertThat(output.getOut()).doesNotContain("拒收");
    }
}
