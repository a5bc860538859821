package org.kaoping.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaoping.normalize.ParsedSheets.assertScore;
import static org.kaoping.normalize.ParsedSheets.onlySheet;
import static org.kaoping.normalize.ParsedSheets.score;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kaoping.intake.InputFile;
import org.kaoping.normalize.WorkbookFixtures.Spelling;
import org.kaoping.read.Reasons;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.UnitScorer;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;
import org.kaoping.support.Samples;
import org.kaoping.support.SeedCampaigns;

/**
 * The reading side against workbooks generated in each layout variation units really send (one variation
 * per test), against broken files, and against the sample returns bundled in src/test/resources/samples. Exact cells are
 * asserted because staff use them to open the file and look.
 */
class WorkbookParserTest {
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final Rubric HUNAN = new RubricLoader().load(Path.of("config/rubrics/hunan-2023.yml"));
    private static final String SHEET = "自查打分表";

    private static final Roster ROSTER = new Roster(List.of(
            unit("省发展改革委", "第一考核组", "山西省发展改革委", "省发改委"),
            unit("省教育厅", "第一考核组", "山西省教育厅"),
            unit("省科技厅", "第一考核组", "山西省科技厅"),
            unit("省工信厅", "第一考核组", "山西省工信厅"),
            unit("省民政厅", "第一考核组", "山西省民政厅"),
            unit("省财政厅", "第一考核组", "山西省财政厅"),
            unit("省司法厅", "第二考核组", "山西省司法厅"),
            unit("省人社厅", "第二考核组", "山西省人社厅", "山西省人力资源和社会保障厅"),
            unit("省自然资源厅", "第二考核组", "山西省自然资源厅"),
            unit("省档案局", "第二考核组", "省委办公厅(省档案局)")));

    private static final Roster HUNAN_ROSTER = new Roster(List.of(
            unit("省农科院", "考核一组", "湖南省农科院"),
            unit("省地质院", "考核一组", "湖南省地质院")));

    private static final Rubric JIAOZUO = new RubricLoader().load(Path.of("config/rubrics/jiaozuo-2016.yml"));
    private static final Rubric YIYANG = new RubricLoader().load(Path.of("config/rubrics/yiyang-2021.yml"));
    private static final Roster SEED_ROSTER = new Roster(List.of(
            unit("市委办公室", "第一考核调研组"),
            unit("市气象局", "第一考核组")));

    private final WorkbookParser parser = new WorkbookParser(SHANXI, ROSTER);

    @TempDir
    Path dir;

    private static RosterUnit unit(String name, String group, String... aliases) {
        return new RosterUnit(name, Arrays.asList(aliases), 100, "省直机关", group);
    }

    // ---- generated self-assessments: layout -------------------------------------------------------

    @Test
    void everyLeafRowIsReadWithItsScoreCellAndTheOwnTotal() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .score("1.1", 2.5).score("2.2", 4).score("6.4", 4.5)
                .write(dir, "省财政厅自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.sheets()).hasSize(1);
        ScoreSheet sheet = parsed.sheets().get(0);
        assertThat(sheet.source()).isEqualTo(Source.SELF);
        assertThat(sheet.unit()).isEqualTo("省财政厅");
        assertThat(sheet.group()).isNull();
        assertThat(sheet.origin()).isEqualTo(new CellRef("省财政厅自查打分表.xlsx", SHEET, ""));
        assertThat(sheet.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(SHANXI.leaves().stream().map(Leaf::code).toList());
        assertThat(sheet.scores()).extracting(s -> s.cell().cell())
                .containsExactlyElementsOf(Stream.iterate(4, r -> r + 1).limit(26).map(r -> "F" + r).toList());
        assertScore(sheet, "1.1", "2.5", cell(file, "F4"));
        assertScore(sheet, "2.2", "4", cell(file, "F10"));
        assertScore(sheet, "5.3", "3", cell(file, "F23"));
        assertScore(sheet, "6.4", "4.5", cell(file, "F29"));
        // full marks 100, less 0.5, 2 and 0.5
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F30"));
        assertThat(parsed.adjustments()).isEmpty();
    }

    @Test
    void xlsFileGivesSameScoresAsXlsx() {
        Path xlsx = WorkbookFixtures.shanxiSelf(SHANXI).unitInNextCell("山西省民政厅")
                .score("1.3", "３．５").score("2.2", 4.5).score("5.3", WorkbookFixtures.BLANK).score("6.1", "良好")
                .write(dir, "省民政厅自查打分表");
        Path xls = WorkbookFixtures.shanxiSelf(SHANXI).xls().unitInNextCell("山西省民政厅")
                .score("1.3", "３．５").score("2.2", 4.5).score("5.3", WorkbookFixtures.BLANK).score("6.1", "良好")
                .write(dir, "省民政厅自查打分表");
        assertThat(xls.getFileName().toString()).isEqualTo("省民政厅自查打分表.xls");

        ParsedWorkbook fromXlsx = parseSelf(xlsx);
        ParsedWorkbook fromXls = parseSelf(xls);

        assertThat(fromXls.rejected()).isFalse();
        assertThat(fromXls.findings()).isEmpty();
        ScoreSheet sheet = fromXls.sheets().get(0);
        assertThat(sheet.unit()).isEqualTo("省民政厅");
        assertThat(sheet.scores()).hasSize(26);
        assertScore(sheet, "1.3", "3.5", cell(xls, "F6"));
        assertScore(sheet, "2.2", "4.5", cell(xls, "F10"));
        assertThat(score(sheet, "5.3").blank()).isTrue();
        assertThat(score(sheet, "5.3").cell()).isEqualTo(cell(xls, "F23"));
        assertThat(score(sheet, "6.1").unreadable()).isTrue();
        assertThat(score(sheet, "6.1").cell()).isEqualTo(cell(xls, "F26"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(xls, "F30"));
        // same leaves, values, raw text and cells; only the file name differs
        assertThat(sheet.scores()).extracting(LeafScore::leafCode, s -> plain(s.value()), LeafScore::raw, s -> s.cell().cell())
                .containsExactlyElementsOf(fromXlsx.sheets().get(0).scores().stream()
                        .map(s -> tuple(s.leafCode(), plain(s.value()), s.raw(), s.cell().cell())).toList());
        assertThat(sheet.ownTotal()).isEqualByComparingTo(fromXlsx.sheets().get(0).ownTotal());
    }

    @Test
    void headerBelowNoticeRowsIsFound() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI)
                .notice("（请于5月20日前报送）", "报送邮箱：wmb@example.cn", "（盖章）")
                .unit("省财政厅").score("1.1", 1).score("2.2", 5)
                .write(dir, "省财政厅自查打分表");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        // title, three notices, unit row, header in row 6
        assertScore(sheet, "1.1", "1", cell(file, "F7"));
        assertScore(sheet, "2.2", "5", cell(file, "F13"));
        assertScore(sheet, "6.4", "4", cell(file, "F32"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F33"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("96");
    }

    @Test
    void headerTextWithLineBreaksAndSpacesIsRecognised() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .header("项目", "项 目").header("考核指标", "考核\n指标").header("考核内容及标准", "考核内容\n及标准")
                .header("分值", "分\n值").header("自评得分", "自评\n得分")
                .score("2.2", 5.5)
                .write(dir, "省财政厅自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        assertScore(sheet, "2.2", "5.5", cell(file, "F10"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F30"));
    }

    @Test
    void categoryTypedOneCharacterPerLineStillPlacesRenamedRows() {
        // 3.3 deleted and 4.1 re-typed beyond recognition: only the category cell (四) says which leaf the row is
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").categoriesOneCharPerLine()
                .omit("3.3").rename("4.1", "参与情况", "（本单位自行概括）").score("4.1", 3.5)
                .write(dir, "省财政厅自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(25);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).doesNotContain("3.3");
        assertScore(sheet, "3.2", "3", cell(file, "F15"));
        assertScore(sheet, "4.1", "3.5", cell(file, "F16"));
        assertScore(sheet, "4.2", "4", cell(file, "F17"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F29"));
    }

    @Test
    void blankRowsBetweenCategoriesAreSkipped() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").blankRowBetweenCategories()
                .score("2.1", 3).score("6.4", 4)
                .write(dir, "省财政厅自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        // category 一 in rows 4–8, blank row 9, category 二 from row 10, …, five blank rows in all
        assertScore(sheet, "1.5", "3", cell(file, "F8"));
        assertScore(sheet, "2.1", "3", cell(file, "F10"));
        assertScore(sheet, "2.2", "6", cell(file, "F11"));
        assertScore(sheet, "6.4", "4", cell(file, "F34"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("98");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F35"));
    }

    @Test
    void instructionSheetBeforeTheScoreSheetIsPassedOver() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").instructionSheetFirst()
                .score("2.2", 4)
                .write(dir, "省财政厅自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.origin()).isEqualTo(new CellRef("省财政厅自查打分表.xlsx", SHEET, ""));
        assertScore(sheet, "2.2", "4", new CellRef("省财政厅自查打分表.xlsx", SHEET, "F10"));
        assertThat(parsed.adjustments()).isEmpty();
    }

    // ---- generated self-assessments: which unit -------------------------------------------------

    @Test
    void unitNameInSameCellIsResolvedThroughItsAlias() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("山西省财政厅").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省财政厅");
    }

    @Test
    void unitNameInNextCellIsFound() {
        // the file name names nobody, so B2 is the only place the unit can come from
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unitInNextCell("山西省民政厅").score("2.2", 5)
                .write(dir, "自查打分表");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.unit()).isEqualTo("省民政厅");
        assertScore(sheet, "2.2", "5", cell(file, "F10"));
    }

    @Test
    void unitAliasWithStraySpacesIsResolved() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("  山西省 财政厅 ").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省财政厅");
    }

    @Test
    void unitAliasWithFullWidthBracketsIsResolved() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省委办公厅（省档案局）").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省档案局");
    }

    @Test
    void unitLabelledAsUnitNameIsFound() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unitLabel("单位名称").unit("山西省科技厅").write(dir, "自查打分表");

        assertThat(onlySheet(parseSelf(file)).unit()).isEqualTo("省科技厅");
    }

    @Test
    void unitAbsentFromTheSheetIsTakenFromTheFileName() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).noUnit().score("2.2", 5)
                .write(dir, "附件2 百分考评细则（省科技厅）");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isFalse();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.unit()).isEqualTo("省科技厅");
        assertScore(sheet, "2.2", "5", new CellRef("附件2 百分考评细则（省科技厅）.xlsx", SHEET, "F10"));
    }

    @Test
    void unknownUnitIsRejectedNamingTheLabelCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省外事办").write(dir, "自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.sheets()).isEmpty();
        assertThat(parsed.rejection()).contains("省外事办").contains("不在单位名单中");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_UNIT, cell(file, "A2")));
    }

    @Test
    void unknownUnitInNextCellIsRejectedNamingThatCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unitInNextCell("省外事办").write(dir, "自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_UNIT, cell(file, "B2")));
    }

    @Test
    void unitNamedNowhereIsRejectedNamingTheFile() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).noUnit().write(dir, "自查打分表");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.sheets()).isEmpty();
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_UNIT, CellRef.file("自查打分表.xlsx")));
    }

    // ---- generated self-assessments: score cells -------------------------------------------------

    @Test
    void numericTextIsReadAsScore() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.5", "4.5").write(dir, "省财政厅");

        LeafScore s = score(onlySheet(parseSelf(file)), "2.5");

        assertThat(s.value()).isEqualByComparingTo("4.5");
        assertThat(s.raw()).isEqualTo("4.5");
        assertThat(s.cell()).isEqualTo(cell(file, "F13"));
    }

    @Test
    void fullWidthDigitsAreReadAsScores() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("1.3", "３．５").score("4.4", "４")
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertScore(sheet, "1.3", "3.5", cell(file, "F6"));
        assertScore(sheet, "4.4", "4", cell(file, "F20"));
        // raw text is kept folded to half-width, as reports show it
        assertThat(score(sheet, "1.3").raw()).isEqualTo("3.5");
    }

    @Test
    void scoresWithAPointsSuffixAreRead() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("1.1", "3分").score("2.5", "3.5 分")
                .score("3.1", "２．５分").write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertScore(sheet, "1.1", "3", cell(file, "F4"));
        assertScore(sheet, "2.5", "3.5", cell(file, "F13"));
        assertScore(sheet, "3.1", "2.5", cell(file, "F14"));
    }

    @Test
    void blankScoreIsKeptAsBlankWithItsCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("5.3", WorkbookFixtures.BLANK)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        // the scorer reports MISSING_SCORE from this; the reader must keep the row and its cell
        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        LeafScore s = score(sheet, "5.3");
        assertThat(s.blank()).isTrue();
        assertThat(s.unreadable()).isFalse();
        assertThat(s.value()).isNull();
        assertThat(s.raw()).isEmpty();
        assertThat(s.cell()).isEqualTo(cell(file, "F23"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("96");
    }

    @Test
    void wordInsteadOfScoreIsUnreadableNamingItsCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.2", "良好").write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        // the scorer reports UNREADABLE_SCORE from this, with the raw text and cell kept here
        assertThat(parsed.findings()).isEmpty();
        LeafScore s = score(onlySheet(parsed), "2.2");
        assertThat(s.unreadable()).isTrue();
        assertThat(s.blank()).isFalse();
        assertThat(s.value()).isNull();
        assertThat(s.raw()).isEqualTo("良好");
        assertThat(s.cell()).isEqualTo(cell(file, "F10"));
    }

    @Test
    void scoreAboveMaximumIsReadAsWritten() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("2.2", 8).write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        // capping is the scorer's job (SCORE_ABOVE_MAX); reading must not lose the 8
        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "2.2", "8", cell(file, "F10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("101");
    }

    @Test
    void ownTotalIsReadAsWrittenAndNotRecomputed() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").score("1.1", 2).total("95分").write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.ownTotal()).isEqualByComparingTo("95");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F30"));
        assertThat(sheet.scores().stream().map(LeafScore::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("98");
    }

    @Test
    void formulaCellsAreReadFromTheirCachedValues() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .score("2.2", WorkbookFixtures.formula("6-1.5")).total(WorkbookFixtures.formula("SUM(F4:F29)"))
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertScore(sheet, "2.2", "4.5", cell(file, "F10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97.5");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F30"));
    }

    @Test
    void formulaCellsWithoutCachedValuesAreEvaluated() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").uncachedFormulas()
                .score("2.2", WorkbookFixtures.formula("6-1.5")).total(WorkbookFixtures.formula("SUM(F4:F29)"))
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertScore(sheet, "2.2", "4.5", cell(file, "F10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97.5");
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F30"));
    }

    @Test
    void formulaCellsOfXlsAreReadFromTheirCachedValues() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).xls().unit("省财政厅")
                .score("2.2", WorkbookFixtures.formula("6-1.5")).total(WorkbookFixtures.formula("SUM(F4:F29)"))
                .write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertScore(sheet, "2.2", "4.5", cell(file, "F10"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("97.5");
    }

    @Test
    void rowsInAnotherOrderAreMatchedByName() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .rename("2.3", "业务能力建设", "（业务能力建设）").score("2.3", 2)
                .rename("2.4", "组织建设", "（组织建设）").score("2.4", 3.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        // rows 11 and 12 say 业务能力建设 (2.4) and 组织建设 (2.3): the names win over the rubric order
        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertScore(sheet, "2.4", "2", cell(file, "F11"));
        assertScore(sheet, "2.3", "3.5", cell(file, "F12"));
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).containsSubsequence("2.2", "2.4", "2.3", "2.5");
    }

    @Test
    void rowShowingItsCodeIsMatchedByCodeWhateverItsName() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .rename("5.2", "5.2 秩序管理", "（按本单位实际修改）").score("5.2", 1.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        assertScore(onlySheet(parsed), "5.2", "1.5", cell(file, "F22"));
    }

    @Test
    void missingTotalRowLeavesOwnTotalUnset() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").noTotal().write(dir, "省财政厅");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.scores()).hasSize(26);
        assertThat(sheet.ownTotal()).isNull();
        assertThat(sheet.ownTotalCell()).isNull();
    }

    // ---- generated self-assessments: rows that match no leaf ---------------------------------------

    @Test
    void rowAddedAtTheEndOfACategoryIsAnUnmatchedRowAtItsScoreCell() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .extraRowAfter("2.5", "其他工作", "（本单位自行增加）", 2)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where, Discrepancy::unit)
                .containsExactly(tuple(DiscrepancyKind.UNMATCHED_ROW, cell(file, "F14"), "省财政厅"));
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        assertScore(sheet, "2.5", "5", cell(file, "F13"));
        assertScore(sheet, "3.1", "4", cell(file, "F15"));
        assertThat(sheet.ownTotalCell()).isEqualTo(cell(file, "F31"));
    }

    @Test
    void rowAddedInsideACategoryDoesNotShiftTheLeavesAfterIt() {
        // a row nobody can place, between 2.2 and 2.3: 2.3–2.5 are still known by name
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .extraRowAfter("2.2", "其他工作", "（本单位自行增加）", 2).score("2.3", 3).score("2.4", 2)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNMATCHED_ROW, cell(file, "F11")));
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        assertScore(sheet, "2.2", "6", cell(file, "F10"));
        assertScore(sheet, "2.3", "3", cell(file, "F12"));
        assertScore(sheet, "2.4", "2", cell(file, "F13"));
        assertScore(sheet, "2.5", "5", cell(file, "F14"));
    }

    @Test
    void rowRetypedMidCategoryIsPlacedByPosition() {
        // 2.3's row shows neither its name nor its text; its neighbours are known by name
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .rename("2.3", "党群组织", "（内容按本单位实际填写）").score("2.3", 2.5)
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(26);
        assertScore(sheet, "2.2", "6", cell(file, "F10"));
        assertScore(sheet, "2.3", "2.5", cell(file, "F11"));
        assertScore(sheet, "2.4", "3", cell(file, "F12"));
    }

    // ---- generated self-assessments: claims sheet -----------------------------------------------

    @Test
    void claimsSheetRowsBecomeSelfAdjustmentsWithTheirCells() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .claim("加分", "影响广泛", "省部级", 2, 0.5, "获省级表彰两次")
                .claim("扣分", "通报批评", "", null, "1分", "")
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.adjustments()).hasSize(2);
        Adjustment bonus = parsed.adjustments().get(0);
        assertThat(bonus.source()).isEqualTo(Source.SELF);
        assertThat(bonus.unit()).isEqualTo("省财政厅");
        assertThat(bonus.group()).isNull();
        assertThat(bonus.type()).isEqualTo(AdjustmentType.BONUS);
        assertThat(bonus.item()).isEqualTo("影响广泛");
        assertThat(bonus.level()).isEqualTo("省部级");
        assertThat(bonus.count()).isEqualByComparingTo("2");
        assertThat(bonus.points()).isEqualByComparingTo("0.5");
        assertThat(bonus.evidence()).isEqualTo("获省级表彰两次");
        assertThat(bonus.cell()).isEqualTo(new CellRef("省财政厅.xlsx", "加扣分", "B2"));
        Adjustment deduction = parsed.adjustments().get(1);
        assertThat(deduction.type()).isEqualTo(AdjustmentType.DEDUCTION);
        assertThat(deduction.item()).isEqualTo("通报批评");
        assertThat(deduction.count()).isEqualByComparingTo("1");
        assertThat(deduction.points()).isEqualByComparingTo("1");
        assertThat(deduction.cell()).isEqualTo(new CellRef("省财政厅.xlsx", "加扣分", "B3"));
        // the claims sheet is not a second score table
        assertThat(parsed.sheets()).hasSize(1);
    }

    @Test
    void claimOfUnknownTypeIsAFindingAndNotCounted() {
        Path file = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅")
                .claim("奖励", "影响广泛", "省部级", 1, 0.5, "")
                .claim("加分", "影响广泛", "国家级", "两", 0.8, "")
                .write(dir, "省财政厅");

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.adjustments()).isEmpty();
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(
                        // each at the cell that is wrong: the 类型 奖励, the 次数 两
                        tuple(DiscrepancyKind.UNKNOWN_ITEM, new CellRef("省财政厅.xlsx", "加扣分", "A2")),
                        tuple(DiscrepancyKind.UNREADABLE_SCORE, new CellRef("省财政厅.xlsx", "加扣分", "D3")));
    }

    // ---- generated three-level (Hunan) self-assessment --------------------------------------------

    @Test
    void threeLevelRowsAreMatchedByTheLeafNumberInTheirText() {
        Path file = WorkbookFixtures.hunanSelf(HUNAN).unit("湖南省农科院")
                .score("1", 5.5).score("10", "4.5").score("22", 3)
                .write(dir, "省农科院-自评表");

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER).parse(selfInput(file), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.unit()).isEqualTo("省农科院");
        assertThat(sheet.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(HUNAN.leaves().stream().map(Leaf::code).toList());
        CellRef e4 = new CellRef("省农科院-自评表.xlsx", "自评表", "E4");
        assertScore(sheet, "1", "5.5", e4);
        assertScore(sheet, "10", "4.5", e4.at("E13"));
        assertScore(sheet, "22", "3", e4.at("E25"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("96");
        assertThat(sheet.ownTotalCell()).isEqualTo(e4.at("E26"));
    }

    @Test
    void threeLevelXlsIsReadLikeXlsx() {
        Path file = WorkbookFixtures.hunanSelf(HUNAN).xls().unit("湖南省农科院").score("10", "4.5")
                .write(dir, "省农科院-自评表");

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER).parse(selfInput(file), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).hasSize(22);
        assertScore(sheet, "10", "4.5", new CellRef("省农科院-自评表.xls", "自评表", "E13"));
    }

    // ---- seed layouts: Jiaozuo 2016 and Yiyang 2021 tables (../shared/seeds/003, 004) ----------------

    @Test
    void headerRepeatedWhereTheSeedTableBreaksItsPageIsNotReadAsARow() {
        // the seed repeats 考核项目 | 考核内容及标准 | 加（扣）分 | 得  分 before （四）, on row 18
        Path file = dir.resolve("附件2 百分考评细则（市委办公室）.xlsx");
        SeedCampaigns.writeJiaozuoSelf(JIAOZUO, "市委办公室", Map.of("（四）1", 3), Map.of(), null, file);

        ParsedWorkbook parsed = new WorkbookParser(JIAOZUO, SEED_ROSTER).parse(selfInput(file), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(JIAOZUO.leaves().stream().map(Leaf::code).toList());
        CellRef d17 = new CellRef(file.getFileName().toString(), "自评表", "D17");
        assertScore(sheet, "（三）4", "3", d17);
        assertScore(sheet, "（四）1", "3", d17.at("D19"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("99");
        assertThat(sheet.ownTotalCell()).isEqualTo(d17.at("D31"));
    }

    @Test
    void criterionNumberWrittenWithAClosingBracketPlacesItsRowAfterALeftOutRow() {
        // rows 1(1)–1(3), then criterion 2 left out: "3)党委(党组)切实负起…" must be 3, not the next leaf (2)
        Path file = dir.resolve("市气象局测评自评表.xlsx");
        SeedCampaigns.writeYiyangSelf(YIYANG, "市气象局", Map.of("3", 1.5, "4(2)", 1), Set.of("2"), file);

        ParsedWorkbook parsed = new WorkbookParser(YIYANG, SEED_ROSTER).parse(selfInput(file), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.scores()).extracting(LeafScore::leafCode).doesNotContain("2").hasSize(53);
        CellRef f6 = new CellRef(file.getFileName().toString(), "测评细则", "F6");
        assertScore(sheet, "1(3)", "2", f6);
        assertScore(sheet, "3", "1.5", f6.at("F7"));
        // criterion 4 shows its "4)" on its second part's row, as the seed prints it
        assertScore(sheet, "4(1)", "2", f6.at("F8"));
        assertScore(sheet, "4(2)", "1", f6.at("F9"));
    }

    // ---- generated inspection matrices -------------------------------------------------------------

    @Test
    void matrixColumnsSpelledAsCodesMapToLeaves() {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第一考核组").spelling(Spelling.DOTTED)
                .unit("省财政厅").score("2.2", 5.5).bonus(1).deduction(0.5)
                .unit("省民政厅").score("6.4", 4)
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit, ScoreSheet::group, ScoreSheet::source)
                .containsExactly(tuple("省财政厅", "第一考核组", Source.INSPECTION),
                        tuple("省民政厅", "第一考核组", Source.INSPECTION));
        ScoreSheet first = parsed.sheets().get(0);
        CellRef b4 = new CellRef("评分汇总表.xlsx", "汇总表", "B4");
        assertThat(first.origin()).isEqualTo(b4);
        assertThat(first.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(SHANXI.leaves().stream().map(Leaf::code).toList());
        assertScore(first, "1.1", "3", b4.at("C4"));
        assertScore(first, "2.2", "5.5", b4.at("I4"));
        assertScore(first, "6.4", "4", b4.at("AB4"));
        assertThat(first.bonusTotal()).isEqualByComparingTo("1");
        assertThat(first.bonusCell()).isEqualTo(b4.at("AC4"));
        assertThat(first.deductionTotal()).isEqualByComparingTo("0.5");
        assertThat(first.deductionCell()).isEqualTo(b4.at("AD4"));
        assertThat(first.ownTotal()).isEqualByComparingTo("99");
        assertThat(first.ownTotalCell()).isEqualTo(b4.at("AE4"));
        ScoreSheet second = parsed.sheets().get(1);
        assertScore(second, "6.4", "4", b4.at("AB5"));
        assertThat(second.bonusTotal()).isNull();
        assertThat(second.ownTotal()).isEqualByComparingTo("99");
    }

    @Test
    void matrixColumnsSpelledWithHyphensMapToLeaves() {
        Path file = WorkbookFixtures.matrix(SHANXI).spelling(Spelling.HYPHEN)
                .unit("省司法厅").score("2.2", 5.5).score("5.3", 2)
                .write(dir, "第二考核组打分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.group()).isEqualTo("第二考核组");
        CellRef i4 = new CellRef("第二考核组打分汇总表.xlsx", "汇总表", "I4");
        assertScore(sheet, "2.2", "5.5", i4);
        assertScore(sheet, "5.3", "2", i4.at("V4"));
    }

    @ParameterizedTest
    @EnumSource(value = Spelling.class, names = {"CHINESE_DOT", "CHINESE_COMMA", "FULL_WIDTH_BRACKETS", "BRACKETS"})
    void matrixColumnsSpelledAsChineseOrdinalsMapToLeaves(Spelling spelling) {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第一考核组").spelling(spelling)
                .unit("省科技厅").score("1.1", 2).score("2.2", 5.5).score("6.4", 4.5)
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.unit()).isEqualTo("省科技厅");
        assertThat(sheet.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(SHANXI.leaves().stream().map(Leaf::code).toList());
        CellRef c4 = new CellRef("评分汇总表.xlsx", "汇总表", "C4");
        assertScore(sheet, "1.1", "2", c4);
        assertScore(sheet, "2.2", "5.5", c4.at("I4"));
        assertScore(sheet, "6.4", "4.5", c4.at("AB4"));
    }

    @Test
    void matrixColumnsThatExcelTurnedIntoDatesMapByMonthAndDay() {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第一考核组").spelling(Spelling.EXCEL_DATE)
                .unit("省科技厅").score("1.1", 2).score("2.2", 5.5).score("6.4", 4.5)
                .write(dir, "评分汇总表");

        ScoreSheet sheet = onlySheet(parseInspection(file));

        assertThat(sheet.scores()).extracting(LeafScore::leafCode)
                .containsExactlyElementsOf(SHANXI.leaves().stream().map(Leaf::code).toList());
        CellRef c4 = new CellRef("评分汇总表.xlsx", "汇总表", "C4");
        assertScore(sheet, "2.2", "5.5", c4.at("I4"));
        assertScore(sheet, "6.4", "4.5", c4.at("AB4"));
    }

    @Test
    void matrixColumnsOfAThreeLevelRubricMapByCategoryAndPosition() {
        // 2-1 is the first leaf of category 二, whose code in hunan-2023 is "7"
        Path file = WorkbookFixtures.matrix(HUNAN).spelling(Spelling.HYPHEN).group("考核一组")
                .unit("省地质院").score("7", 2.5).score("22", 4)
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER).parse(inspectionInput(file), file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        assertThat(sheet.unit()).isEqualTo("省地质院");
        assertThat(sheet.scores()).hasSize(22);
        CellRef c4 = new CellRef("评分汇总表.xlsx", "汇总表", "C4");
        assertScore(sheet, "7", "2.5", c4.at("I4"));
        assertScore(sheet, "22", "4", c4.at("X4"));
    }

    @Test
    void deductionPointsOutsideTheRangeAndAnUnknownLevelAreReportedAtTheirOwnCells() {
        Path file = WorkbookFixtures.matrix(HUNAN).group("考核一组").unit("省地质院").write(dir, "考核一组评分汇总表");
        WorkbookFixtures.appendGroupClaims(file, List.of(
                new Object[] {"省地质院", "扣分", "党纪处分", null, 1, 8, "某某受党纪处分"},
                new Object[] {"省地质院", "加分", "荣誉称号", "市级", 1, null, "市级文明单位"}));

        ParsedWorkbook parsed = new WorkbookParser(HUNAN, HUNAN_ROSTER).parse(inspectionInput(file), file);
        Scored scored = new UnitScorer(HUNAN).score(HUNAN_ROSTER.units().get(1), onlySheet(parsed), parsed.adjustments());

        // 分值 8 lies outside 党纪处分's 2–6: counted 6 (100 staff: below the scaled bands)
        assertThat(scored.deduction()).isEqualByComparingTo("6");
        assertThat(scored.discrepancies()).extracting(Discrepancy::kind, d -> d.where().toString()).containsExactly(
                tuple(DiscrepancyKind.DEDUCTION_OUT_OF_RANGE, "考核一组评分汇总表.xlsx!加扣分!F2"),
                tuple(DiscrepancyKind.UNKNOWN_ITEM, "考核一组评分汇总表.xlsx!加扣分!D3"));
    }

    @Test
    void matrixRowOfUnknownUnitIsAFindingWhileOtherRowsCount() {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第一考核组")
                .unit("省财政厅").unit("省外事办").unit("山西省科技厅")
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.rejected()).isFalse();
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit).containsExactly("省财政厅", "省科技厅");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where, Discrepancy::unit)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_UNIT, new CellRef("评分汇总表.xlsx", "汇总表", "B5"), "省外事办"));
    }

    @Test
    void matrixOfUnknownGroupIsRejected() {
        Path file = WorkbookFixtures.matrix(SHANXI).group("第九考核组").unit("省财政厅").write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.sheets()).isEmpty();
        assertThat(parsed.rejection()).contains("无法识别考核组");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_GROUP, new CellRef("评分汇总表.xlsx", "汇总表", "A2")));
    }

    @Test
    void xlsMatrixGivesSameScoresAsXlsx() {
        Path file = WorkbookFixtures.matrix(SHANXI).xls().group("第一考核组").spelling(Spelling.FULL_WIDTH_BRACKETS)
                .unit("省财政厅").score("2.2", 5.5).score("3.2", "良好").deduction(1)
                .write(dir, "评分汇总表");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.findings()).isEmpty();
        ScoreSheet sheet = onlySheet(parsed);
        CellRef i4 = new CellRef("评分汇总表.xls", "汇总表", "I4");
        assertScore(sheet, "2.2", "5.5", i4);
        assertThat(score(sheet, "3.2").unreadable()).isTrue();
        assertThat(score(sheet, "3.2").cell()).isEqualTo(i4.at("N4"));
        assertThat(sheet.deductionTotal()).isEqualByComparingTo("1");
        assertThat(sheet.deductionCell()).isEqualTo(i4.at("AD4"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("94.5");
    }

    @Test
    void aFolderInsideAZipNamesNoUnitAsAFolderOfInputNamesNone() throws IOException {
        Path plain = WorkbookFixtures.shanxiSelf(SHANXI).noUnit().write(dir, "表");
        Path zip = org.kaoping.support.ExportedTables.zip(dir.resolve("回收表格.zip"),
                java.nio.charset.StandardCharsets.UTF_8, true, Map.of("省财政厅/自查打分表.xlsx", Files.readAllBytes(plain)));
        InputFile member = new InputFile("self/回收表格.zip!省财政厅/自查打分表.xlsx", Source.SELF, Files.size(zip), 0L, "",
                null);

        ParsedWorkbook parsed = parser.parse(member, dir.resolve("回收表格.zip!省财政厅/自查打分表.xlsx"));

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo("无法识别单位：表格上方没有“填报单位”“单位名称”“被考核单位”“申报单位”，"
                + "文件名“回收表格.zip!省财政厅/自查打分表.xlsx”中也没有单位名单中的单位");
    }

    @Test
    void aZipNestedTooDeepInAZipIsRefusedAloneNamingItsPathAndTheZipsOtherFilesAreRead() throws IOException {
        byte[] workbook = Files.readAllBytes(WorkbookFixtures.shanxiSelf(SHANXI).write(dir, "省财政厅自查打分表"));
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        byte[] third = Files.readAllBytes(org.kaoping.support.ExportedTables.zip(dir.resolve("三层.zip"), utf8, true,
                Map.of("省审计厅自查打分表.xlsx", workbook)));
        byte[] second = Files.readAllBytes(org.kaoping.support.ExportedTables.zip(dir.resolve("二层.zip"), utf8, true,
                Map.of("三层.zip", third)));
        Path input = dir.resolve("input");
        Files.createDirectories(input.resolve("self"));
        org.kaoping.support.ExportedTables.zip(input.resolve("self/回收表格.zip"), utf8, true,
                Map.of("省财政厅自查打分表.xlsx", workbook, "二层.zip", second));

        List<InputFile> files = new org.kaoping.intake.InputScanner().scan(input);

        assertThat(files).extracting(InputFile::path, InputFile::ignored).containsExactly(
                tuple("self/回收表格.zip!二层.zip!三层.zip", null),
                tuple("self/回收表格.zip!省财政厅自查打分表.xlsx", null));
        ParsedWorkbook deep = parser.parse(files.get(0), input.resolve(files.get(0).path()));
        assertThat(deep.rejected()).isTrue();
        assertThat(deep.rejection()).isEqualTo("压缩包套压缩包超过 2 层（kaoping.read.max-zip-depth）：请解压后提交其中的表格");
        assertThat(parser.parse(files.get(1), input.resolve(files.get(1).path())).rejected()).isFalse();
    }

    // ---- files that cannot be used -------------------------------------------------------------------

    @Test
    void zeroByteXlsxIsRejectedSayingItIsEmpty() throws IOException {
        Path file = Files.createFile(dir.resolve("省财政厅自查打分表.xlsx"));

        assertRejected(parseSelf(file), file, "空文件（0 字节），没有内容：请重新保存后提交");
    }

    @Test
    void textFileRenamedXlsxIsReadAsTextAndRefusedForWhatItLacks() throws IOException {
        Path file = Files.writeString(dir.resolve("省财政厅自查打分表.xlsx"), "单位名称,自评得分\n省财政厅,90\n");

        assertRejected(parseSelf(file), file, "这是文本文件（逗号分隔），扩展名却是 .xlsx；已按文本表格读取，但未找到评分表：前 15 行中没有含“得分”等列名的表头");
    }

    @Test
    void truncatedXlsxIsRejectedWithAReason() throws IOException {
        Path whole = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").write(dir, "完整");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("省财政厅自查打分表.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertRejectedAsUnreadable(parseSelf(file), file);
    }

    @Test
    void truncatedXlsIsRejectedWithAReason() throws IOException {
        Path whole = WorkbookFixtures.shanxiSelf(SHANXI).xls().unit("省财政厅").write(dir, "完整");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("省财政厅自查打分表.xls"), Arrays.copyOf(bytes, bytes.length / 2));

        assertRejectedAsUnreadable(parseSelf(file), file);
    }

    @Test
    void passwordProtectedXlsxIsRejectedSayingSo() throws Exception {
        Path plain = WorkbookFixtures.shanxiSelf(SHANXI).unit("省财政厅").write(dir, "明文");
        Path file = dir.resolve("省财政厅自查打分表.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mima123");
            try (var in = Files.newInputStream(plain);
                 OPCPackage opc = OPCPackage.open(in);
                 var out = encryptor.getDataStream(fs)) {
                opc.save(out);
            }
            try (var out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo("加密的工作簿：请去掉密码后重新提交");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.REJECTED_FILE, CellRef.file("省财政厅自查打分表.xlsx")));
    }

    @Test
    void passwordProtectedXlsIsRejectedSayingSo() {
        Path file;
        // HSSF encrypts on write while this thread-local password is set
        Biff8EncryptionKey.setCurrentUserPassword("mima123");
        try {
            file = WorkbookFixtures.shanxiSelf(SHANXI).xls().unit("省财政厅").write(dir, "省财政厅自查打分表");
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo("加密的工作簿：请去掉密码后重新提交");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.REJECTED_FILE, CellRef.file("省财政厅自查打分表.xls")));
    }

    @Test
    void workbookWithoutScoreTableIsRejectedWithAReason() throws IOException {
        Path file = dir.resolve("省财政厅自查打分表.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("Sheet1");
            WorkbookFixtures.set(sheet, 0, 0, "山西省直文明单位考核指标体系自查打分表");
            WorkbookFixtures.set(sheet, 1, 0, "填报单位：省财政厅");
            WorkbookFixtures.set(sheet, 2, 0, "我单位自评总分为 92 分，详见附件。");
            WorkbookFixtures.save(wb, file);
        }

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.sheets()).isEmpty();
        assertThat(parsed.rejection()).startsWith("未找到评分表");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.REJECTED_FILE, CellRef.file("省财政厅自查打分表.xlsx")));
    }

    // ---- the sample returns ---------------------------------------------------------------------------

    @Test
    void everySampleSelfAssessmentIsReadWithAllItsLeaves() throws IOException {
        Path self = Samples.sample("shanxi-2020-demo").resolve("input/self");
        List<Path> files;
        try (Stream<Path> list = Files.list(self)) {
            files = list.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(files).hasSize(9);

        for (Path file : files) {
            ParsedWorkbook parsed = parseSelf(file);
            String name = file.getFileName().toString();
            assertThat(parsed.rejected()).as(name).isFalse();
            assertThat(parsed.findings()).as(name).isEmpty();
            ScoreSheet sheet = onlySheet(parsed);
            assertThat(name).as("unit named in the file name").startsWith(sheet.unit());
            assertThat(sheet.scores()).as(name).extracting(LeafScore::leafCode)
                    .containsExactlyElementsOf(SHANXI.leaves().stream().map(Leaf::code).toList());
            assertThat(sheet.ownTotal()).as(name).isNotNull();
        }
    }

    @Test
    void sampleScienceDepartmentScoresEightAgainstSixAtF10() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/self/省科技厅自查打分表.xlsx");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.unit()).isEqualTo("省科技厅");
        assertScore(sheet, "2.2", "8", new CellRef("省科技厅自查打分表.xlsx", SHEET, "F10"));
        assertThat(score(sheet, "2.2").raw()).isEqualTo("8分");
        assertScore(sheet, "1.5", "2.5", new CellRef("省科技厅自查打分表.xlsx", SHEET, "F8"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("88.5");
        assertThat(sheet.ownTotalCell()).isEqualTo(new CellRef("省科技厅自查打分表.xlsx", SHEET, "F30"));
    }

    @Test
    void sampleCivilAffairsLeavesPublicHygieneBlankAtF23() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/self/省民政厅自查打分表.xlsx");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        LeafScore hygiene = score(sheet, "5.3");
        assertThat(hygiene.blank()).isTrue();
        assertThat(hygiene.cell()).isEqualTo(new CellRef("省民政厅自查打分表.xlsx", SHEET, "F23"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("79.5");
    }

    @Test
    void sampleCivilAffairsUnitIsFoundInTheNextCell() throws IOException {
        // copied under a name that names nobody, so only B2 (山西省民政厅) can identify the unit
        Path file = Files.copy(Samples.sample("shanxi-2020-demo").resolve("input/self/省民政厅自查打分表.xlsx"),
                dir.resolve("自查打分表.xlsx"));

        ParsedWorkbook parsed = parseSelf(file);

        assertThat(parsed.rejected()).isFalse();
        assertThat(onlySheet(parsed).unit()).isEqualTo("省民政厅");
    }

    @Test
    void sampleFinanceDepartmentOwnTotalIsKeptThoughItDisagrees() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/self/省财政厅自查打分表.xlsx");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        BigDecimal sum = sheet.scores().stream().map(LeafScore::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sheet.ownTotal()).isEqualByComparingTo("81.5");
        assertThat(sum).isNotEqualByComparingTo(sheet.ownTotal());
        assertThat(sheet.ownTotalCell()).isEqualTo(new CellRef("省财政厅自查打分表.xlsx", SHEET, "F30"));
    }

    @Test
    void sampleWithNoticeRowHasItsHeaderInRowFour() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/self/省人社厅自查打分表.xlsx");

        ScoreSheet sheet = onlySheet(parseSelf(file));

        assertThat(sheet.unit()).isEqualTo("省人社厅");
        CellRef f5 = new CellRef("省人社厅自查打分表.xlsx", SHEET, "F5");
        assertScore(sheet, "1.1", "3", f5);
        // 6.4 stays within the 4 points its seed text allows (samples regenerated 2026-12-06)
        assertScore(sheet, "6.4", "4", f5.at("F30"));
        assertThat(sheet.ownTotal()).isEqualByComparingTo("87");
        assertThat(sheet.ownTotalCell()).isEqualTo(f5.at("F31"));
    }

    @Test
    void sampleFirstGroupWorkbookGivesOneSheetPerUnit() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/inspection/第一考核组评分表.xlsx");

        ParsedWorkbook parsed = parseInspection(file);

        assertThat(parsed.findings()).isEmpty();
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit, ScoreSheet::group, ScoreSheet::source)
                .containsExactly(tuple("省发展改革委", "第一考核组", Source.INSPECTION),
                        tuple("省教育厅", "第一考核组", Source.INSPECTION),
                        tuple("省科技厅", "第一考核组", Source.INSPECTION),
                        tuple("省工信厅", "第一考核组", Source.INSPECTION),
                        tuple("省民政厅", "第一考核组", Source.INSPECTION));
        ScoreSheet civil = parsed.sheets().get(4);
        assertScore(civil, "2.2", "4", new CellRef("第一考核组评分表.xlsx", "省民政厅", "F11"));
        assertThat(civil.ownTotal()).isEqualByComparingTo("80.5");
        assertThat(civil.ownTotalCell()).isEqualTo(new CellRef("第一考核组评分表.xlsx", "省民政厅", "F31"));
    }

    @Test
    void sampleSecondGroupMatrixIsReadWithGroupFromFileName() {
        Path file = Samples.sample("shanxi-2020-demo").resolve("input/inspection/第二考核组打分汇总表.xlsx");

        ParsedWorkbook parsed = parseInspection(file);

        // 省生态环境厅 is not in this test's roster: its row is reported, the others count
        assertThat(parsed.sheets()).extracting(ScoreSheet::unit)
                .containsExactly("省司法厅", "省财政厅", "省人社厅", "省自然资源厅");
        assertThat(parsed.sheets()).extracting(ScoreSheet::group).containsOnly("第二考核组");
        CellRef b8 = new CellRef("第二考核组打分汇总表.xlsx", "汇总表", "B8");
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.UNKNOWN_UNIT, b8));
        ScoreSheet justice = parsed.sheets().get(0);
        assertScore(justice, "2.2", "5.5", b8.at("I4"));
        assertScore(justice, "1.1", "2.5", b8.at("C4"));
        assertThat(justice.ownTotal()).isEqualByComparingTo("90");
        assertThat(justice.ownTotalCell()).isEqualTo(b8.at("AE4"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private ParsedWorkbook parseSelf(Path file) {
        return parser.parse(selfInput(file), file);
    }

    private ParsedWorkbook parseInspection(Path file) {
        return parser.parse(inspectionInput(file), file);
    }

    private static InputFile selfInput(Path file) {
        return input("self/", Source.SELF, file);
    }

    private static InputFile inspectionInput(Path file) {
        return input("inspection/", Source.INSPECTION, file);
    }

    private static InputFile input(String folder, Source source, Path file) {
        try {
            return new InputFile(folder + file.getFileName(), source, Files.size(file), 0L, "", null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CellRef cell(Path file, String a1) {
        return new CellRef(file.getFileName().toString(), SHEET, a1);
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static void assertRejectedAsUnreadable(ParsedWorkbook parsed, Path file) {
        assertRejected(parsed, file, Reasons.CORRUPT);
    }

    private static void assertRejected(ParsedWorkbook parsed, Path file, String reason) {
        String name = file.getFileName().toString();
        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.sheets()).isEmpty();
        assertThat(parsed.adjustments()).isEmpty();
        assertThat(parsed.rejection()).isEqualTo(reason).doesNotContain("Exception");
        assertThat(parsed.findings()).extracting(Discrepancy::message).containsExactly("拒收：" + reason);
        assertThat(parsed.findings()).extracting(Discrepancy::kind, Discrepancy::where)
                .containsExactly(tuple(DiscrepancyKind.REJECTED_FILE, CellRef.file(name)));
    }
}
