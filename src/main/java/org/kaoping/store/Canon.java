package org.kaoping.store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Equal short texts and small decimals shared across the documents of one bulk decode (thread-safe): a run
 * decodes thousands of documents that repeat the same leaf codes, cell addresses, labels and scores, and
 * holding each once is most of the difference in the report step's heap at 20,000 units.
 */
public final class Canon {
    /** Shares nothing: for a single document. */
    static final Canon NONE = new Canon(0);
    private static final int MAX_TEXT = 24;
    private final int maxEntries;
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> decimals = new ConcurrentHashMap<>();

    public Canon() {
        this(200_000);
    }

    private Canon(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    String text(String s) {
        if (s.length() > MAX_TEXT || texts.size() >= maxEntries) {
            return s;
        }
        String seen = texts.putIfAbsent(s, s);
        return seen == null ? s : seen;
    }

    BigDecimal decimal(BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || scale > 6 || d.precision() > 12 || decimals.size() >= maxEntries) {
            return d;
        }
        long unscaled = d.unscaledValue().longValue();
        if (unscaled < -1_000_000 || unscaled > 1_000_000) {
            return d;
        }
        BigDecimal seen = decimals.putIfAbsent(unscaled << 3 | scale, d);
        return seen == null ? d : seen;
    }
}
