package org.kaoping.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {
    record Entry(String name, BigDecimal total) {
    }

    private static final Comparator<Entry> HIGHEST_FIRST = Comparator.comparing(Entry::total, Comparator.reverseOrder());

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

    @Test
    void denseRanksGiveTheNextTotalTheNextRankWhereCompetitionSkips() {
        Entry a = new Entry("a", new BigDecimal("90"));
        Entry b = new Entry("b", new BigDecimal("90.0"));
        Entry c = new Entry("c", new BigDecimal("88"));
        Entry d = new Entry("d", new BigDecimal("88.00"));
        Entry e = new Entry("e", new BigDecimal("70"));
        List<Entry> entries = List.of(e, d, c, b, a);

        Map<Entry, Integer> competition = Ranking.rank(entries, HIGHEST_FIRST, RankingMethod.COMPETITION);
        Map<Entry, Integer> dense = Ranking.rank(entries, HIGHEST_FIRST, RankingMethod.DENSE);

        assertThat(List.of(a, b, c, d, e)).extracting(competition::get).containsExactly(1, 1, 3, 3, 5);
        assertThat(List.of(a, b, c, d, e)).extracting(dense::get).containsExactly(1, 1, 2, 2, 3);
    }

    @Test
    void denseAndCompetitionAgreeWithoutTies() {
        Entry a = new Entry("a", new BigDecimal("3"));
        Entry b = new Entry("b", new BigDecimal("2"));
        Entry c = new Entry("c", new BigDecimal("1"));
        assertThat(Ranking.rank(List.of(c, a, b), HIGHEST_FIRST, RankingMethod.DENSE))
                .containsEntry(a, 1).containsEntry(b, 2).containsEntry(c, 3);
    }
}
