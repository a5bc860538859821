package org.kaoping.batch;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.scoring.CellRef;
import org.kaoping.scoring.LeafScore;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Makes equal strings and numbers read back from stored parse results one object each. The report step holds every
 * unit's score sheets at once, and as parsed from JSON each of a sheet's 26 cells carried its own copy of the file
 * name, the sheet name, its cell address and score: at 20,000 units that alone outgrew a 512 MB heap. Interned
 * strings are freed by the JVM once unused; the numbers (scores, in half points) are few.
 */
final class CanonicalValues {
    private static final int MAX_NUMBERS = 100_000;

    private CanonicalValues() {
    }

    static SimpleModule module() {
        Numbers numbers = new Numbers();
        CellRefs cells = new CellRefs();
        return new SimpleModule("canonical-values")
                .addDeserializer(String.class, new Strings())
                .addDeserializer(BigDecimal.class, numbers)
                .addDeserializer(CellRef.class, cells)
                .addDeserializer(LeafScore.class, new LeafScores(cells, numbers));
    }

    /**
     * The two records a result holds most of (a cell and a score per leaf), read field by field: Jackson 3 makes
     * every record through {@code MethodHandle.invokeWithArguments}, which builds its invoker anew on each call
     * and was most of the time spent loading a large campaign's results.
     */
    private static final class CellRefs extends StdDeserializer<CellRef> {
        CellRefs() {
            super(CellRef.class);
        }

        @Override
        public CellRef deserialize(JsonParser p, DeserializationContext ctxt) {
            String file = null;
            String sheet = null;
            String cell = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                String value = p.getString().intern();
                switch (name) {
                    case "file" -> file = value;
                    case "sheet" -> sheet = value;
                    case "cell" -> cell = value;
                    default -> ctxt.handleUnknownProperty(p, this, CellRef.class, name);
                }
            }
            return new CellRef(file, sheet, cell);
        }
    }

    private static final class LeafScores extends StdDeserializer<LeafScore> {
        private final CellRefs cells;
        private final Numbers numbers;

        LeafScores(CellRefs cells, Numbers numbers) {
            super(LeafScore.class);
            this.cells = cells;
            this.numbers = numbers;
        }

        @Override
        public LeafScore deserialize(JsonParser p, DeserializationContext ctxt) {
            String leafCode = null;
            BigDecimal value = null;
            String raw = null;
            CellRef cell = null;
            BigDecimal adjustment = null;
            CellRef adjustmentCell = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (name) {
                    case "leafCode" -> leafCode = p.getString().intern();
                    case "value" -> value = numbers.deserialize(p, ctxt);
                    case "raw" -> raw = p.getString().intern();
                    case "cell" -> cell = cells.deserialize(p, ctxt);
                    case "adjustment" -> adjustment = numbers.deserialize(p, ctxt);
                    case "adjustmentCell" -> adjustmentCell = cells.deserialize(p, ctxt);
                    default -> ctxt.handleUnknownProperty(p, this, LeafScore.class, name);
                }
            }
            return new LeafScore(leafCode, value, raw, cell, adjustment, adjustmentCell);
        }
    }

    private static final class Strings extends StdScalarDeserializer<String> {
        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            return s == null ? null : s.intern();
        }
    }

    private static final class Numbers extends StdScalarDeserializer<BigDecimal> {
        private final Map<BigDecimal, BigDecimal> seen = new ConcurrentHashMap<>();

        Numbers() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal n = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (n == null || seen.size() >= MAX_NUMBERS) {
                return n;
            }
            BigDecimal known = seen.putIfAbsent(n, n);
            return known == null ? n : known;
        }
    }
}
