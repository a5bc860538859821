package org.kaoping.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.intake.InputFile;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.Source;
import org.kaoping.support.HostileWorkbooks;

/** Hostile workbooks are refused within the configured limits, by POI and FastExcel as they read, never by luck. */
class ReadLimitsTest {
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));
    private static final Roster ROSTER = new Roster(List.of(new RosterUnit("省财政厅", List.of(), 100, "", "第一考核组")));

    @TempDir
    Path dir;

    @AfterAll
    static void restorePoiDefaults() {
        ReadLimits.DEFAULT.applyZipLimits();
    }

    @Test
    void zipBombIsRefusedByTheInflateRatioLongBeforeItExpands() throws IOException {
        // 20 M cells: 320 MB of sheet XML in a zip of a few hundred KB
        Path bomb = HostileWorkbooks.zipBomb(dir.resolve("self/bomb.xlsx"), 20_000_000L);
        assertThat(Files.size(bomb)).isLessThan(1L << 20);
        ParsedWorkbook parsed = parse(ReadLimits.DEFAULT, bomb);
        assertThat(parsed.rejection()).isEqualTo("压缩比异常（疑似压缩炸弹）：解压后大小超过压缩大小的 100 倍（kaoping.read.min-inflate-ratio）");
        assertThat(parsed.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DiscrepancyKind.REJECTED_FILE);
            assertThat(f.message()).contains(ReadLimits.MIN_INFLATE_RATIO);
        });
    }

    @Test
    void entryExpandingBeyondTheMaxEntrySizeIsRefused() {
        ReadLimits small = new ReadLimits(50L << 20, 1_000_000, 0.01, 256L << 10);
        Path big = HostileWorkbooks.manyRows(dir.resolve("self/big.xlsx"), 20_000);
        ParsedWorkbook parsed = parse(small, big);
        assertThat(parsed.rejection()).isEqualTo("解压后内容超过 0.3 MB 的上限（疑似压缩炸弹，kaoping.read.max-entry-size）");
    }

    @Test
    void sheetLongerThanTheRowLimitIsRefusedWhileStreaming() {
        Path rows = HostileWorkbooks.manyRows(dir.resolve("self/rows.xlsx"), 6_000);
        assertThat(parse(ReadLimits.DEFAULT, rows).rejection())
                .isEqualTo("工作表“自查打分表”超过 5000 行的上限（kaoping.read.max-rows）");
        assertThat(parse(ReadLimits.DEFAULT, HostileWorkbooks.manyRows(dir.resolve("self/ok.xlsx"), 5_000)).rejection())
                .doesNotContain(ReadLimits.MAX_ROWS);
    }

    @Test
    void fileLargerThanTheSizeLimitIsRefusedUnopened() throws IOException {
        Path huge = HostileWorkbooks.sparse(dir.resolve("self/huge.xlsx"), 200L << 20);
        try {
            assertThat(parse(ReadLimits.DEFAULT, huge).rejection())
                    .isEqualTo("文件大小 200 MB 超过上限 50 MB（kaoping.read.max-file-size）");
        } finally {
            Files.delete(huge);
        }
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-42");
        Path xxe = HostileWorkbooks.externalEntity(dir.resolve("self/xxe.xlsx"), secret);
        ParsedWorkbook parsed = parse(ReadLimits.DEFAULT, xxe);
        // FastExcel's SAX parser refuses DOCTYPE declarations outright: the file is rejected as unreadable (the
        // parser's words, "DOCTYPE is disallowed", go to the log only)
        assertThat(parsed.rejected()).isTrue();
        assertThat(parsed.rejection()).isEqualTo(Reasons.CORRUPT);
        assertThat(parsed.toString()).doesNotContain("SECRET-42");
    }

    private static ParsedWorkbook parse(ReadLimits limits, Path file) {
        limits.applyZipLimits();
        try {
            InputFile input = new InputFile("self/" + file.getFileName(), Source.SELF, Files.size(file), 0, "", null);
            return new WorkbookParser(SHANXI, ROSTER, limits).parse(input, file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
