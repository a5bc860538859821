package org.kaoping.scoring.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks by an order that puts the better item first; items the order finds equal share a rank. The
 * order must compare exact values: rounding first would tie units that are not tied.
 */
public final class Ranking {
    private Ranking() {
    }

    public static <T> Map<T, Integer> rank(List<T> items, Comparator<? super T> betterFirst, RankingMethod method) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(betterFirst);
        int[] ranks = ranks(sorted, betterFirst, method);
        Map<T, Integer> out = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.put(sorted.get(i), ranks[i]);
        }
        return out;
    }

    /** The ranks of items already sorted by {@code betterFirst}, position by position. */
    public static <T> int[] ranks(List<T> sorted, Comparator<? super T> betterFirst, RankingMethod method) {
        int[] ranks = new int[sorted.size()];
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || betterFirst.compare(sorted.get(i - 1), sorted.get(i)) != 0) {
                rank = method == RankingMethod.DENSE ? rank + 1 : i + 1;
            }
            ranks[i] = rank;
        }
        return ranks;
    }

    /** Competition ranks (1, 2, 2, 4) by exact score, highest first, no tie-breakers. */
    public static <T> Map<T, Integer> competition(List<T> items, Function<T, BigDecimal> score) {
        return rank(items, Comparator.comparing(score, Comparator.reverseOrder()), RankingMethod.COMPETITION);
    }
}
