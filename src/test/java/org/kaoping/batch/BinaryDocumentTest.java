package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
}
