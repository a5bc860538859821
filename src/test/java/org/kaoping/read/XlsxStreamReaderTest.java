package org.kaoping.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.support.HostileWorkbooks;
import org.kaoping.support.MixedCampaign;
import org.kaoping.support.Samples;
import org.kaoping.support.TestHome;

/**
 * The lean .xlsx path must read every workbook exactly as FastExcel does — same sheets, cells, numbers and
 * merged regions — or decline it. Checked on the shared samples and on every file of the mixed campaign
 * (all the reading variations of workbook-formats.md).
 */
class XlsxStreamReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryWorkbookAsFastExcelDoesOrDeclinesIt() throws IOException {
        TestHome home = new TestHome(dir.resolve("home"));
        MixedCampaign.write(home);
        List<Path> files = new ArrayList<>(xlsx(Samples.root()));
        files.addAll(xlsx(home.root().resolve("input")));
        assertThat(files).hasSizeGreaterThan(50);

        WorkbookGridReader reference = new WorkbookGridReader(ReadLimits.DEFAULT);
        int lean = 0;
        for (Path file : files) {
            Map<Integer, SheetGrid> sheets = new TreeMap<>();
            List<WorkbookGridReader.Uncached> uncached = new ArrayList<>();
            if (!XlsxStreamReader.read(file, ReadLimits.DEFAULT, sheets, uncached)) {
                continue;
            }
            lean++;
            assertThat(dump(new ArrayList<>(sheets.values()))).as(file.toString())
                    .isEqualTo(dump(reference.readWithFastExcel(file)));
        }
        // every plain .xlsx takes the lean path; the corrupt, encrypted and text-only ones are declined
        assertThat(lean).isGreaterThan(files.size() - 10);
    }

    @Test
    void declinesWhatItShouldNotJudgeItself() {
        Path entity = HostileWorkbooks.externalEntity(dir.resolve("entity.xlsx"), dir.resolve("secret.txt"));
        Path bomb = HostileWorkbooks.zipBomb(dir.resolve("bomb.xlsx"), 2_000_000);
        for (Path file : List.of(entity, bomb)) {
            assertThat(XlsxStreamReader.read(file, ReadLimits.DEFAULT, new TreeMap<>(), new ArrayList<>())).as(file.toString())
                    .isFalse();
        }
    }

    @Test
    void stopsAtTheRowLimitWhileStreaming() {
        Path rows = HostileWorkbooks.manyRows(dir.resolve("rows.xlsx"), 200);
        ReadLimits limits = new ReadLimits(50L << 20, 100, 0.01, 100L << 20);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> XlsxStreamReader.read(rows, limits, new TreeMap<>(), new ArrayList<>()))
                .isInstanceOf(LimitExceeded.class).hasMessage(limits.tooManyRows("自查打分表"));
    }

    @Test
    void decodesExcelEscapes() {
        assertThat(XlsxStreamReader.unescape("a_x000D_b_x0009_")).isEqualTo("a\rb\t");
        assertThat(XlsxStreamReader.unescape("plain_x")).isEqualTo("plain_x");
    }

    private static List<Path> xlsx(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().toList();
        }
    }

    /** Every cell's own value, and for each cell in a merged region whether it continues one. */
    private static String dump(List<SheetGrid> grids) {
        StringBuilder out = new StringBuilder();
        for (SheetGrid g : grids) {
            out.append("sheet ").append(g.index()).append(' ').append(g.name()).append('\n');
            for (int r = 0; r <= g.lastRow(); r++) {
                for (int c = 0; c <= g.lastColumn(); c++) {
                    GridCell own = g.own(r, c);
                    if (!own.isEmpty() || g.isMergeContinuation(r, c)) {
                        out.append(CellRef.a1(r, c)).append('=').append(own.text()).append('|').append(own.number())
                                .append(g.isMergeContinuation(r, c) ? " merged" : "").append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
