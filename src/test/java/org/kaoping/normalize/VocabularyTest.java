package org.kaoping.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaoping.text.Text;

class VocabularyTest {
    private static final List<String> CELLS = List.of("合计", "合 计", "合\n计", " 合计", "\u3000总分", "总　分", "得分合计",
            "总计：", "合计（分）", "一、思想政治建设（20分）", "思想建设", "得分", "自评\n得分", "评分", "（一）", "12.5", "Ⅲ",
            "", "总", "计");

    @Test
    void isOneOfAgreesWithComparingKeysOnEveryKindOfCell() {
        for (Set<String> words : List.of(Vocabulary.TOTAL_ROW, Vocabulary.SCORE, Vocabulary.MAX)) {
            for (String cell : CELLS) {
                assertThat(Vocabulary.isOneOf(words, cell)).as("%s in %s", cell, words)
                        .isEqualTo(words.contains(Text.key(cell)));
            }
        }
    }

    @Test
    void totalRowWordsAreFoundWhateverTheSpacing() {
        assertThat(CELLS.stream().filter(c -> Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, c)))
                .containsExactly("合计", "合 计", "合\n计", " 合计", "\u3000总分", "总　分", "得分合计");
    }
}
