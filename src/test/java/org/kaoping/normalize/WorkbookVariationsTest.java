package org.kaoping.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaoping.normalize.ParsedSheets.assertScore;
import static org.kaoping.normalize.ParsedSheets.onlySheet;
import static org.kaoping.normalize.ParsedSheets.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaoping.intake.InputFile;
import org.kaoping.normalize.WorkbookFixtures.Column;
import org.kaoping.normalize.WorkbookFixtures.Format;
import org.kaoping.normalize.WorkbookFixtures.Spelling;
import org.kaoping.read.SheetGrid;
import org.kaoping.read.WorkbookGridReader;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Consolidator;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/**
 * The variations of workbook-formats.md not pinned by {@link WorkbookParserTest}, each read from a generated
 * workbook and, where it gives rise to one, carried through the {@link Consolidator} to the exact discrepancy:
 * kind, file, sheet, cell and leaf. Cell-level cases run on .xls and .xlsx alike.
 */
class WorkbookVariationsTest {
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final Rubric HUNAN = new RubricLoader().load(Path.of("config/rubrics/hunan-2023.yml"));
    private static final String SHEET = "自查打分表";
    private static final String MATRIX = "汇总表";
    private static final String GROUP_1 = "第一考核组";
    private static final String GROUP_2 = "第二考核组";

    private static final Roster ROSTER = new Roster(List.of(
            unit("省财政厅", GROUP_1, "山西省财政厅"),
            unit("省民政厅", GROUP_1, "山西省民政厅"),
            unit("省司法厅", GROUP_2, "山西省司法厅")));
    private static final Roster HUNAN_ROSTER = new Roster(List.of(unit("省地质院", "考核一组", "湖南省地质院")));

    private final WorkbookParser parser = new WorkbookParser(SHANXI, ROSTER);

    @TempDir
    Path dir;

    private static RosterUnit unit(String name, String group, String... aliases) {
        return new RosterUnit(name, Arrays.asList(aliases), 100, "省直机关", group);
    }

    // ---- columns by header text: every synonym, any order ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"得分", "自评得分", "自查得分", "自评分", "评分", "实得分", "考核得分"})
    void everyScoreHeaderWordFindsTheScoreColumn(String word) {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.SCORE, word)
                .score("2.2", 4.5).write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(SHANXI));
        assertScore(sheet, "2.2", "4.5", cell(file, "E10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97.5");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "E30"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"加（扣）分", "加扣分", "加减分", "加(扣)分"})
    void everyAdjustmentHeaderWordFindsTheAdjustmentColumnAndALeadingPlusIsRead(String word) {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.ADJUSTMENT, word)
                .adjustment("2.2", "+1").adjustment("1.1", "-0.5").adjustment("3.1", "＋０．５分")
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(score(sheet, "2.2").adjustment()).isEqualByComparingTo("1");
        assertThat(score(sheet, "2.2").adjustmentCell()).isEqualTo(cell(file, "F10"));
        assertThat(score(sheet, "1.1").adjustment()).isEqualByComparingTo("-0.5");
        assertThat(score(sheet, "1.1").adjustmentCell()).isEqualTo(cell(file, "F4"));
        assertThat(score(sheet, "3.1").adjustment()).isEqualByComparingTo("0.5");
        assertThat(score(sheet, "6.4").adjustment()).isNull();
        // the adjustment column is not a second score column
        assertScore(sheet, "2.2", "6", cell(file, "E10"));
    }

    @Test
    void deductionTypedWithTheMinusSignOfWordIsRead() {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").adjustment("1.1", "\u22121").write(dir, "省财政厅");

        assertThat(score(onlySheet(parseSelf(file)), "1.1").adjustment()).isEqualByComparingTo("-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"填报单位（盖章）", "填报单位(盖章)", "单位名称（公章）"})
    void unitLabelWithASealNoteBeforeItsColonStillNamesTheUnit(String label) {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unitLabel(label).unit("山西省民政厅").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省民政厅");
    }

    @ParameterizedTest
    @ValueSource(strings = {"分值", "标准分", "满分"})
    void everyMaximumHeaderWordMakesABlankScoreRowStillARow(String word) {
        // no item-text columns: only the 分值 cell tells that the row of a blank score is an item row
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.MAX, word)
                .columns(Column.CATEGORY, Column.MAX, Column.SCORE).score("1.2", WorkbookFixtures.BLANK)
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(SHANXI));
        assertThat(score(sheet, "1.2").blank()).isTrue();
        assertThat(score(sheet, "1.2").cell()).isEqualTo(cell(file, "C5"));
        assertScore(sheet, "1.3", "4", cell(file, "C6"));
        assertThat(header(file).maxColumn()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"考核内容及标准", "考核内容", "考评标准", "测评标准", "考评内容", "考核指标", "测评内容"})
    void everyItemTextHeaderWordLetsRowsBeMatchedByName(String word) {
        // no category column: each row is placed by the leaf name under this header alone
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.NAME, word)
                .columns(Column.NAME, Column.MAX, Column.SCORE).score("4.3", 1.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(SHANXI));
        assertScore(sheet, "4.3", "1.5", cell(file, "C19"));
        assertThat(header(file).textColumns()).containsExactly(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"项目", "考核项目", "考评项目", "测评项目", "考评\n项目", "考 核 项 目"})
    void everyCategoryHeaderWordLetsRowsBePlacedByCategoryAndPosition(String word) {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.CATEGORY, word)
                .columns(Column.CATEGORY, Column.SCORE).score("5.1", 3.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(SHANXI));
        assertScore(sheet, "5.1", "3.5", cell(file, "B21"));
        assertThat(header(file).categoryColumn()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"备注", "说明", "扣分原因", "责任部门"})
    void everyNotesHeaderWordIsANotesColumnNotAScoreOrText(String word) {
        Path file = WorkbookFixtures.columnsSelf(SHANXI).unit("省财政厅").header(Column.NOTES, word)
                .note("2.2", "3.1 未完成，扣 1 分").note("6.4", "8分")
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "2.2", "6", cell(file, "E10"));
        assertScore(sheet, "3.1", "4", cell(file, "E14"));
        assertScore(sheet, "6.4", "4", cell(file, "E29"));
        assertThat(header(file).notesColumn()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void columnsInAnotherOrderAreFoundByTheirHeaders(Format format) {
        var fixture = WorkbookFixtures.columnsSelf(SHANXI).format(format).unit("省财政厅")
                .columns(Column.NOTES, Column.SCORE, Column.MAX, Column.TEXT, Column.NAME, Column.CATEGORY)
                .score("1.1", 2).score("2.2", "5.5");
        Path file = fixture.write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(fixture.letter(Column.SCORE)).isEqualTo("B");
        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(SHANXI));
        assertScore(sheet, "1.1", "2", cell(file, "B4"));
        assertScore(sheet, "2.2", "5.5", cell(file, "B10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97.5");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "B30"));
    }

    // ---- the header row: anywhere in the first 15 rows, no further ------------------------------------

    @Test
    void headerOnRowFifteenIsFound() {
        // title, twelve notices, the unit row: the header is row 15, leaf n is row 15 + n
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).notice(notices(12)).unit("省财政厅").score("2.2", 4)
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.unit()).isEqualTo("省财政厅");
        assertScore(sheet, "1.1", "3", cell(file, "F16"));
        assertScore(sheet, "2.2", "4", cell(file, "F22"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F42"));
    }

    @Test
    void headerBelowRowFifteenIsNotLookedForAndTheFileIsRejected() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).notice(notices(13)).unit("省财政厅").write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).startsWith("未找到评分表：前 15 行中");
        assertThat(where(parsed.findings())).containsExactly(
                tuple(DiscrepancyKind.REJECTED_FILE, "", "省财政厅.xlsx", "", "", ""));
    }

    // ---- which unit ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"填报单位", "单位名称", "被考核单位", "申报单位"})
    void everyUnitLabelWordNamesTheUnitInTheSameCell(String label) {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unitLabel(label).unit("山西省财政厅").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省财政厅");
    }

    @ParameterizedTest
    @ValueSource(strings = {"被考核单位", "申报单位"})
    void everyUnitLabelWordNamesTheUnitInTheNextCell(String label) {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).xls().unitLabel(label).unitInNextCell(" 山西省 民政厅")
                .write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省民政厅");
    }

    @Test
    void workbookNamingNoUnitIsRejectedSayingWhereItLooked() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).noUnit().write(dir, "自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo("无法识别单位：表格上方没有“填报单位”“单位名称”“被考核单位”“申报单位”，"
                + "文件名“自查打分表.xlsx”中也没有单位名单中的单位");
        assertThat(where(parsed.findings())).containsExactly(
                tuple(DiscrepancyKind.UNKNOWN_UNIT, "", "自查打分表.xlsx", "", "", ""));
    }

    // ---- score cells, carried through to their discrepancies ------------------------------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void scoreCellProblemsAreReportedAtTheirCellsWithTheirLeaf(Format format) {
        // no cell and an empty-string cell are both blank; the own total says 95, the rows give 96
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).format(format).unit("省财政厅")
                .score("1.1", WorkbookFixtures.BLANK).score("1.2", "").score("1.3", "良好")
                .score("2.2", 8).score("2.3", -1).score("2.4", "  ").total(95)
                .write(dir, "省财政厅自查打分表");
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseSelf(file);
        CampaignResult result = consolidate(parsed);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        assertThat(score(sheet, "1.2").blank()).isTrue();
        assertThat(score(sheet, "2.4").blank()).isTrue();
        assertThat(score(sheet, "1.3").raw()).isEqualTo("良好");
        assertScore(sheet, "2.3", "-1", cell(file, "F11"));
        assertThat(unit(result, "省财政厅").self().base()).isEqualByComparingTo("82");
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.MISSING_SCORE, "省财政厅", name, SHEET, "F4", label("1.1")),
                tuple(DiscrepancyKind.MISSING_SCORE, "省财政厅", name, SHEET, "F5", label("1.2")),
                tuple(DiscrepancyKind.UNREADABLE_SCORE, "省财政厅", name, SHEET, "F6", label("1.3")),
                tuple(DiscrepancyKind.SCORE_ABOVE_MAX, "省财政厅", name, SHEET, "F10", label("2.2")),
                tuple(DiscrepancyKind.SCORE_BELOW_ZERO, "省财政厅", name, SHEET, "F11", label("2.3")),
                tuple(DiscrepancyKind.MISSING_SCORE, "省财政厅", name, SHEET, "F12", label("2.4")),
                tuple(DiscrepancyKind.OWN_TOTAL_DIFFERS, "省财政厅", name, SHEET, "F30", "合计"));
        assertThat(label("2.2")).isEqualTo("2.2 思想道德建设");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void scoresAsTextFullWidthSuffixedAndPlusSignedAreReadInBothFormats(Format format) {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).format(format).unit("省财政厅")
                .score("1.1", "2.5").score("1.3", "３．５").score("2.2", "5 分").score("2.5", "+4")
                .score("3.1", "３分").score("6.4", 3.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);
        CampaignResult result = consolidate(parsed);

        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "1.1", "2.5", cell(file, "F4"));
        assertScore(sheet, "1.3", "3.5", cell(file, "F6"));
        assertScore(sheet, "2.2", "5", cell(file, "F10"));
        assertScore(sheet, "2.5", "4", cell(file, "F13"));
        assertScore(sheet, "3.1", "3", cell(file, "F14"));
        assertScore(sheet, "6.4", "3.5", cell(file, "F29"));
        // full marks (99: 6.4 is capped at 4 by its text) less 0.5, 0.5, 1, 1, 1 and 0.5: the default own total
        // agrees, so nothing to report
        assertThat(unit(result, "省财政厅").self().base()).isEqualByComparingTo("94.5");
        assertThat(found(result, "省财政厅")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void formulaThatFailsIsAnUnreadableScoreAtItsCell(Format format) {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).format(format).unit("省财政厅")
                .score("2.2", WorkbookFixtures.formula("6-1.5")).score("2.3", WorkbookFixtures.formula("1/0"))
                .total(WorkbookFixtures.formula("SUM(F4:F29)"))
                .write(dir, "省财政厅");
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseSelf(file);
        CampaignResult result = consolidate(parsed);

        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "2.2", "4.5", cell(file, "F10"));
        assertThat(score(sheet, "2.3").unreadable()).isTrue();
        // FastExcel's .xls reader gives every cached error as #VALUE!; the cell and the kind are what count
        assertThat(score(sheet, "2.3").raw()).isEqualTo(format == Format.XLS ? "#VALUE!" : "#DIV/0!");
        assertThat(found(result, "省财政厅")).contains(
                tuple(DiscrepancyKind.UNREADABLE_SCORE, "省财政厅", name, SHEET, "F11", label("2.3")));
    }

    @Test
    void uncachedFormulaThatFailsIsAnUnreadableScoreAtItsCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).uncachedFormulas().unit("省财政厅")
                .score("2.2", WorkbookFixtures.formula("6-1.5")).score("2.3", WorkbookFixtures.formula("1/0"))
                .total(93.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);
        CampaignResult result = consolidate(parsed);

        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "2.2", "4.5", cell(file, "F10"));
        assertThat(score(sheet, "2.3").raw()).isEqualTo("#DIV/0!");
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.UNREADABLE_SCORE, "省财政厅", "省财政厅.xlsx", SHEET, "F11", label("2.3")));
    }

    // ---- rows: merged categories, one character per line, blank rows, in both formats --------------------

    @ParameterizedTest
    @EnumSource(Format.class)
    void mergedOneCharacterPerLineCategoriesAndBlankRowsReadAlikeInBothFormats(Format format) {
        // 3.3 deleted and 4.1 re-typed: the merged category cell over blank-separated blocks places the rows
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).format(format).unit("省财政厅").categoriesOneCharPerLine()
                .blankRowBetweenCategories().omit("3.3").rename("4.1", "参与情况", "（本单位自行概括）").score("4.1", 3.5)
                .write(dir, "省财政厅");
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseSelf(file);
        CampaignResult result = consolidate(parsed);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(25);
        // 一 rows 4–8, blank 9, 二 10–14, blank 15, 三 16–17, blank 18, 四 from 19
        assertScore(sheet, "2.1", "4", cell(file, "F10"));
        assertScore(sheet, "3.2", "3", cell(file, "F17"));
        assertScore(sheet, "4.1", "3.5", cell(file, "F19"));
        assertScore(sheet, "4.2", "4", cell(file, "F20"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F34"));
        // the deleted row is an unmatched leaf of the sheet, which has no cell of its own
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.UNMATCHED_LEAF, "省财政厅", name, SHEET, "", label("3.3")));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void mergedIndicatorCellsOfAThreeLevelTableDoNotMakeRowsOfTheirOwn(Format format) {
        Path file = WorkbookFixtures.hunanSelf(HUNAN).format(format).unit("湖南省地质院")
                .score("2", 1).score("3", WorkbookFixtures.BLANK).write(dir, "自评表");
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER).parse(input("self/", Source.SELF, file, 0), file);
        CampaignResult result = new Consolidator(HUNAN, HUNAN_ROSTER, GapThresholds.DEFAULT)
                .consolidate(parsed.sheets(), parsed.adjustments(), parsed.findings());

        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(HUNAN));
        CellRef e5 = new CellRef(name, "自评表", "E5");
        assertScore(sheet, "2", "1", e5);
        assertThat(score(sheet, "3").cell()).isEqualTo(e5.at("E6"));
        assertThat(found(result, "省地质院")).containsExactly(
                tuple(DiscrepancyKind.MISSING_SCORE, "省地质院", name, "自评表", "E6", HUNAN.leaf("3").orElseThrow().label()));
    }

    // ---- inspection matrices -------------------------------------------------------------------------------

    @Test
    void matrixColumnsLabelledByTheLeafCodeMapToThoseLeaves() {
        // hunan-2023 numbers its leaves 1–22: column "7" is leaf 7 (position 2.1), never position 7
        Path file = WorkbookFixtures.matrix(HUNAN).spelling(Spelling.CODE).group("考核一组")
                .unit("省地质院").score("7", 2.5).score("22", 4)
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER)
                .parse(input("inspection/", Source.INSPECTION, file, 0), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsExactlyElementsOf(codes(HUNAN));
        CellRef c4 = new CellRef("评分汇总表.xlsx", MATRIX, "C4");
        assertScore(sheet, "1", "7", c4);
        assertScore(sheet, "7", "2.5", c4.at("I4"));
        assertScore(sheet, "22", "4", c4.at("X4"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void blankAndEmptyStringMatrixCellsAreMissingScoresAtTheirCells(Format format) {
        var matrix = WorkbookFixtures.matrix(SHANXI).group(GROUP_1).unit("省财政厅")
                .score("1.1", WorkbookFixtures.BLANK).score("2.2", "").score("3.1", "良好").score("6.4", "３．５");
        Path file = (format == Format.XLS ? matrix.xls() : matrix).write(dir, "评分汇总表");
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseInspection(file, 0);
        CampaignResult result = consolidate(parsed);

        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "6.4", "3.5", new CellRef(name, MATRIX, "AB4"));
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.MISSING_SCORE, "省财政厅", name, MATRIX, "C4", label("1.1")),
                tuple(DiscrepancyKind.MISSING_SCORE, "省财政厅", name, MATRIX, "I4", label("2.2")),
                tuple(DiscrepancyKind.UNREADABLE_SCORE, "省财政厅", name, MATRIX, "M4", label("3.1")));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void sheetPerUnitIsNamedByItsUnitCellOrElseItsSheetNameWithTheGroupFromItsCell(Format format) {
        // title, 考核组 row, unit row: the header is row 4 and leaf n row 4 + n
        Path file = WorkbookFixtures.unitSheets(dir, "评分表", format,
                WorkbookFixtures.shanxiSelf(SHANXI).sheetName("第一张").notice("考核组：第一考核组")
                        .unitLabel("被考核单位").unit("山西省财政厅").header("自评得分", "得分").score("2.2", 5),
                WorkbookFixtures.shanxiSelf(SHANXI).sheetName("省民政厅").notice("")
                        .noUnit().header("自评得分", "得分").score("1.1", WorkbookFixtures.BLANK));
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseInspection(file, 0);
        CampaignResult result = consolidate(parsed);

        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit, ScoreSheet::group, ScoreSheet::origin).containsExactly(
                tuple("省财政厅", GROUP_1, new CellRef(name, "第一张", "")),
                tuple("省民政厅", GROUP_1, new CellRef(name, "省民政厅", "")));
        assertScore(parsed.sheets().get(0), "2.2", "5", new CellRef(name, "第一张", "F11"));
        assertThat(parsed.sheets().get(0).ownTotalCell()).isEqualTo(new CellRef(name, "第一张", "F31"));
        assertThat(found(result, "省民政厅")).containsExactly(
                tuple(DiscrepancyKind.MISSING_SCORE, "省民政厅", name, "省民政厅", "F5", label("1.1")));
        assertThat(unit(result, "省财政厅").official().base()).isEqualByComparingTo("98");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void matrixAndASheetPerUnitInOneWorkbookAreBothRead(Format format) {
        Path file = WorkbookFixtures.matrix(SHANXI).format(format).group("第一考核组").unit("省财政厅").score("2.2", 5.5)
                .write(dir, "第一考核组评分表");
        WorkbookFixtures.appendUnitSheet(file, WorkbookFixtures.shanxiSelf(SHANXI).sheetName("省民政厅").notice("")
                .unitLabel("被考核单位").unit("省民政厅").header("自评得分", "得分").score("1.1", 2));
        String name = file.getFileName().toString();

        ParsedWorkbook parsed = parseInspection(file, 0);

        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit, ScoreSheet::group)
                .containsExactly(tuple("省财政厅", GROUP_1), tuple("省民政厅", GROUP_1));
        assertScore(parsed.sheets().get(0), "2.2", "5.5", new CellRef(name, "汇总表", "I4"));
        assertScore(parsed.sheets().get(1), "1.1", "2", new CellRef(name, "省民政厅", "F5"));
    }

    @Test
    void matrixOfAGroupNotInTheRosterIsRejectedNamingTheGroupCell() {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第九考核组").unit("省财政厅").write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file, 0);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo("无法识别考核组：“第九考核组”不在单位名单的考核组中（第一考核组、第二考核组）");
        assertThat(where(parsed.findings())).containsExactly(
                tuple(DiscrepancyKind.UNKNOWN_GROUP, "", "评分汇总表.xlsx", MATRIX, "A2", ""));
    }

    @Test
    void newestWorkbookOfAGroupWinsPerUnitAndTheOlderIsSupersededForThatUnitOnly() {
        Path older = WorkbookFixtures.matrix(SHANXI).group(GROUP_1)
                .unit("省财政厅").score("2.2", 3).unit("省民政厅").score("2.2", 4)
                .write(dir, "第一考核组评分汇总表");
        Path newer = WorkbookFixtures.matrix(SHANXI).group(GROUP_1).unit("省财政厅").score("2.2", 5)
                .write(dir, "第一考核组评分汇总表（更正）");

        CampaignResult result = consolidate(parseInspection(older, 1_000), parseInspection(newer, 2_000));

        assertThat(unit(result, "省财政厅").official().leafScores().get("2.2")).isEqualByComparingTo("5");
        assertThat(unit(result, "省财政厅").official().origin())
                .isEqualTo(new CellRef("第一考核组评分汇总表（更正）.xlsx", MATRIX, "B4"));
        assertThat(unit(result, "省民政厅").official().leafScores().get("2.2")).isEqualByComparingTo("4");
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.SUPERSEDED_FILE, "省财政厅", "第一考核组评分汇总表.xlsx", MATRIX, "B4", ""));
        assertThat(found(result, "省民政厅")).isEmpty();
    }

    @Test
    void unitAlsoScoredByAnotherGroupIsReportedAtThatGroupsRowAndNotUsed() {
        Path assigned = WorkbookFixtures.matrix(SHANXI).group(GROUP_1).unit("省财政厅").score("2.2", 5)
                .write(dir, "第一考核组评分汇总表");
        Path other = WorkbookFixtures.matrix(SHANXI).group(GROUP_2).unit("省司法厅").unit("省财政厅").score("2.2", 2)
                .write(dir, "第二考核组评分汇总表");

        CampaignResult result = consolidate(parseInspection(assigned, 1_000), parseInspection(other, 2_000));

        assertThat(unit(result, "省财政厅").scoredBy()).isEqualTo(GROUP_1);
        assertThat(unit(result, "省财政厅").official().leafScores().get("2.2")).isEqualByComparingTo("5");
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.SCORED_BY_OTHER_GROUP, "省财政厅", "第二考核组评分汇总表.xlsx", MATRIX, "B5", ""));
    }

    @Test
    void unitScoredOnlyByAnotherGroupIsScoredFromItAndFlagged() {
        Path other = WorkbookFixtures.matrix(SHANXI).group(GROUP_2).unit("省财政厅").score("2.2", 2)
                .write(dir, "第二考核组评分汇总表");

        CampaignResult result = consolidate(parseInspection(other, 0));

        assertThat(unit(result, "省财政厅").scoredBy()).isEqualTo(GROUP_2);
        assertThat(unit(result, "省财政厅").official().leafScores().get("2.2")).isEqualByComparingTo("2");
        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.SCORED_BY_OTHER_GROUP, "省财政厅", "第二考核组评分汇总表.xlsx", MATRIX, "B4", ""));
    }

    @Test
    void selfScoreAboveTheOfficialOneIsAGapAtTheOfficialLeafCell() {
        Path self = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").write(dir, "省财政厅自查打分表");
        Path matrix = WorkbookFixtures.matrix(SHANXI).group(GROUP_1).unit("省财政厅").score("2.2", 4).score("5.3", 2.5)
                .write(dir, "第一考核组评分汇总表");

        CampaignResult result = consolidate(parseSelf(self), parseInspection(matrix, 0));

        assertThat(found(result, "省财政厅")).containsExactly(
                tuple(DiscrepancyKind.SELF_OFFICIAL_GAP, "省财政厅", "第一考核组评分汇总表.xlsx", MATRIX, "I4", label("2.2")));
        Discrepancy gap = result.discrepancies().stream().filter(d -> d.kind() == DiscrepancyKind.SELF_OFFICIAL_GAP)
                .findFirst().orElseThrow();
        assertThat(gap.selfValue()).isEqualTo("6.00");
        assertThat(gap.officialValue()).isEqualTo("4.00");
        assertThat(gap.message()).contains("省财政厅自查打分表.xlsx!自查打分表!F10");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private ParsedWorkbook parseSelf(Path file) {
        return parser.parse(input("self/", Source.SELF, file, 0), file);
    }

    private ParsedWorkbook parseInspection(Path file, long modified) {
        return parser.parse(input("inspection/", Source.INSPECTION, file, modified), file);
    }

    private static InputFile input(String folder, Source source, Path file, long modified) {
        try {
            return new InputFile(folder + file.getFileName(), source, Files.size(file), modified, "", null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CampaignResult consolidate(ParsedWorkbook... parsed) {
        List<ScoreSheet> sheets = new ArrayList<>();
        List<org.kaoping.scoring.input.Adjustment> adjustments = new ArrayList<>();
        List<Discrepancy> findings = new ArrayList<>();
        for (ParsedWorkbook p : parsed) {
            sheets.addAll(p.sheets());
            adjustments.addAll(p.adjustments());
            findings.addAll(p.findings());
        }
        return new Consolidator(SHANXI, ROSTER, GapThresholds.DEFAULT).consolidate(sheets, adjustments, findings);
    }

    /** The unit's discrepancies but 未提交 (every test leaves out one source or another), in report order. */
    private static List<Tuple> found(CampaignResult result, String unit) {
        return where(result.discrepancies().stream()
                .filter(d -> d.unit().equals(unit) && d.kind() != DiscrepancyKind.NOT_SUBMITTED).toList());
    }

    private static List<Tuple> where(List<Discrepancy> discrepancies) {
        return discrepancies.stream().map(d -> tuple(d.kind(), d.unit(), d.where().file(), d.where().sheet(),
                d.where().cell(), d.item())).toList();
    }

    private static UnitResult unit(CampaignResult result, String name) {
        return result.units().stream().filter(u -> u.unit().name().equals(name)).findFirst().orElseThrow();
    }

    private static ScoreTableHeader header(Path file) {
        SheetGrid grid = new WorkbookGridReader().read(file).get(0);
        Optional<ScoreTableHeader> h = ScoreTableHeader.find(grid);
        assertThat(h).isPresent();
        return h.get();
    }

    private static List<String> codes(Rubric rubric) {
        return rubric.leaves().stream().map(Leaf::code).toList();
    }

    private static String label(String code) {
        return SHANXI.leaf(code).orElseThrow().label();
    }

    private static String[] notices(int n) {
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            lines[i] = "（说明第 " + (i + 1) + " 条）";
        }
        return lines;
    }

    private static CellRef cell(Path file, String a1) {
        return new CellRef(file.getFileName().toString(), SHEET, a1);
    }
}
