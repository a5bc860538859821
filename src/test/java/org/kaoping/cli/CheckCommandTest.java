package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.read.ReadLimits;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;

class CheckCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(Path home, String campaign) {
        return new CheckCommand(new KaopingHome(home), new CampaignSetupLoader(), ReadLimits.DEFAULT).check(campaign,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkListsWhatTheNextRunWouldReadRefuseAndIgnoreAndWritesNothing(@TempDir Path root) throws Exception {
        TestHome home = new TestHome(root).sampleCampaign("demo", "shanxi-2020-demo", "shanxi-2020");
        TestHome.write(home.input("demo").resolve("self/省审计厅自查打分表.xlsx"), "这不是一个工作簿");
        TestHome.write(home.input("demo").resolve("self/说明.txt"), "请于5月20日前报送");
        long filesBefore = count(root);

        assertThat(check(root, "demo")).isEqualTo(ExitCodes.OK);

        String listed = out.toString(StandardCharsets.UTF_8);
        assertThat(listed).contains("考核 demo（测试 demo）：评分细则 shanxi-2020，", "单位名单 10 个单位",
                "  读取 inspection/第一考核组评分表.xlsx：", "  拒收 self/省审计厅自查打分表.xlsx：", "  忽略 self/说明.txt：",
                "下次运行将读取 11 个工作簿，拒收 1 个，忽略 1 个文件");
        assertThat(count(root)).isEqualTo(filesBefore);
        assertThat(root.resolve("data")).doesNotExist();
        assertThat(root.resolve("output")).doesNotExist();
    }

    @Test
    void aMisspeltKeyFailsTheCheckWithExitCode3(@TempDir Path root) {
        new TestHome(root).sampleCampaign("demo", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("demo", "shedule: \"0 0 2 * * ?\"\n");

        assertThat(check(root, "demo")).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("配置有误：demo.yml: 未知的键 “shedule”，是否应为 “schedule”？");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static long count(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.count();
        }
    }
}
