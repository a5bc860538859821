package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaoping.scoring.ranking.DisplayRounding;

class RowWriterTest {

    private static String write(StreamedRows content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter rows = new RowWriter(out, 1, new RowWriter.Styles(3, 4, 5), DisplayRounding.HALF_UP,
                Map.of("审计局", 7));
        content.write(rows);
        rows.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cellsAreNumberedFromTheRowAfterTheHeaderWithTheirStyles() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.text("统计局");
            rows.score(new BigDecimal("28.505"));
            rows.row();
            rows.text(null);
            rows.score(null);
        });
        assertThat(xml).isEqualTo("<row r=\"2\"><c r=\"A2\" s=\"3\" t=\"inlineStr\"><is><t>统计局</t></is></c>"
                + "<c r=\"B2\" s=\"4\"><v>28.51</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" s=\"3\"/><c r=\"B3\" s=\"4\"/></row>");
    }

    @Test
    void textIsEscapedAndKeepsItsSpacesButNeverBecomesAFormula() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.text(" <a & b> ");
            rows.text("=HYPERLINK(\"x\")\u0001");
        });
        assertThat(xml).contains("<t xml:space=\"preserve\"> &lt;a &amp; b&gt; </t>")
                .contains("t=\"inlineStr\"><is><t>=HYPERLINK(\"x\")?</t>")
                .doesNotContain("<f>");
    }

    @Test
    void aTextInTheSharedTableIsWrittenAsItsIndex() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.text("审计局");
        });
        assertThat(xml).isEqualTo("<row r=\"2\"><c r=\"A2\" s=\"3\" t=\"s\"><v>7</v></c></row>");
    }

    @Test
    void aPreparedTextIsWrittenAsTheSameTextWouldBe() throws IOException {
        Map<String, Integer> shared = Map.of("审计局", 7);
        String[] texts = {"审计局", "统计局", " <a & b> ", "", null};
        String prepared = write(rows -> {
            rows.row();
            for (String t : texts) {
                rows.prepared(RowWriter.prepare(t, shared));
            }
        });
        String plain = write(rows -> {
            rows.row();
            for (String t : texts) {
                rows.text(t);
            }
        });
        assertThat(prepared).isEqualTo(plain).isEqualTo("<row r=\"2\"><c r=\"A2\" s=\"3\" t=\"s\"><v>7</v></c>"
                + "<c r=\"B2\" s=\"3\" t=\"inlineStr\"><is><t>统计局</t></is></c>"
                + "<c r=\"C2\" s=\"3\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> &lt;a &amp; b&gt; </t></is></c>"
                + "<c r=\"D2\" s=\"3\"/><c r=\"E2\" s=\"3\"/></row>");
    }

    @Test
    void numbersAreWrittenAsTheyAreInThePlainStyle() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.number(12);
            rows.number(null);
            rows.number(new BigDecimal("0.80"));
        });
        assertThat(xml).isEqualTo("<row r=\"2\"><c r=\"A2\" s=\"5\"><v>12</v></c><c r=\"B2\" s=\"5\"/>"
                + "<c r=\"C2\" s=\"5\"><v>0.80</v></c></row>");
    }

    @Test
    void wholeNumbersAreSpeltTheSameInsideAndPastTheTableOfSmallNumbers() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.number(0);
            rows.number(16_383);
            rows.number(16_384);
            rows.number(-3);
            rows.number(Long.MAX_VALUE);
        });
        assertThat(xml).isEqualTo("<row r=\"2\"><c r=\"A2\" s=\"5\"><v>0</v></c><c r=\"B2\" s=\"5\"><v>16383</v></c>"
                + "<c r=\"C2\" s=\"5\"><v>16384</v></c><c r=\"D2\" s=\"5\"><v>-3</v></c>"
                + "<c r=\"E2\" s=\"5\"><v>9223372036854775807</v></c></row>");
    }

    @Test
    void columnsPastZAreLettered() throws IOException {
        String xml = write(rows -> {
            rows.row();
            for (int i = 0; i < 28; i++) {
                rows.score(BigDecimal.ONE);
            }
        });
        assertThat(xml).contains("<c r=\"Z2\"").contains("<c r=\"AA2\"").contains("<c r=\"AB2\" s=\"4\"><v>1.00</v>");
    }

    @Test
    void textIsUtf8AndWhatXmlCannotCarryBecomesAQuestionMark() throws IOException {
        String xml = write(rows -> {
            rows.row();
            rows.text("é统计局𠀀");
            rows.text("a\uFFFEb\uD800c");
        });
        assertThat(xml).contains("<t>é统计局𠀀</t>").contains("<t>a?b?c</t>");
    }

    @Test
    void rowsLongerThanTheBufferAreWrittenWhole() throws IOException {
        String text = "长".repeat(30_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowWriter rows = new RowWriter(out, 0, new RowWriter.Styles(3, 4, 5), DisplayRounding.HALF_UP, Map.of(), 16);
        for (int i = 0; i < 3; i++) {
            rows.row();
            rows.text(text);
            rows.number(-12L);
        }
        rows.finish();
        StringBuilder expected = new StringBuilder();
        for (int r = 1; r <= 3; r++) {
            expected.append("<row r=\"").append(r).append("\"><c r=\"A").append(r)
                    .append("\" s=\"3\" t=\"inlineStr\"><is><t>").append(text).append("</t></is></c><c r=\"B").append(r)
                    .append("\" s=\"5\"><v>-12</v></c></row>");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void rowsPastTheTableOfSmallNumbersNameTheirCellsWithTheirOwnNumber() throws IOException {
        RowWriter rows = RowWriter.inMemory(99_998, new RowWriter.Styles(3, 4, 5), DisplayRounding.HALF_UP, Map.of(),
                new byte[16]);
        rows.row();
        rows.number(7);
        rows.row();
        rows.number(8);
        rows.finish();

        assertThat(new String(rows.buffer(), 0, rows.size(), StandardCharsets.UTF_8)).isEqualTo(
                "<row r=\"99999\"><c r=\"A99999\" s=\"5\"><v>7</v></c></row>"
                        + "<row r=\"100000\"><c r=\"A100000\" s=\"5\"><v>8</v></c></row>");
    }
}
