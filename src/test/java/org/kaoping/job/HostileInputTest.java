package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.support.HostileWorkbooks;
import org.kaoping.support.TestHome;
import org.kaoping.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A run with a zip bomb, a 200 MB file, a sheet declaring an external entity and a unit name that looks like a
 * formula beside the sample's workbooks: each hostile file is a 拒收文件 naming its limit (or an unknown
 * unit), the run completes, the sample's ranking is untouched and no output cell is a formula.
 */
@SpringBootTest
class HostileInputTest {
    private static final TestHome HOME = createHome();
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\")";

    @Autowired
    CampaignRun campaignRun;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    private static TestHome createHome() {
        TestHome home = TestHome.temporary("kaoping-hostile")
                .sampleCampaign("hostile", "shanxi-2020-demo", "shanxi-2020");
        Path self = home.input("hostile").resolve("self");
        HostileWorkbooks.zipBomb(self.resolve("炸弹.xlsx"), 20_000_000L);
        HostileWorkbooks.manyRows(self.resolve("超长.xlsx"), 6_000);
        HostileWorkbooks.externalEntity(self.resolve("外部实体.xlsx"), self.resolve("../../secret.txt"));
        TestHome.write(home.input("hostile").resolve("../secret.txt"), "SECRET-42");
        HostileWorkbooks.selfAssessmentOf(self.resolve("公式单位.xlsx"), FORMULA);
        return home;
    }

    @Test
    void hostileFilesAreRefusedWithTheirLimitAndTheRunCompletes() throws IOException {
        Path huge = HostileWorkbooks.sparse(HOME.input("hostile").resolve("self/巨大.xlsx"), 200L << 20);
        try {
            assertThat(campaignRun.run("hostile")).isEqualTo(ExitCodes.OK);
        } finally {
            Files.delete(huge);
        }
        List<Map<String, String>> rows = Workbooks.rows(HOME.latest("hostile", "差异报告.xlsx"), "差异明细");
        assertThat(rows).filteredOn(r -> r.get("类型").equals("拒收文件"))
                .extracting(r -> r.get("文件") + " " + r.get("说明"))
                .contains("炸弹.xlsx 拒收：压缩比异常（疑似压缩炸弹）：解压后大小超过压缩大小的 100 倍（kaoping.read.min-inflate-ratio）",
                        "巨大.xlsx 拒收：文件大小 200 MB 超过上限 50 MB（kaoping.read.max-file-size）",
                        "超长.xlsx 拒收：工作表“自查打分表”超过 5000 行的上限（kaoping.read.max-rows）")
                .anySatisfy(r -> assertThat(r).startsWith("外部实体.xlsx 拒收：").doesNotContain("SECRET-42"));
        assertThat(rows).filteredOn(r -> r.get("类型").equals("未知单位")).singleElement()
                .satisfies(r -> assertThat(r.get("说明")).contains(FORMULA));
        assertThat(rows).noneSatisfy(r -> assertThat(r.values().toString()).contains("SECRET-42"));

        List<Map<String, String>> ranking = Workbooks.rows(HOME.latest("hostile", "综合排名.xlsx"), "总排名");
        assertThat(ranking).hasSize(10);
        assertThat(ranking.get(0)).containsEntry("单位名称", "省司法厅").containsEntry("总分", "90");
        assertNoFormulas(HOME.latest("hostile", "综合排名.xlsx"));
        assertNoFormulas(HOME.latest("hostile", "差异报告.xlsx"));
    }

    private static void assertNoFormulas(Path file) throws IOException {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(file.getFileName() + "!" + sheet.getSheetName() + "!"
                                + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }
}
