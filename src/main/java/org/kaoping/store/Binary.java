package org.kaoping.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.CellRef;

/**
 * The binary form of what kaoping stores per workbook and per unit: written field by field, because every
 * run decodes thousands of them and a generic mapper cost more than scoring. Texts go into a table per document,
 * so a file or sheet name repeated in every cell reference is written once; decimals keep their scale, so what is
 * decoded equals what was encoded. Enums are written by ordinal: every stored document's key holds the
 * {@link BuildFingerprint}, so a document is never read by other code than wrote it.
 */
public final class Binary {
    private Binary() {
    }

    /**
     * A document written straight into its compressed form, for storing (a run's file list: paths and hashes, a MB
     * and more in a large campaign). Neither the document nor its compressed form is held in an array grown by
     * doubling: arrays of half a MB and more are humongous objects for G1, and allocating them set off collections
     * and marking cycles of the whole heap in every rerun of a large campaign.
     */
    static byte[] deflated(Consumer<Writer> content) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        Pieces pieces = new Pieces();
        try (DeflaterOutputStream out = new DeflaterOutputStream(pieces, deflater, Pieces.SIZE)) {
            Writer writer = new Writer(out);
            content.accept(writer);
            writer.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return pieces.join();
    }

    static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            Pieces out = new Pieces();
            byte[] chunk = new byte[Pieces.SIZE];
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

    /** Bytes kept in pieces of 64 KB and joined once, at their exact size. */
    static final class Pieces extends OutputStream {
        static final int SIZE = 1 << 16;
        private final List<byte[]> full = new ArrayList<>();
        private byte[] last = new byte[SIZE];
        private int used;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == last.length) {
                    full.add(last);
                    last = new byte[SIZE];
                    used = 0;
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

    /** Appends to a growing buffer; single-threaded and in memory, so unlike DataOutputStream it takes no locks. */
    static final class Writer {
        private ByteBuffer buffer;
        private final Map<String, Integer> texts = new HashMap<>();
        // Where a document written for storing goes as the buffer fills (Binary.deflated); null: kept whole.
        private final OutputStream sink;

        Writer() {
            this.buffer = ByteBuffer.allocate(2048);
            this.sink = null;
        }

        private Writer(OutputStream sink) {
            this.buffer = ByteBuffer.allocate(Pieces.SIZE);
            this.sink = sink;
        }

        private ByteBuffer room(int bytes) {
            if (buffer.remaining() < bytes && sink != null) {
                drain();
            }
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
            return buffer;
        }

        void bool(boolean v) {
            room(1).put((byte) (v ? 1 : 0));
        }

        /** Unsigned LEB128: most counts, ordinals and table indexes take one byte. */
        void count(int v) {
            ByteBuffer b = room(5);
            while ((v & ~0x7F) != 0) {
                b.put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            b.put((byte) v);
        }

        /** Zigzag LEB128: small numbers of either sign (most scores, unscaled) take a byte or two. */
        void number(long v) {
            long z = (v << 1) ^ (v >> 63);
            ByteBuffer b = room(10);
            while ((z & ~0x7FL) != 0) {
                b.put((byte) ((z & 0x7F) | 0x80));
                z >>>= 7;
            }
            b.put((byte) z);
        }

        /** Null, a text seen before in this document (by index), or a new one (UTF-8). */
        void text(String s) {
            if (s == null) {
                count(0);
                return;
            }
            Integer seen = texts.get(s);
            if (seen != null) {
                count(2 + seen);
                return;
            }
            texts.put(s, texts.size());
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            count(1);
            count(b.length);
            room(b.length).put(b);
        }

        /** Null or a text written out in full: for texts that never recur in a document (hashes, paths). */
        void plain(String s) {
            if (s == null) {
                count(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            count(b.length + 1);
            room(b.length).put(b);
        }

        /** Null, a long unscaled value with its scale (nearly every score), or the digits of a larger one. */
        void decimal(BigDecimal d) {
            if (d == null) {
                count(0);
            } else if (d.precision() < 19) {
                count(1);
                // Moving the point by the scale gives the unscaled value without making it a BigInteger.
                number(d.movePointRight(d.scale()).longValue());
                count((d.scale() << 1) ^ (d.scale() >> 31));
            } else {
                count(2);
                text(d.unscaledValue().toString());
                count((d.scale() << 1) ^ (d.scale() >> 31));
            }
        }

        /**
         * A reference as file, sheet and cell; the cell, nearly always an A1 reference of its own, as its column and
         * row rather than a text (hashed and kept in the document's table of texts, never to recur).
         */
        void cell(CellRef c) {
            bool(c != null);
            if (c != null) {
                text(c.file());
                text(c.sheet());
                long a1 = CellRef.parseA1(c.cell());
                if (a1 < 0) {
                    count(0);
                    text(c.cell());
                } else {
                    count(1 + (int) (a1 % CellRef.COLUMNS));
                    count((int) (a1 / CellRef.COLUMNS));
                }
            }
        }

        void discrepancies(List<Discrepancy> list) {
            count(list.size());
            for (Discrepancy d : list) {
                count(d.kind().ordinal());
                text(d.unit());
                cell(d.where());
                text(d.item());
                text(d.selfValue());
                text(d.officialValue());
                text(d.message());
            }
        }

        /** A count, then each item as {@code write} writes it. */
        <T> void list(List<T> items, BiConsumer<Writer, T> write) {
            count(items.size());
            items.forEach(item -> write.accept(this, item));
        }

        /** A document of its own, with its own text table: a reader can take it whole without decoding it. */
        void document(Writer inner) {
            if (inner.sink != null) {
                throw new IllegalStateException("the inner document went to its sink");
            }
            count(inner.buffer.position());
            room(inner.buffer.position()).put(inner.buffer.array(), 0, inner.buffer.position());
        }

        byte[] bytes() {
            if (sink != null) {
                throw new IllegalStateException("the document went to its sink");
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        }

        private void drain() {
            try {
                sink.write(buffer.array(), 0, buffer.position());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.clear();
        }
    }

    /**
     * Equal short texts and small decimals shared across the documents of one bulk decode (thread-safe): a run
     * decodes thousands of documents that repeat the same leaf codes, cell addresses, labels and scores, and
     * holding each once is most of the difference in the report step's heap at 20,000 units.
     */
    public static final class Canon {
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

        BigDecimal decimal(long unscaled, int scale) {
            if (unscaled < -1_000_000 || unscaled > 1_000_000 || scale < 0 || scale > 6
                    || decimals.size() >= maxEntries) {
                return BigDecimal.valueOf(unscaled, scale);
            }
            return decimals.computeIfAbsent(unscaled << 3 | scale, k -> BigDecimal.valueOf(unscaled, scale));
        }
    }

    static final class Reader {
        private final ByteBuffer buffer;
        private final Canon canon;
        private final List<String> texts = new ArrayList<>();

        Reader(byte[] bytes) {
            this(bytes, Canon.NONE);
        }

        Reader(byte[] bytes, Canon canon) {
            this.buffer = ByteBuffer.wrap(bytes);
            this.canon = canon;
        }

        boolean bool() {
            return buffer.get() != 0;
        }

        int count() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        long number() {
            long z = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buffer.get();
                z |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
        }

        String text() {
            int tag = count();
            if (tag == 0) {
                return null;
            }
            if (tag >= 2) {
                return texts.get(tag - 2);
            }
            int length = count();
            String s = canon.text(new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8));
            buffer.position(buffer.position() + length);
            texts.add(s);
            return s;
        }

        String plain() {
            int n = count();
            if (n == 0) {
                return null;
            }
            String s = new String(buffer.array(), buffer.position(), n - 1, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + n - 1);
            return s;
        }

        BigDecimal decimal() {
            return switch (count()) {
                case 0 -> null;
                case 1 -> canon.decimal(number(), scale());
                default -> new BigDecimal(new BigInteger(text()), scale());
            };
        }

        /** Zigzag: a scale may be negative (1E+3). */
        private int scale() {
            int z = count();
            return (z >>> 1) ^ -(z & 1);
        }

        CellRef cell() {
            if (!bool()) {
                return null;
            }
            String file = text();
            String sheet = text();
            int column = count();
            return new CellRef(file, sheet, column == 0 ? text() : CellRef.a1(count(), column - 1));
        }

        /** What {@link Writer#list} wrote, each item read by {@code read}. */
        <T> List<T> list(Function<Reader, T> read) {
            int n = count();
            List<T> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(read.apply(this));
            }
            return List.copyOf(items);
        }

        /** The bytes of a {@link Writer#document}, to be read later with a reader of their own. */
        byte[] document() {
            int length = count();
            byte[] inner = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.position() + length);
            buffer.position(buffer.position() + length);
            return inner;
        }

        List<Discrepancy> discrepancies() {
            int n = count();
            List<Discrepancy> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Discrepancy(DiscrepancyKind.values()[count()], text(), cell(), text(), text(), text(),
                        text()));
            }
            return list;
        }
    }
}
