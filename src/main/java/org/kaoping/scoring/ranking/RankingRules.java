package org.kaoping.scoring.ranking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.Scored;

/**
 * How a campaign ranks, breaks ties, shows scores and grades units ({@code ranking:} in its yml). The
 * defaults are scoring-rules.md's: competition ranks, ties stand, half-up display, no 等次.
 */
public record RankingRules(RankingMethod method, List<TieBreaker> tieBreakers, DisplayRounding rounding,
                           List<Grade> grades) {

    public static final RankingRules DEFAULT =
            new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_UP, List.of());

    public RankingRules {
        Objects.requireNonNull(method);
        Objects.requireNonNull(rounding);
        tieBreakers = List.copyOf(tieBreakers);
        grades = List.copyOf(grades);
    }

    public boolean graded() {
        return !grades.isEmpty();
    }

    /** Exact total, highest first, then each tie-breaker in turn; units still equal share a rank. */
    public Comparator<Scored> order(Rubric rubric) {
        return Comparator.comparing(Scored::total, Comparator.reverseOrder()).thenComparing(tieBreak(rubric));
    }

    /** The tie-breakers alone, in turn: how units with equal exact totals are ordered. */
    public Comparator<Scored> tieBreak(Rubric rubric) {
        Comparator<Scored> order = (a, b) -> 0;
        for (TieBreaker t : tieBreakers) {
            order = order.thenComparing(t.order(rubric));
        }
        return order;
    }

    /** The first grade whose conditions hold for a ranked unit; empty when none does. */
    public Optional<String> grade(int rank, BigDecimal total, int rankedUnits) {
        return grades.stream().filter(g -> g.admits(rank, total, rankedUnits)).map(Grade::name).findFirst();
    }
}
