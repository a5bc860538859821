package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {
    record Entry(String name, BigDecimal total) {
    }

    @Test
    void tiesShareARankAndTheNextRankIsSkipped() {
        Entry a = new Entry("a", new BigDecimal("90"));
        Entry b = new Entry("b", new BigDecimal("85.50"));
        Entry c = new Entry("c", new BigDecimal("85.5"));
        Entry d = new Entry("d", new BigDecimal("80"));
        Map<Entry, Integer> ranks = Ranking.competition(List.of(d, c, b, a), Entry::total);
        assertThat(List.of(ranks.get(a), ranks.get(b), ranks.get(c), ranks.get(d))).containsExactly(1, 2, 2, 4);
    }

    @Test
    void totalsThatDifferOnlyBeyondTwoDecimalsAreNotTied() {
        Entry a = new Entry("a", new BigDecimal("85.504"));
        Entry b = new Entry("b", new BigDecimal("85.501"));
        Map<Entry, Integer> ranks = Ranking.competition(List.of(b, a), Entry::total);
        assertThat(ranks.get(a)).isEqualTo(1);
        assertThat(ranks.get(b)).isEqualTo(2);
    }
}
