package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kaoping.scoring.input.CellRef;

class BinaryDocumentTest {

    /** Far larger than a buffer or a piece (64 KB): a large campaign's file list, hashes and all. */
    @Test
    void aDocumentWrittenStraightIntoItsCompressedFormReadsBackWhole() {
        List<String> lines = IntStream.range(0, 20_000)
                .mapToObj(i -> "self/单位" + i + "自评表.xlsx " + ParseKeys.sha256("file " + i))
                .toList();

        byte[] stored = Binary.deflated(out -> out.list(lines, (w, line) -> {
            w.plain(line);
            w.text(line.substring(0, 4));
            w.number(line.length());
        }));

        List<String> read = new Binary.Reader(Binary.inflate(stored)).list(r -> {
            String line = r.plain();
            assertThat(r.text()).isEqualTo(line.substring(0, 4));
            assertThat(r.number()).isEqualTo(line.length());
            return line;
        });
        assertThat(read).isEqualTo(lines);
        assertThat(stored.length).isLessThan(lines.size() * 120);
    }

    @Test
    void aCorruptDocumentIsReportedNotReadAsSomethingElse() {
        byte[] stored = Binary.deflated(out -> out.plain("self/审计局.xlsx"));
        byte[] truncated = Arrays.copyOf(stored, stored.length - 4);

        assertThatThrownBy(() -> Binary.inflate(truncated)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cellReferencesReadBackAsWrittenWhetherOrNotTheyAreA1() {
        List<CellRef> cells = Arrays.asList(new CellRef("self/审计局.xlsx", "自评表", "D7"),
                new CellRef("self/审计局.xlsx", "自评表", "XFD1048576"), new CellRef("m.xlsx", "汇总", "AB5000"),
                CellRef.file("self/审计局.xlsx"), new CellRef("m.xlsx", "汇总", "a1"),
                new CellRef("m.xlsx", "汇总", "A01"), new CellRef("m.xlsx", "汇总", "B2:C3"), null);
        Binary.Writer out = new Binary.Writer();
        cells.forEach(out::cell);
        Binary.Reader in = new Binary.Reader(out.bytes());

        List<CellRef> read = cells.stream().map(c -> in.cell()).toList();

        assertThat(read).isEqualTo(cells);
        assertThat(read.get(0).cell()).isSameAs(CellRef.a1(6, 3));
    }
}
