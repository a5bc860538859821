package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.ExportedTables;
import org.kaoping.support.ExportedTables.Declared;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.kaoping.support.InputSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Shanxi sample campaign twice: as it is, and as an office's folder collects it — returns saved by web systems
 * as HTML, Excel 2003 XML (GBK) or tab-separated ".xls", a UTF-8 CSV, an .ods, two workbooks mailed in a zip with
 * GBK names, a group's matrix as an HTML page — with the desktop's leftovers beside them (a FIFO, a folder named like a workbook, a
 * link leaving input/, a note). Every readable file is read, so every unit ranks exactly as in the clean run; every
 * other file is listed in plain words; the input is left as it was.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeFolderTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final TestHome HOME = createHome();

    @Autowired
    CampaignRun campaignRun;

    private Map<String, String> inputBefore;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        try {
            Path root = Files.createTempDirectory("kaoping-office");
            TestHome home = new TestHome(root)
                    .sampleCampaign("clean", "shanxi-2020-demo", "shanxi-2020")
                    .sampleCampaign("office", "shanxi-2020-demo", "shanxi-2020");
            Path self = home.input("office").resolve("self");
            Path inspection = home.input("office").resolve("inspection");
            convert(self.resolve("省财政厅自查打分表.xlsx"), to -> ExportedTables.html(to.xlsx(), to.named(".xls"), GBK,
                    Declared.HTTP_EQUIV));
            convert(self.resolve("省科技厅自查打分表.xlsx"), to -> ExportedTables.delimited(to.xlsx(), to.named(".xls"), '\t',
                    GBK, false));
            convert(self.resolve("省民政厅自查打分表.xlsx"), to -> ExportedTables.delimited(to.xlsx(), to.named(".csv"), ',',
                    StandardCharsets.UTF_8, true));
            convert(self.resolve("省教育厅自查打分表.xlsx"), to -> ExportedTables.ods(to.xlsx(), to.named(".ods")));
            convert(self.resolve("省人社厅自查打分表.xlsx"), to -> ExportedTables.xmlSpreadsheet(to.xlsx(), to.named(".xls"),
                    GBK));
            convert(inspection.resolve("第二考核组打分汇总表.xlsx"), to -> ExportedTables.html(to.xlsx(), to.named(".xls"),
                    StandardCharsets.UTF_8, Declared.META_CHARSET));
            Path justice = self.resolve("省司法厅自查打分表.xlsx");
            Path industry = self.resolve("省工信厅自查打分表.xlsx");
            Map<String, byte[]> mailed = new LinkedHashMap<>();
            mailed.put("第二组/省司法厅自查打分表.xlsx", Files.readAllBytes(justice));
            mailed.put("省工信厅自查打分表.xlsx", Files.readAllBytes(industry));
            FileTime newest = Files.getLastModifiedTime(justice).compareTo(Files.getLastModifiedTime(industry)) > 0
                    ? Files.getLastModifiedTime(justice) : Files.getLastModifiedTime(industry);
            Path zip = ExportedTables.zip(self.resolve("回收表格.zip"), GBK, false, mailed);
            Files.setLastModifiedTime(zip, newest);
            Files.delete(justice);
            Files.delete(industry);

            Path outside = Files.writeString(root.resolve("桌面上的表.xlsx"), "outside");
            Files.createSymbolicLink(self.resolve("桌面快捷方式.xlsx"), outside);
            Files.createDirectories(self.resolve("旧表.xlsx"));
            Files.writeString(self.resolve("报送说明.txt"), "请于5月20日前报送");
            Path fifo = self.resolve("管道.xls");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Target(Path xlsx) {
        Path named(String extension) {
            String name = xlsx.getFileName().toString();
            return xlsx.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
        }
    }

    /** Replaces a sample workbook by its conversion, with the workbook's time. */
    private static void convert(Path xlsx, java.util.function.Function<Target, Path> conversion) throws IOException {
        FileTime time = Files.getLastModifiedTime(xlsx);
        Path converted = conversion.apply(new Target(xlsx));
        Files.setLastModifiedTime(converted, time);
        Files.delete(xlsx);
    }

    @BeforeAll
    void runBoth() {
        inputBefore = InputSnapshot.of(HOME.input("office"));
        assertThat(campaignRun.run("clean")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("office")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void everyUnitRanksExactlyAsInTheCleanRun() {
        List<Map<String, String>> clean = Workbooks.rows(HOME.latest("clean", "综合排名.xlsx"), "总排名");

        assertThat(clean).hasSize(10);
        assertThat(Workbooks.rows(HOME.latest("office", "综合排名.xlsx"), "总排名")).containsExactlyElementsOf(clean);
    }

    @Test
    void leftoversAreListedByKindAndWebExportsAreSaidToBeReadAsWhatTheyAre() {
        Map<String, String> listed = new TreeMap<>();
        for (Map<String, String> row : Workbooks.rows(HOME.latest("office", "差异报告.xlsx"), "差异明细")) {
            if (List.of("忽略的文件", "拒收文件", "按实际格式读取").contains(row.get("类型"))) {
                listed.put(row.get("文件"), row.get("类型") + "：" + row.get("说明"));
            }
        }

        assertThat(listed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "管道.xls", "忽略的文件：忽略：管道（FIFO），不是文件，未打开",
                "旧表.xlsx", "忽略的文件：忽略：这是文件夹，不是文件（名称像表格文件），未打开",
                "桌面快捷方式.xlsx", "忽略的文件：忽略：指向 input 之外的链接，未打开",
                "报送说明.txt", "忽略的文件：忽略：不是电子表格文件（文本文件，其中没有用制表符或逗号分隔的表格）",
                "省财政厅自查打分表.xls", "按实际格式读取：这是网页文件（HTML），扩展名却是 .xls；已按网页表格读取",
                "省科技厅自查打分表.xls", "按实际格式读取：这是文本文件（制表符分隔），扩展名却是 .xls；已按文本表格读取",
                "省人社厅自查打分表.xls", "按实际格式读取：这是 Excel 2003 XML 表格，扩展名却是 .xls；已按 XML 表格读取",
                "第二考核组打分汇总表.xls", "按实际格式读取：这是网页文件（HTML），扩展名却是 .xls；已按网页表格读取"));
    }

    @Test
    void filesInTheZipAreNamedThroughItInProvenance() {
        List<String> files = Workbooks.rows(HOME.latest("office", "差异报告.xlsx"), "差异明细").stream()
                .map(r -> r.get("文件")).filter(f -> f.startsWith("回收表格.zip")).distinct().sorted().toList();
        List<String> clean = Workbooks.rows(HOME.latest("clean", "差异报告.xlsx"), "差异明细").stream()
                .map(r -> r.get("文件")).filter(f -> f.startsWith("省司法厅") || f.startsWith("省工信厅")).distinct()
                .sorted().toList();

        assertThat(files).hasSameSizeAs(clean);
        assertThat(files).allMatch(f -> f.equals("回收表格.zip!第二组/省司法厅自查打分表.xlsx")
                || f.equals("回收表格.zip!省工信厅自查打分表.xlsx"));
    }

    @Test
    void inputFolderIsLeftExactlyAsItWas() {
        assertThat(InputSnapshot.of(HOME.input("office"))).isEqualTo(inputBefore);
    }

    /** Every regular file under the folder (links not followed): its size, time and content hash. */
}
