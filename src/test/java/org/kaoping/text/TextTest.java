package org.kaoping.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void theFastFoldAgreesWithNfkcOnEveryCharacterItHandles() {
        int handled = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = "a" + c + "一";
            String fast = Text.foldSimple(s);
            if (fast != null) {
                handled++;
                assertThat(fast).as("U+%04X", (int) c).isEqualTo(Normalizer.normalize(s, Normalizer.Form.NFKC));
            }
        }
        // ASCII and its whitespace, ideographs, Chinese punctuation, full-width forms, U+3000
        assertThat(handled).isEqualTo(95 + 3 + (0x9FFF - 0x4E00 + 1) + 2 + 10 + 1 + 6 + 94 + 1);
    }

    @Test
    void combiningMarksAndCompatibilityCharactersTakeTheNormaliser() {
        assertThat(Text.foldSimple("e\u0301")).isNull();
        assertThat(Text.clean("e\u0301")).isEqualTo("\u00E9");
        assertThat(Text.foldSimple("Ⅲ")).isNull();
        assertThat(Text.clean("㈠")).isEqualTo("(一)");
    }

    @Test
    void fullWidthFormsAndIdeographicSpaceAreStillFolded() {
        assertThat(Text.clean("（一）１２．５分\u3000")).isEqualTo("(一)12.5分");
        assertThat(Text.key("考评\n项目")).isEqualTo("考评项目");
        assertThat(Text.key("Ⅲ－3")).isEqualTo("III-3");
        assertThat(Text.clean("\u00A0思想建设\u00A0")).isEqualTo("思想建设");
    }

    @Test
    void plainTextIsReturnedAsIsButTrimmed() {
        String plain = "1、思想建设（5分）";
        assertThat(Text.clean(" 思想建设 ")).isEqualTo("思想建设");
        assertThat(Text.clean(plain)).isEqualTo("1、思想建设(5分)");
    }

    @Test
    void aTextBeginningWithAnIdeographHasAKeyBeginningWithIt() {
        for (String s : new String[] {"合计", "思想\n建设（5分）", "一、组织建设", "龥\u0301"}) {
            assertThat(Text.startsWithIdeograph(s)).as(s).isTrue();
            assertThat(Text.key(s).charAt(0)).as(s).isEqualTo(s.charAt(0));
        }
        for (String s : new String[] {" 合计", "\u3000合计", "（一）", "1.1 思想", "Ⅲ", "", null}) {
            assertThat(Text.startsWithIdeograph(s)).as(String.valueOf(s)).isFalse();
        }
    }

    @Test
    void withoutWhitespaceDropsTheRegexWhitespaceClassAndNothingElse() {
        assertThat(Text.withoutWhitespace("填报 单位\t（盖章）\n：\u000B审计\f局\r")).isEqualTo("填报单位（盖章）：审计局");
        assertThat(Text.withoutWhitespace("审计局\u3000\u00A0")).isEqualTo("审计局\u3000\u00A0");
        String plain = "审计局";
        assertThat(Text.withoutWhitespace(plain)).isSameAs(plain);
    }
}
