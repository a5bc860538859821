package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kaoping.scoring.input.Source;

class DeferredLeafScoresTest {

    @Test
    void decodesOnFirstLookAndOnlyOnce() {
        AtomicInteger decodes = new AtomicInteger();
        Map<String, BigDecimal> scores = DeferredLeafScores.of(() -> {
            decodes.incrementAndGet();
            return new HashMap<>(Map.of("1.1", new BigDecimal("2.50"), "1.2", new BigDecimal("3")));
        });
        Scored scored = new Scored(Source.INSPECTION, null, new BigDecimal("5.50"), BigDecimal.ZERO, BigDecimal.ZERO,
                false, scores, List.of(), List.of());
        assertThat(scored.total()).isEqualByComparingTo("5.50");
        assertThat(decodes).hasValue(0);

        assertThat(scored.leafScores().get("1.1")).isEqualTo(new BigDecimal("2.50"));
        assertThat(scored.leafScores()).isEqualTo(Map.of("1.1", new BigDecimal("2.50"), "1.2", new BigDecimal("3")))
                .hasSize(2).doesNotContainKey("1.3");
        assertThat(decodes).hasValue(1);
    }

    @Test
    void isAsImmutableAsTheMapScoredKeepsOtherwise() {
        Map<String, BigDecimal> scores = DeferredLeafScores.of(() -> new HashMap<>(Map.of("1.1", BigDecimal.ONE)));
        assertThatThrownBy(() -> scores.put("1.2", BigDecimal.TEN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> scores.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(scores).containsOnlyKeys("1.1");
    }

    @Test
    void threadsLookingAtOnceAllSeeTheScores() throws Exception {
        for (int round = 0; round < 200; round++) {
            Map<String, BigDecimal> scores = DeferredLeafScores.of(() -> new HashMap<>(Map.of("1.1", BigDecimal.TEN)));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<BigDecimal>> seen = pool.invokeAll(java.util.Collections.nCopies(8,
                        () -> scores.get("1.1")));
                for (java.util.concurrent.Future<BigDecimal> f : seen) {
                    assertThat(f.get()).isEqualTo(BigDecimal.TEN);
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
