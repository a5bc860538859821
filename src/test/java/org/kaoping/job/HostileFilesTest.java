package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaoping.normalize.WorkbookFixtures;
import org.kaoping.read.Reasons;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.kaoping.support.InputSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Shanxi sample campaign twice: as it is, and with every kind of file that cannot be used dropped into its
 * input. The second run completes, lists each such file with its kind and reason, leaves the files untouched,
 * and gives every unit exactly the result of the first.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest {
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final String REJECTED = "拒收文件";
    private static final String IGNORED = "忽略的文件";
    private static final String UNREADABLE = "拒收：" + Reasons.CORRUPT;
    private static final String EMPTY = "拒收：空文件（0 字节），没有内容：请重新保存后提交";
    private static final String NO_TABLE = "拒收：未找到评分表：前 15 行中没有含“得分”等列名的表头";
    private static final TestHome HOME = createHome();

    /** Each dropped file: its name, the 类型 and the 说明 its row must have, word for word. */
    private static final List<String[]> DROPPED = List.of(
            // an empty file without an extension is not a spreadsheet; as .xlsx or .xls it is a broken one
            new String[] {"空文件", IGNORED, "忽略：不是电子表格文件"},
            new String[] {"零字节.xlsx", REJECTED, EMPTY},
            new String[] {"零字节.xls", REJECTED, EMPTY},
            new String[] {"省审计厅自查打分表.xlsx", REJECTED, "拒收：这是文本文件（逗号分隔），扩展名却是 .xlsx；已按文本表格读取，但"
                    + NO_TABLE.substring("拒收：".length())},
            new String[] {"省财政厅自查打分表（截断）.xlsx", REJECTED, UNREADABLE},
            new String[] {"省财政厅自查打分表（截断）.xls", REJECTED, UNREADABLE},
            new String[] {"省财政厅自查打分表（加密）.xlsx", REJECTED, "拒收：加密的工作簿：请去掉密码后重新提交"},
            new String[] {"省财政厅截图.xlsx", REJECTED, NO_TABLE},
            new String[] {"省财政厅空白表.xlsx", REJECTED, NO_TABLE},
            new String[] {"~$省财政厅自查打分表.xlsx", IGNORED, "忽略：Office 临时锁定文件"},
            new String[] {".省财政厅自查打分表.xlsx", IGNORED, "忽略：隐藏文件"},
            new String[] {"报送说明.docx", IGNORED, "忽略：不是电子表格文件"},
            new String[] {"报送说明.txt", IGNORED, "忽略：不是电子表格文件（文本文件，其中没有用制表符或逗号分隔的表格）"},
            new String[] {"自查打分表.xlsx", "未知单位", "拒收：无法识别单位：表格上方没有“填报单位”“单位名称”“被考核单位”“申报单位”，"
                    + "文件名“自查打分表.xlsx”中也没有单位名单中的单位"},
            new String[] {"评分汇总表.xlsx", "未知考核组", "拒收：无法识别考核组：表中没有“考核组”“考核调研组”“考评组”单元格，"
                    + "文件名“评分汇总表.xlsx”中也没有单位名单的考核组（第一考核组、第二考核组）"});

    @Autowired
    CampaignRun campaignRun;

    private Map<String, String> inputBefore;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        try {
            Path root = Files.createTempDirectory("kaoping-hostile");
            TestHome home = new TestHome(root)
                    .sampleCampaign("clean", "shanxi-2020-demo", "shanxi-2020")
                    .sampleCampaign("hostile", "shanxi-2020-demo", "shanxi-2020");
            Path self = home.input("hostile").resolve("self");
            Path inspection = home.input("hostile").resolve("inspection");
            Path scratch = Files.createDirectories(root.resolve("scratch"));
            Files.write(self.resolve("空文件"), new byte[0]);
            Files.write(self.resolve("零字节.xlsx"), new byte[0]);
            Files.write(self.resolve("零字节.xls"), new byte[0]);
            Files.writeString(self.resolve("省审计厅自查打分表.xlsx"), "单位名称,自评得分\n省审计厅,90\n");
            WorkbookFixtures.truncated(WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.2", 1)
                    .write(scratch, "整表"), self.resolve("省财政厅自查打分表（截断）.xlsx"));
            WorkbookFixtures.truncated(WorkbookFixtures.shanxiSelf(SHANXI).xls().unit("省财政厅").score("2.2", 1)
                    .write(scratch, "整表"), self.resolve("省财政厅自查打分表（截断）.xls"));
            WorkbookFixtures.encrypted(WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.2", 1)
                    .write(scratch, "明文"), self.resolve("省财政厅自查打分表（加密）.xlsx"), "mima123");
            WorkbookFixtures.pictureOnly(self.resolve("省财政厅截图.xlsx"));
            WorkbookFixtures.emptyWorkbook(self.resolve("省财政厅空白表.xlsx"));
            Files.writeString(self.resolve("~$省财政厅自查打分表.xlsx"), "lock");
            Files.writeString(self.resolve(".省财政厅自查打分表.xlsx"), "hidden");
            Files.write(self.resolve("报送说明.docx"), Files.readAllBytes(WorkbookFixtures.emptyWorkbook(
                    scratch.resolve("文档.xlsx"))));
            Files.writeString(self.resolve("报送说明.txt"), "请于5月20日前报送");
            WorkbookFixtures.shanxiSelf(SHANXI).noUnit().score("2.2", 1).write(self, "自查打分表");
            WorkbookFixtures.matrix(SHANXI).unit("省财政厅").score("2.2", 1).write(inspection, "评分汇总表");
            // older than every sample file, so that nothing here could win as "newest" even if it were read
            try (Stream<Path> files = Files.list(self)) {
                for (Path f : files.toList()) {
                    Files.setLastModifiedTime(f, FileTime.fromMillis(0));
                }
            }
            Files.setLastModifiedTime(inspection.resolve("评分汇总表.xlsx"), FileTime.fromMillis(0));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void runBoth() {
        inputBefore = InputSnapshot.of(HOME.input("hostile"));
        assertThat(campaignRun.run("clean")).isEqualTo(ExitCodes.OK);
        assertThat(campaignRun.run("hostile")).isEqualTo(ExitCodes.OK);
    }

    @Test
    void everyUnusableFileIsListedOnceWithItsKindAndReason() {
        List<Map<String, String>> rows = details("hostile");
        for (String[] dropped : DROPPED) {
            assertThat(rows).as(dropped[0]).filteredOn(r -> r.get("文件").equals(dropped[0])).singleElement()
                    .satisfies(r -> {
                        assertThat(r.get("类型")).isEqualTo(dropped[1]);
                        assertThat(r.get("单位名称")).isEmpty();
                        assertThat(r.get("说明")).isEqualTo(dropped[2]).doesNotContain("Exception");
                    });
        }
    }

    @Test
    void everyOtherDiscrepancyIsExactlyThatOfTheCleanRun() {
        List<String> names = DROPPED.stream().map(d -> d[0]).toList();
        List<Map<String, String>> hostile = details("hostile").stream()
                .filter(r -> !names.contains(r.get("文件"))).toList();

        assertThat(hostile).containsExactlyInAnyOrderElementsOf(details("clean"));
    }

    @Test
    void everyUnitHasExactlyTheResultOfTheCleanRun() {
        List<Map<String, String>> clean = Workbooks.rows(HOME.latest("clean", "综合排名.xlsx"), "总排名");

        assertThat(clean).hasSize(10);
        assertThat(Workbooks.rows(HOME.latest("hostile", "综合排名.xlsx"), "总排名")).containsExactlyElementsOf(clean);
        assertThat(Workbooks.rows(HOME.latest("hostile", "综合排名.xlsx"), "分项得分"))
                .containsExactlyElementsOf(Workbooks.rows(HOME.latest("clean", "综合排名.xlsx"), "分项得分"));
    }

    @Test
    void inputFolderIsLeftExactlyAsItWas() {
        assertThat(InputSnapshot.of(HOME.input("hostile"))).isEqualTo(inputBefore);
    }

    private static List<Map<String, String>> details(String campaign) {
        return Workbooks.rows(HOME.latest(campaign, "差异报告.xlsx"), "差异明细");
    }

    /** Every file under the folder: its size, modification time and content hash. */
}
