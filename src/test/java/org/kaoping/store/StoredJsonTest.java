package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

class StoredJsonTest {

    /** Far larger than a piece (64 KB): a large campaign's file list, hashes and all. */
    @Test
    void aLargeDocumentReadsBackWholeAndCompressed() {
        RunFileRepository.RunFile[] files = IntStream.range(0, 20_000)
                .mapToObj(i -> new RunFileRepository.RunFile(new InputFile("self/单位" + i + "自评表.xlsx", Source.SELF,
                        10_000 + i, 1_700_000_000_000L + i, ParseKeys.sha256("file " + i), i % 7 == 0 ? "空文件" : null,
                        i), i % 7 == 0 ? null : ParseKeys.sha256("key " + i)))
                .toArray(RunFileRepository.RunFile[]::new);

        byte[] stored = StoredJson.write(files);

        assertThat(StoredJson.read(stored, RunFileRepository.RunFile[].class)).isEqualTo(files);
        assertThat(stored.length).isLessThan(files.length * 200);
    }

    @Test
    void aCorruptDocumentIsReportedNotReadAsSomethingElse() {
        byte[] stored = StoredJson.write(new String[] {"self/审计局.xlsx"});
        byte[] truncated = Arrays.copyOf(stored, stored.length - 4);

        assertThatThrownBy(() -> StoredJson.read(truncated, String[].class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void decimalsReadBackWithTheirScale() {
        BigDecimal[] decimals = {new BigDecimal("5.0"), new BigDecimal("5"), new BigDecimal("5.00"),
                new BigDecimal("-0.25"), new BigDecimal("1E+3"), new BigDecimal("0.0000001"), BigDecimal.ZERO,
                new BigDecimal("0.000"), BigDecimal.valueOf(Long.MIN_VALUE, 2), BigDecimal.valueOf(Long.MAX_VALUE),
                new BigDecimal("123456789012345678901234567890.1")};

        BigDecimal[] read = StoredJson.read(StoredJson.write(decimals), BigDecimal[].class);

        for (int i = 0; i < decimals.length; i++) {
            assertThat(read[i].toString()).isEqualTo(decimals[i].toString());
            assertThat(read[i].scale()).isEqualTo(decimals[i].scale());
        }
        assertThat(read[0]).isEqualTo(new BigDecimal("5.0")).isNotEqualTo(new BigDecimal("5"));
    }

    @Test
    void documentsDecodedTogetherShareTheirShortTextsAndDecimals() {
        Canon canon = new Canon();
        byte[] texts = StoredJson.write(new String[] {"1.1 学习", "证明材料".repeat(10)});
        byte[] decimals = StoredJson.write(new BigDecimal[] {new BigDecimal("3.0")});
        var textReader = StoredJson.MAPPER.readerFor(String[].class);
        var decimalReader = StoredJson.MAPPER.readerFor(BigDecimal[].class);

        String[] first = StoredJson.read(texts, textReader, canon);
        String[] second = StoredJson.read(texts, textReader, canon);
        BigDecimal[] firstDecimals = StoredJson.read(decimals, decimalReader, canon);
        BigDecimal[] secondDecimals = StoredJson.read(decimals, decimalReader, canon);

        assertThat(second).isEqualTo(first);
        assertThat(second[0]).isSameAs(first[0]);
        assertThat(second[1]).isNotSameAs(first[1]);
        assertThat(secondDecimals[0]).isSameAs(firstDecimals[0]);
        assertThat(StoredJson.read(texts, String[].class)[0]).isNotSameAs(first[0]);
    }

    @Test
    void cellReferencesReadBackAsWrittenWhetherOrNotTheyAreA1() {
        List<CellRef> cells = Arrays.asList(new CellRef("self/审计局.xlsx", "自评表", "D7"),
                new CellRef("self/审计局.xlsx", "自评表", "XFD1048576"), new CellRef("m.xlsx", "汇总", "AB5000"),
                CellRef.file("self/审计局.xlsx"), new CellRef("m.xlsx", "汇总", "a1"),
                new CellRef("m.xlsx", "汇总", "A01"), new CellRef("m.xlsx", "汇总", "B2:C3"),
                new CellRef(null, null, null), null);

        CellRef[] read = StoredJson.read(StoredJson.write(cells.toArray(CellRef[]::new)), CellRef[].class);

        assertThat(Arrays.asList(read)).isEqualTo(cells);
    }
}
