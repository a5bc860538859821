package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaoping.support.MixedCampaign.CLEAN;
import static org.kaoping.support.MixedCampaign.GROUP_2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaoping.store.SqlDialect;
import org.kaoping.run.CampaignRun;
import org.kaoping.run.ExitCodes;
import org.kaoping.store.UnitOutcomeRepository;
import org.kaoping.support.MixedCampaign;
import org.kaoping.support.RankingWorkbooks;
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
 * A rerun scores again only the units whose files changed and takes every other unit's outcome and 分项得分 rows
 * from the run before; its workbooks must still be exactly those of a run that scored everything. The 82 units of
 * seed 003 are run, then corrected in every way a unit or group corrects a campaign, rerun, and compared cell by cell
 * with a new campaign run once on the same files.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class IncrementalRerunTest {
    private static final TestHome HOME = TestHome.temporary("kaoping-incremental");
    private static final String FULL = "clean-full";
    private static final String ROSTER = "rosters/mixed-campaign.xlsx";
    private static final String MATRIX = "inspection/" + GROUP_2 + "评分汇总表.xlsx";
    private static final String MATRIX_CORRECTED = "inspection/" + GROUP_2 + "评分汇总表（更正）.xlsx";

    @Autowired
    CampaignRun campaignRun;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        MixedCampaign.write(HOME);
        HOME.campaign(FULL, MixedCampaign.RUBRIC, ROSTER);
        HOME.register(registry);
    }

    @Test
    void rerunAfterCorrectionsScoresOnlyTheirUnitsAndWritesWhatAFullRunWrites(CapturedOutput output) throws IOException {
        assertThat(campaignRun.run(CLEAN)).isEqualTo(ExitCodes.OK);
        assertThat(rescored(output)).isEqualTo(82);
        List<Map<String, String>> before = Workbooks.rows(HOME.latest(CLEAN, "综合排名.xlsx"), "总排名");
        List<String> group2 = before.stream().filter(r -> r.get("考核组").equals(GROUP_2)).map(r -> r.get("单位名称")).toList();
        assertThat(group2).hasSizeGreaterThan(10);
        String top = group2.get(0);
        String touched = before.stream().filter(r -> !group2.contains(r.get("单位名称"))).skip(3).findFirst()
                .orElseThrow().get("单位名称");
        String withdrawn = before.stream().filter(r -> !group2.contains(r.get("单位名称")) && !r.get("单位名称").equals(touched))
                .skip(10).findFirst().orElseThrow().get("单位名称");

        Path input = HOME.input(CLEAN);
        // The group re-sends its matrix with the first item of its best unit at 0: the newer file supersedes the old
        // one for all its units, and the unit falls in the ranking, which moves the rows of 分项得分 between.
        Workbooks.copyWithMatrixScore(input.resolve(MATRIX), input.resolve(MATRIX_CORRECTED), top, 2, 0);
        Files.setLastModifiedTime(input.resolve(MATRIX_CORRECTED),
                FileTime.fromMillis(Files.getLastModifiedTime(input.resolve(MATRIX)).toMillis() + 60_000));
        // A unit saves its self-assessment again (same content, new time), and another withdraws its own.
        Path touchedFile = input.resolve("self/" + touched + "自评表.xlsx");
        Files.setLastModifiedTime(touchedFile, FileTime.fromMillis(Files.getLastModifiedTime(touchedFile).toMillis() + 1000));
        Files.delete(input.resolve("self/" + withdrawn + "自评表.xlsx"));

        assertThat(campaignRun.run(CLEAN)).isEqualTo(ExitCodes.OK);
        assertThat(rescored(output)).isEqualTo(group2.size() + 2);
        assertThat(rank(top, Workbooks.rows(HOME.latest(CLEAN, "综合排名.xlsx"), "总排名")))
                .isGreaterThan(rank(top, before));

        TestHome.copyTree(input, HOME.input(FULL));
        assertThat(campaignRun.run(FULL)).isEqualTo(ExitCodes.OK);
        assertThat(rescored(output)).isEqualTo(82);
        assertSameReports();

        // Nothing changed: every outcome and every unit's rows come from the run before.
        assertThat(campaignRun.run(CLEAN)).isEqualTo(ExitCodes.OK);
        assertThat(rescored(output)).isZero();
        assertSameReports();
        assertThat(new UnitOutcomeRepository(jdbc, SqlDialect.H2).load(CLEAN)).hasSize(82);
    }

    private static void assertSameReports() {
        assertEveryEntryChecksOut(HOME.latest(CLEAN, "综合排名.xlsx"));
        assertThat(RankingWorkbooks.cells(HOME.latest(CLEAN, "综合排名.xlsx")))
                .isEqualTo(RankingWorkbooks.cells(HOME.latest(FULL, "综合排名.xlsx")));
        for (String sheet : List.of("差异明细", "汇总")) {
            assertThat(Workbooks.rows(HOME.latest(CLEAN, "差异报告.xlsx"), sheet))
                    .isEqualTo(Workbooks.rows(HOME.latest(FULL, "差异报告.xlsx"), sheet));
        }
    }

    /** ZipInputStream checks each entry's CRC-32 and sizes as it reads it to the end (POI's ZipFile does not). */
    private static void assertEveryEntryChecksOut(Path file) {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            while (zip.getNextEntry() != null) {
                zip.readAllBytes();
                entries++;
            }
        } catch (IOException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
        assertThat(entries).isGreaterThan(5);
    }

    private static int rank(String unit, List<Map<String, String>> rows) {
        return Integer.parseInt(rows.stream().filter(r -> r.get("单位名称").equals(unit)).findFirst().orElseThrow()
                .get("排名"));
    }

    /** The number of units the last run scored again, from its log. */
    private static int rescored(CapturedOutput output) {
        String log = output.getOut();
        int end = log.lastIndexOf(" 个单位重新计分");
        int start = log.lastIndexOf('（', end);
        return Integer.parseInt(log.substring(start + 1, end));
    }
}
