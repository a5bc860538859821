package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.intake.InputFile;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.normalize.WorkbookFixtures;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Consolidator;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/**
 * 差异报告.xlsx for a known set of discrepancies read from generated workbooks: every leaf row names the leaf
 * as "code short-name" and its cell in A1 style, 汇总 counts exactly, and both sheets are coloured by severity.
 */
class DiscrepancyReportTest {
    private static final String RED = "FFFFC7CE";
    private static final String YELLOW = "FFFFEB9C";
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final Roster ROSTER = new Roster(List.of(
            new RosterUnit("省财政厅", List.of("山西省财政厅"), 100, "省直机关", "第一考核组"),
            new RosterUnit("省民政厅", List.of(), 100, "省直机关", "第一考核组")));

    @TempDir
    static Path dir;

    private static XSSFWorkbook report;

    /**
     * 省财政厅: self 2.2 = 8 (max 6), 1.3 = 良好, 合计 95 (rows give 96); the group gives 2.2 = 4 (self 6 counted).
     * 省民政厅 sent nothing. One lock file was ignored.
     */
    @BeforeAll
    static void writeReport() throws IOException {
        Path self = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.2", 8).score("1.3", "良好").total(94)
                .write(dir, "省财政厅自查打分表");
        Path matrix = WorkbookFixtures.matrix(SHANXI).group("第一考核组").unit("省财政厅").score("2.2", 4)
                .write(dir, "第一考核组评分汇总表");
        WorkbookParser parser = new WorkbookParser(SHANXI, ROSTER);
        List<ParsedWorkbook> parsed = List.of(parser.parse(input("self/", Source.SELF, self), self),
                parser.parse(input("inspection/", Source.INSPECTION, matrix), matrix));
        List<ScoreSheet> sheets = new ArrayList<>();
        List<Discrepancy> findings = new ArrayList<>();
        parsed.forEach(p -> {
            sheets.addAll(p.sheets());
            findings.addAll(p.findings());
        });
        findings.add(Discrepancy.of(DiscrepancyKind.IGNORED_FILE, "", CellRef.file("~$省财政厅自查打分表.xlsx"), "",
                "忽略：Office 临时锁定文件"));
        CampaignResult result = new Consolidator(SHANXI, ROSTER, GapThresholds.DEFAULT)
                .consolidate(sheets, List.of(), findings);
        Path file = dir.resolve("差异报告.xlsx");
        new DiscrepancyReportWriter().write(result, file);
        try (InputStream in = Files.newInputStream(file)) {
            report = new XSSFWorkbook(in);
        }
    }

    @Test
    void leafRowsNameTheLeafAsCodeAndShortNameAndTheCellInA1Style() {
        assertThat(detail()).containsExactlyInAnyOrder(
                tuple("忽略的文件", "", "~$省财政厅自查打分表.xlsx", "", "", ""),
                tuple("得分无法识别", "省财政厅", "省财政厅自查打分表.xlsx", "自查打分表", "F6", "1.3 廉政建设"),
                tuple("得分超过满分", "省财政厅", "省财政厅自查打分表.xlsx", "自查打分表", "F10", "2.2 思想道德建设"),
                tuple("合计不符", "省财政厅", "省财政厅自查打分表.xlsx", "自查打分表", "F30", "合计"),
                tuple("自评与考核差异", "省财政厅", "第一考核组评分汇总表.xlsx", "汇总表", "I4", "2.2 思想道德建设"),
                tuple("未提交", "省民政厅", "", "", "", ""),
                tuple("未提交", "省民政厅", "", "", "", ""));
    }

    @Test
    void summaryCountsEveryKindAndEveryUnitExactly() {
        assertThat(summary(0)).containsExactly(tuple("得分超过满分", 1), tuple("得分无法识别", 1), tuple("合计不符", 1),
                tuple("自评与考核差异", 1), tuple("未提交", 2), tuple("忽略的文件", 1), tuple("合计", 7));
        assertThat(summary(3)).containsExactly(tuple("省财政厅", 4), tuple("省民政厅", 2), tuple("（无）", 1),
                tuple("合计", 7));
    }

    @Test
    void detailRowsAreColouredBySeverity() {
        Sheet sheet = report.getSheet("差异明细");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String kind = row.getCell(0).getStringCellValue();
            String expected = kind.equals("得分无法识别") || kind.equals("得分超过满分") ? RED : YELLOW;
            for (int c = 0; c < 11; c++) {
                assertThat(fill(row.getCell(c))).as(kind + " column " + c).isEqualTo(expected);
            }
        }
    }

    @Test
    void summaryRowsAreColouredByTheWorstSeverityTheyCount() {
        Sheet sheet = report.getSheet("汇总");
        List<Tuple> kinds = new ArrayList<>();
        List<Tuple> units = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(0) != null) {
                kinds.add(tuple(row.getCell(0).getStringCellValue(), fill(row.getCell(0)), fill(row.getCell(1))));
            }
            if (row.getCell(3) != null) {
                units.add(tuple(row.getCell(3).getStringCellValue(), fill(row.getCell(3)), fill(row.getCell(4))));
            }
        }
        assertThat(kinds).containsExactly(tuple("得分超过满分", RED, RED), tuple("得分无法识别", RED, RED),
                tuple("合计不符", YELLOW, YELLOW), tuple("自评与考核差异", YELLOW, YELLOW), tuple("未提交", YELLOW, YELLOW),
                tuple("忽略的文件", YELLOW, YELLOW), tuple("合计", null, null));
        // 省财政厅 has errors among its four; 省民政厅 and the file-level row only warnings
        assertThat(units).containsExactly(tuple("省财政厅", RED, RED), tuple("省民政厅", YELLOW, YELLOW),
                tuple("（无）", YELLOW, YELLOW), tuple("合计", null, null));
    }

    private static List<Tuple> detail() {
        Sheet sheet = report.getSheet("差异明细");
        List<Tuple> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            rows.add(tuple(Arrays.stream(new int[] {0, 1, 2, 3, 4, 5}).mapToObj(c -> text(row.getCell(c))).toArray()));
        }
        return rows;
    }

    private static List<Tuple> summary(int col) {
        Sheet sheet = report.getSheet("汇总");
        List<Tuple> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(col) != null) {
                rows.add(tuple(row.getCell(col).getStringCellValue(), (int) row.getCell(col + 1).getNumericCellValue()));
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
    }

    private static String fill(Cell cell) {
        if (cell.getCellStyle().getFillPattern() != FillPatternType.SOLID_FOREGROUND) {
            return null;
        }
        return ((XSSFColor) cell.getCellStyle().getFillForegroundColorColor()).getARGBHex();
    }

    private static InputFile input(String folder, Source source, Path file) {
        try {
            return new InputFile(folder + file.getFileName(), source, Files.size(file), 0L, "", null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
