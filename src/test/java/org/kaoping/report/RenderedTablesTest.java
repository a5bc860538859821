package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.CellRef;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.DisplayRounding;
import org.kaoping.scoring.RankingRules;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Source;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitResult;

/**
 * A workbook written again with the tables its last writing rendered must read exactly as one written from scratch,
 * whichever of its blocks were laid in as kept.
 */
class RenderedTablesTest {
    private static final int UNITS = 400;
    private static final Leaf LEAF = new Leaf("1.1", "组织领导", "", dec("100"), "一", 1, 1, List.of(), List.of("办公室"),
            null);
    private static final Rubric RUBRIC = new Rubric("t", "测试细则", dec("100"),
            List.of(new Category("一", "组织建设", dec("100"), 1, List.of(), List.of(LEAF))), null, List.of(), List.of(),
            List.of(), List.of());

    @TempDir
    Path dir;

    @Test
    void rerunWithOneUnitChangedLaysInTheBlocksThatDidNotChangeAndReadsAsAFreshWriting() throws IOException {
        Campaign first = Campaign.of(UNITS);
        RenderedTables ranking = new RenderedTables();
        RenderedTables report = new RenderedTables();
        writeBoth(first.result(DisplayRounding.HALF_UP), ranking, report, "1");
        assertThat(ranking.lastWriting()).isEqualTo(new RenderedTables.Counts(0, 4 + 2 + 2 + 0));
        assertThat(report.lastWriting()).isEqualTo(new RenderedTables.Counts(0, 7 + 4));

        // Unit 300 (sheet row 302 of 总排名, block 2; row 152 of its 分组, block 1; rows 602-603 of 差异明细,
        // block 4) has a lower deduction, keeping its rank, and one more discrepancy, which moves every later row of
        // 差异明细 and brings it to the top of 汇总's count by unit.
        Campaign second = first.withUnitChanged(300);
        CampaignResult rerun = second.result(DisplayRounding.HALF_UP);
        writeBoth(rerun, ranking, report, "2");
        writeBoth(rerun, new RenderedTables(), new RenderedTables(), "fresh");

        assertThat(cells(dir.resolve("2/ranking.xlsx"))).isEqualTo(cells(dir.resolve("fresh/ranking.xlsx")));
        assertThat(cells(dir.resolve("2/report.xlsx"))).isEqualTo(cells(dir.resolve("fresh/report.xlsx")));
        // Laid in: 总排名 3 of 4 blocks, unit 300's 分组 1 of 2, the other 分组 2 of 2.
        assertThat(ranking.lastWriting()).isEqualTo(new RenderedTables.Counts(6, 2));
        // 差异明细: blocks 0-3 of 7. 汇总: none of 4; units 301 on keep their lines, but the last block ends with
        // the total, one more.
        assertThat(report.lastWriting()).isEqualTo(new RenderedTables.Counts(4, 3 + 4));
        assertThat(cells(dir.resolve("2/ranking.xlsx"))).anyMatch(c -> c.startsWith("总排名!G302=0.5|"))
                .anyMatch(c -> c.startsWith("总排名!G301=1.0|"));
        assertThat(cells(dir.resolve("2/report.xlsx"))).anyMatch(c -> c.startsWith("差异明细!I604=新增差异|"))
                .anyMatch(c -> c.startsWith("汇总!D2=单位300|"));
    }

    @Test
    void blockWhoseSharedStringsMovedIsRenderedAgain() throws IOException {
        Campaign first = Campaign.of(UNITS);
        RenderedTables report = new RenderedTables();
        new DiscrepancyReportWriter(report).write(first.result(DisplayRounding.HALF_UP), dir.resolve("1/report.xlsx"));

        // Unit 10's discrepancy now names unit 11's file: unit 10's file leaves the shared strings and every later
        // file's index moves down by one, while every row but unit 10's is the same as it was.
        Campaign second = first.withFileOf(10, 11);
        CampaignResult rerun = second.result(DisplayRounding.HALF_UP);
        new DiscrepancyReportWriter(report).write(rerun, dir.resolve("2/report.xlsx"));
        new DiscrepancyReportWriter().write(rerun, dir.resolve("fresh/report.xlsx"));

        List<String> cells = cells(dir.resolve("2/report.xlsx"));
        assertThat(cells).isEqualTo(cells(dir.resolve("fresh/report.xlsx")));
        assertThat(cells).anyMatch(c -> c.startsWith("差异明细!C22=单位11.xlsx|"))
                .anyMatch(c -> c.startsWith("差异明细!C24=单位11.xlsx|"))
                .anyMatch(c -> c.startsWith("差异明细!C800=单位399.xlsx|"));
        // Every block of 差异明细 is rendered again. Of 汇总's, the first and last show 合计, shared after the files
        // and so moved too; the two between show only names and counts.
        assertThat(report.lastWriting()).isEqualTo(new RenderedTables.Counts(2, 7 + 2));
    }

    @Test
    void anotherRoundingRendersEveryBlockAgain() throws IOException {
        Campaign campaign = Campaign.of(UNITS);
        RenderedTables ranking = new RenderedTables();
        new RankingWorkbookWriter(ranking).write(campaign.result(DisplayRounding.HALF_UP), info(), dir.resolve("1.xlsx"));
        new RankingWorkbookWriter(ranking).write(campaign.result(DisplayRounding.HALF_EVEN), info(), dir.resolve("2.xlsx"));

        assertThat(ranking.lastWriting()).isEqualTo(new RenderedTables.Counts(0, 8));
    }

    /** {@code units} units in two 分组, with a discrepancy or two each, and ranks by their totals. */
    private record Campaign(List<RosterUnit> roster, List<Scored> official, List<List<Discrepancy>> discrepancies) {
        static Campaign of(int units) {
            List<RosterUnit> roster = new ArrayList<>();
            List<Scored> official = new ArrayList<>();
            List<List<Discrepancy>> discrepancies = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                RosterUnit unit = new RosterUnit("单位" + i, List.of(), null, i % 2 == 0 ? "市直机关" : "乡镇/街道",
                        i % 2 == 0 ? "第一考核组" : "第二考核组");
                roster.add(unit);
                BigDecimal base = dec("90").subtract(dec("0.01").multiply(BigDecimal.valueOf(i)));
                official.add(scored(unit, base, dec("1")));
                discrepancies.add(List.of(gap(unit, unit.name() + ".xlsx", "相差 " + i + " 分"),
                        gap(unit, unit.name() + ".xlsx", "另一处相差 " + i + " 分")));
            }
            return new Campaign(roster, official, discrepancies);
        }

        Campaign withUnitChanged(int i) {
            List<Scored> changed = new ArrayList<>(official);
            RosterUnit unit = roster.get(i);
            changed.set(i, scored(unit, official.get(i).base(), dec("0.5")));
            List<List<Discrepancy>> more = new ArrayList<>(discrepancies);
            List<Discrepancy> own = new ArrayList<>(more.get(i));
            own.add(gap(unit, unit.name() + ".xlsx", "新增差异"));
            more.set(i, own);
            return new Campaign(roster, changed, more);
        }

        Campaign withFileOf(int i, int other) {
            List<List<Discrepancy>> moved = new ArrayList<>(discrepancies);
            RosterUnit unit = roster.get(i);
            moved.set(i, List.of(gap(unit, roster.get(other).name() + ".xlsx", "相差 " + i + " 分"),
                    gap(unit, roster.get(other).name() + ".xlsx", "另一处相差 " + i + " 分")));
            return new Campaign(roster, official, moved);
        }

        CampaignResult result(DisplayRounding rounding) {
            List<UnitResult> units = new ArrayList<>();
            for (int i = 0; i < roster.size(); i++) {
                units.add(new UnitResult(roster.get(i), Status.RANKED, official.get(i), null, i + 1, i / 2 + 1,
                        roster.get(i).group()));
            }
            List<Discrepancy> all = discrepancies.stream().flatMap(List::stream).toList();
            return new CampaignResult(RUBRIC, units, all,
                    new RankingRules(RankingRules.DEFAULT.method(), RankingRules.DEFAULT.tieBreakers(), rounding,
                            List.of()));
        }

        private static Scored scored(RosterUnit unit, BigDecimal base, BigDecimal deduction) {
            return new Scored(Source.INSPECTION, CellRef.file(unit.group() + ".xlsx"), base, BigDecimal.ZERO,
                    deduction, false, Map.of("1.1", base), List.of(), List.of());
        }

        private static Discrepancy gap(RosterUnit unit, String file, String message) {
            return new Discrepancy(DiscrepancyKind.SELF_OFFICIAL_GAP, unit.name(), new CellRef(file, "评分表", "D5"),
                    LEAF.label(), "90", "89", message);
        }
    }

    private void writeBoth(CampaignResult result, RenderedTables ranking, RenderedTables report, String run) {
        new RankingWorkbookWriter(ranking).write(result, info(), dir.resolve(run).resolve("ranking.xlsx"));
        new DiscrepancyReportWriter(report).write(result, dir.resolve(run).resolve("report.xlsx"));
    }

    private static RunInfo info() {
        return new RunInfo("t", "测试", "t", "测试细则", "run-1", LocalDateTime.of(2025, 1, 2, 9, 30), Duration.ZERO,
                List.of());
    }

    /** Every cell of every sheet as sheet!A1=value|style, in order. */
    private static List<String> cells(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String style = cell.getCellStyle().getIndex() == 0 ? "" : "style " + cell.getCellStyle().getIndex();
                        out.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + cell + "|" + style);
                    }
                }
            }
        }
        return out;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
