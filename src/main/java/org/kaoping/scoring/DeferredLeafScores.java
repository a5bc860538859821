package org.kaoping.scoring;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Leaf scores made when first looked at. A rerun takes back thousands of stored outcomes, and of an unchanged
 * unit's leaf scores it needs none unless a tie-breaker compares them or its 分项得分 rows moved: decoding them
 * all was most of what the rerun's scoring cost. Immutable like the map {@link Scored} otherwise keeps.
 */
public final class DeferredLeafScores extends AbstractMap<String, BigDecimal> {
    // Let go once the scores are made, with whatever it holds (the encoded bytes).
    private volatile Supplier<Map<String, BigDecimal>> decode;
    private volatile Map<String, BigDecimal> scores;

    private DeferredLeafScores(Supplier<Map<String, BigDecimal>> decode) {
        this.decode = decode;
    }

    /** {@code decode} may run more than once when threads race; it must give equal maps each time. */
    public static Map<String, BigDecimal> of(Supplier<Map<String, BigDecimal>> decode) {
        return new DeferredLeafScores(decode);
    }

    private Map<String, BigDecimal> scores() {
        Map<String, BigDecimal> s = scores;
        if (s != null) {
            return s;
        }
        Supplier<Map<String, BigDecimal>> d = decode;
        if (d == null) {
            // Let go only after the scores were set: they are there to be read.
            return scores;
        }
        s = Map.copyOf(d.get());
        scores = s;
        decode = null;
        return s;
    }

    @Override
    public BigDecimal get(Object leaf) {
        return scores().get(leaf);
    }

    @Override
    public boolean containsKey(Object leaf) {
        return scores().containsKey(leaf);
    }

    @Override
    public int size() {
        return scores().size();
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return scores().entrySet();
    }
}
