package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.run.ExitCodes;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    // No run, serve or history is reached by these command lines.
    private final CommandLine commandLine = new CommandLine(null, null, null, null, null, null);

    private int execute(boolean helpOption, String... words) {
        return commandLine.execute(List.of(words), helpOption, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsEveryCommandAndExitCodeAndExitsZero() {
        assertThat(execute(false, "help")).isEqualTo(ExitCodes.OK);
        assertThat(execute(true)).isEqualTo(ExitCodes.OK);

        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("run <考核代码>", "history <考核代码>", "serve", "4 同一考核正在运行");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anUnknownOrIncompleteCommandIsAUsageErrorNamingIt() {
        assertThat(execute(false, "rn", "demo")).isEqualTo(ExitCodes.USAGE);
        assertThat(execute(false, "run")).isEqualTo(ExitCodes.USAGE);
        assertThat(execute(false)).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法识别的命令：rn demo", "无法识别的命令：run", "缺少命令", "用法:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpAndAnUnknownCommandAreAnsweredBeforeTheApplicationStartsAndACommandToRunIsNot() {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(CommandLine.answerBeforeStart(new String[] {"--help"}, o, e)).hasValue(ExitCodes.OK);
        assertThat(CommandLine.answerBeforeStart(new String[] {"rnu", "demo", "--kaoping.home=/x"}, o, e))
                .hasValue(ExitCodes.USAGE);
        assertThat(CommandLine.answerBeforeStart(new String[] {"rubric", "import", "表.xlsx"}, o, e))
                .hasValue(ExitCodes.USAGE);
        assertThat(CommandLine.answerBeforeStart(new String[] {"run", "demo", "--kaoping.home=/x"}, o, e)).isEmpty();
        assertThat(CommandLine.answerBeforeStart(new String[] {"rubric", "import", "表.xlsx", "--id", "mini"}, o, e))
                .isEmpty();
        assertThat(CommandLine.answerBeforeStart(new String[] {"serve"}, o, e)).isEmpty();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("用法: bin/kaoping <命令>");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("无法识别的命令：rnu demo", "无法识别的命令：rubric import 表.xlsx");
    }
}
