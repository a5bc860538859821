package org.kaoping.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Competition ranking (1, 2, 2, 4 — 并列) by exact total, highest first. Ties stand unless a campaign
 * configures tie-breakers (a later issue).
 */
public final class Ranking {
    private Ranking() {
    }

    public static <T> Map<T, Integer> competition(List<T> items, Function<T, BigDecimal> score) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(score, Comparator.reverseOrder()));
        Map<T, Integer> ranks = new IdentityHashMap<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            BigDecimal s = score.apply(sorted.get(i));
            if (previous == null || s.compareTo(previous) != 0) {
                rank = i + 1;
                previous = s;
            }
            ranks.put(sorted.get(i), rank);
        }
        return ranks;
    }
}
