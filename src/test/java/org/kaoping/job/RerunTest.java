package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.cli.RunHistory;
import org.kaoping.run.CampaignExecutions;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.run.RunParameters;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reruns: unchanged inputs are not read again and the log says so; a correction changes exactly the unit
 * it corrects, listed old → new in 运行信息; retention keeps the newest run folders; history lists the runs.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class RerunTest {
    private static final TestHome HOME = createHome();
    private static final String CORRECTED = "inspection/第二考核组打分汇总表.xlsx";

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    RunHistory history;

    @Autowired
    CampaignExecutions executions;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        return TestHome.temporary("kaoping-rerun").sampleCampaign("rerun", "shanxi-2020-demo", "shanxi-2020")
                .appendToCampaign("rerun", "retention: 2\n");
    }

    @Test
    void unchangedRerunReadsNothingAndACorrectionChangesExactlyItsUnit(CapturedOutput output) throws IOException {
        assertThat(campaignRun.run("rerun")).isEqualTo(ExitCodes.OK);
        String first = lastRunId();
        int parsed = parsedCount();
        assertThat(runInfo(first)).containsEntry("上次运行", "无（首次运行）");

        assertThat(campaignRun.run("rerun")).isEqualTo(ExitCodes.OK);
        String second = lastRunId();
        assertThat(second).isNotEqualTo(first);
        assertThat(parsedCount()).isEqualTo(parsed);
        assertThat(filesParsed(second)).isZero();
        assertThat(output).contains("输入未变化，结果与上次运行 " + first + " 相同");
        assertThat(runInfo(second)).containsEntry("上次运行", first).containsEntry("输入变化", "输入未变化，结果与上次运行相同")
                .doesNotContainKey("分数变化");

        Path original = HOME.input("rerun").resolve(CORRECTED);
        rewriteCell(original, "省财政厅", 3, 3);
        assertThat(campaignRun.run("rerun")).isEqualTo(ExitCodes.OK);
        String third = lastRunId();
        assertThat(parsedCount()).isEqualTo(parsed + 1);
        assertThat(filesParsed(third)).isEqualTo(1);
        List<Map<String, String>> info = Workbooks.rows(HOME.root().resolve("output/rerun").resolve(third).resolve("综合排名.xlsx"), "运行信息");
        assertThat(info).filteredOn(r -> List.of("上次运行", "输入变化", "新增文件", "更正文件", "移除文件", "分数变化")
                        .contains(r.get("项目")))
                .extracting(r -> r.get("项目") + " " + r.get("内容"))
                .containsExactly("上次运行 " + second, "输入变化 新增 0 个文件，更正 1 个，移除 0 个；1 个单位总分或排名变化",
                        "更正文件 " + CORRECTED, "分数变化 省财政厅：总分 76.00 → 78.00");
        assertThat(output).contains("  更正 " + CORRECTED, "  省财政厅：总分 76.00 → 78.00");

        // retention: 2 keeps the two newest run folders, and latest/
        assertThat(HOME.root().resolve("output/rerun").resolve(first)).doesNotExist();
        assertThat(HOME.root().resolve("output/rerun").resolve(second)).isDirectory();
        assertThat(HOME.root().resolve("output/rerun").resolve(third)).isDirectory();
        assertThat(HOME.latest("rerun", "综合排名.xlsx")).isRegularFile();

        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        assertThat(history("rerun")).containsExactly(
                "考核 rerun 的运行记录（3 次）",
                RunHistory.HEADER,
                first + "  " + time.format(RunParameters.startedAt(first)) + "  完成  11/11  10  " + discrepancies(first),
                second + "  " + time.format(RunParameters.startedAt(second)) + "  完成  0/11  10  " + discrepancies(second),
                third + "  " + time.format(RunParameters.startedAt(third)) + "  完成  1/11  10  " + discrepancies(third));
        assertThat(discrepancies(third)).isEqualTo(Workbooks.rows(HOME.latest("rerun", "差异报告.xlsx"), "差异明细").size());
        assertThat(history("never-run")).containsExactly("考核 never-run 还没有运行记录");
    }

    private List<String> history(String campaign) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        history.print(campaign, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String lastRunId() {
        List<CampaignExecutions.RunExecution> runs = executions.runs("rerun");
        return runs.get(runs.size() - 1).runId();
    }

    private int parsedCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM kp_parse_result", Integer.class);
    }

    private int filesParsed(String runId) {
        return jdbc.queryForObject("SELECT files_parsed FROM kp_run WHERE run_id = ?", Integer.class, runId);
    }

    private int discrepancies(String runId) {
        return jdbc.queryForObject("SELECT discrepancies FROM kp_run WHERE run_id = ?", Integer.class, runId);
    }

    private static Map<String, String> runInfo(String runId) {
        Path file = HOME.root().resolve("output/rerun").resolve(runId).resolve("综合排名.xlsx");
        return Workbooks.rows(file, "运行信息").stream().filter(r -> !r.get("项目").isEmpty())
                .collect(java.util.stream.Collectors.toMap(r -> r.get("项目"), r -> r.get("内容"), (a, b) -> a));
    }

    /** Corrects one score of a matrix workbook in place, as a group re-sending its file under the same name. */
    private static void rewriteCell(Path file, String unit, int column, double value) throws IOException {
        Workbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            for (var row : wb.getSheetAt(0)) {
                var name = row.getCell(1);
                if (name != null && unit.equals(name.toString())) {
                    row.getCell(column).setCellValue(value);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }
}
