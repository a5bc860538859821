package org.kaoping.batch;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
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
        return new SimpleModule("canonical-values")
                .addDeserializer(String.class, new Strings())
                .addDeserializer(BigDecimal.class, new Numbers());
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
