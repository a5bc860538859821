package org.kaoping.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The stored form of kaoping's documents: JSON by Jackson, deflated. Nulls are left out; decimals are written as
 * {@link BigDecimal#toString()} and read as BigDecimal, so their scale comes back as written ({@code 5.0}, not
 * {@code 5}; {@code 1E+3}, not {@code 1000}). Enums are written by name. Documents decoded together may share their
 * short texts and small decimals through a {@link Canon}.
 */
final class StoredJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .addModule(new SimpleModule("kaoping-canon")
                    .addDeserializer(String.class, new CanonText())
                    .addDeserializer(BigDecimal.class, new CanonDecimal()))
            .build();

    private StoredJson() {
    }

    /** {@code value} as deflated JSON, written straight into its compressed form. */
    static byte[] write(Object value) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        Pieces pieces = new Pieces();
        try (DeflaterOutputStream out = new DeflaterOutputStream(pieces, deflater, 8192)) {
            MAPPER.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return pieces.join();
    }

    static <T> T read(byte[] stored, Class<T> type) {
        return read(stored, MAPPER.readerFor(type), Canon.NONE);
    }

    /** {@code reader}: one of {@link #MAPPER}'s, for the document's type. */
    static <T> T read(byte[] stored, ObjectReader reader, Canon canon) {
        byte[] json = inflate(stored);
        try {
            return (canon == Canon.NONE ? reader : reader.withAttribute(Canon.class, canon)).readValue(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored document is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            Pieces out = new Pieces();
            byte[] chunk = new byte[Math.min(Pieces.SIZE, Math.max(1024, deflated.length * 8))];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("stored document is truncated");
                }
                out.write(chunk, 0, n);
            }
            return out.join();
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored document is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static Canon canon(DeserializationContext ctxt) {
        Object canon = ctxt.getAttribute(Canon.class);
        return canon == null ? Canon.NONE : (Canon) canon;
    }

    private static final class CanonText extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            return canon(ctxt).text(p.getString());
        }
    }

    private static final class CanonDecimal extends ValueDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            return canon(ctxt).decimal(p.getDecimalValue());
        }
    }

    /**
     * Bytes kept in pieces of 64 KB and joined once, at their exact size: arrays of half a MB and more, grown by
     * doubling, are humongous objects for G1 (a large campaign's file list is a MB and more).
     */
    static final class Pieces extends OutputStream {
        static final int SIZE = 1 << 16;
        private final List<byte[]> full = new ArrayList<>();
        private byte[] last = new byte[4096];
        private int used;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == last.length) {
                    if (last.length < SIZE) {
                        last = java.util.Arrays.copyOf(last, last.length * 2);
                    } else {
                        full.add(last);
                        last = new byte[SIZE];
                        used = 0;
                    }
                }
                int n = Math.min(len, last.length - used);
                System.arraycopy(b, off, last, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        byte[] join() {
            byte[] out = new byte[full.size() * SIZE + used];
            for (int i = 0; i < full.size(); i++) {
                System.arraycopy(full.get(i), 0, out, i * SIZE, SIZE);
            }
            System.arraycopy(last, 0, out, full.size() * SIZE, used);
            return out;
        }
    }
}
