package org.kaoping.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Lays precompressed rows into a saved package: each spliced sheet was saved with {@link #MARKER} where its rows
 * go, and its entry is rebuilt from the frame before and after the marker (compressed here, a few KB) and the rows'
 * deflate segments as they are, with the entry's CRC-32 combined from theirs. The other entries are copied without
 * being decompressed. So a unit's rows are compressed once, when they change, not on every run.
 */
final class ZipSplice {
    static final String MARKER = "<!--kaoping:rows-->";
    private static final int POLY = 0xEDB88320;
    // x^(2^k) modulo the CRC-32 polynomial, for combining CRCs (zlib's crc32_combine).
    private static final int[] X2N = new int[32];

    static {
        int p = 1 << 30;
        X2N[0] = p;
        for (int n = 1; n < 32; n++) {
            X2N[n] = p = multiply(p, p);
        }
    }

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private ZipSplice() {
    }

    /** {@code xml} as a segment of a raw deflate stream: flushed to a byte boundary, not the stream's last block. */
    static LeafRows segment(int firstRow, byte[] xml) {
        return segment(firstRow, xml, xml.length);
    }

    /** The first {@code length} bytes of {@code xml} as a segment. */
    static LeafRows segment(int firstRow, byte[] xml, int length) {
        return part(firstRow, xml, length, false);
    }

    /** {@code xml} compressed, with its CRC-32 and length; {@code last}: the final block of the stream. */
    private static LeafRows part(int firstRow, byte[] xml, int length, boolean last) {
        CRC32 crc = new CRC32();
        crc.update(xml, 0, length);
        return new LeafRows(firstRow, deflate(xml, length, last), crc.getValue(), length);
    }

    /**
     * Writes {@code saved} to {@code out} with the rows of each sheet entry named in {@code rows} laid in, and the
     * entries named in {@code replaced} holding those bytes instead.
     */
    static void splice(SeekableByteChannel saved, Map<String, List<LeafRows>> rows, Map<String, byte[]> replaced,
                       OutputStream out) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(saved).get();
             ZipArchiveOutputStream target = new ZipArchiveOutputStream(out)) {
            target.setLevel(Deflater.BEST_SPEED);
            Set<String> missing = new HashSet<>(rows.keySet());
            missing.addAll(replaced.keySet());
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                missing.remove(entry.getName());
                byte[] replacement = replaced.get(entry.getName());
                if (replacement != null) {
                    ZipArchiveEntry fresh = new ZipArchiveEntry(entry.getName());
                    fresh.setTime(entry.getTime());
                    target.putArchiveEntry(fresh);
                    target.write(replacement);
                    target.closeArchiveEntry();
                    continue;
                }
                List<LeafRows> segments = rows.get(entry.getName());
                if (segments == null) {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        target.addRawArchiveEntry(entry, raw);
                    }
                    continue;
                }
                String frame;
                try (InputStream in = zip.getInputStream(entry)) {
                    frame = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                int at = frame.indexOf(MARKER);
                if (at < 0) {
                    throw new IllegalStateException(entry.getName() + " has no place for its rows");
                }
                byte[] head = frame.substring(0, at).getBytes(StandardCharsets.UTF_8);
                byte[] tail = frame.substring(at + MARKER.length()).getBytes(StandardCharsets.UTF_8);
                List<LeafRows> parts = new ArrayList<>();
                parts.add(part(0, head, head.length, false));
                parts.addAll(segments);
                parts.add(part(0, tail, tail.length, true));

                long crc = 0;
                long size = 0;
                long compressed = 0;
                List<InputStream> streams = new ArrayList<>();
                // Units' rows are of a few lengths, each shift worked out once (a rerun lays in thousands of segments).
                Map<Long, Integer> shifts = new HashMap<>();
                for (LeafRows part : parts) {
                    crc = shifted(crc, shifts.computeIfAbsent(part.length(), ZipSplice::power), part.crc());
                    size += part.length();
                    compressed += part.deflated().length;
                    streams.add(new java.io.ByteArrayInputStream(part.deflated()));
                }
                ZipArchiveEntry spliced = new ZipArchiveEntry(entry.getName());
                spliced.setMethod(ZipEntry.DEFLATED);
                spliced.setTime(entry.getTime());
                spliced.setCrc(crc);
                spliced.setSize(size);
                spliced.setCompressedSize(compressed);
                target.addRawArchiveEntry(spliced, new SequenceInputStream(Collections.enumeration(streams)));
            }
            // Rows or strings with nowhere to go would leave a workbook that opens with cells missing.
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the saved package has no " + String.join(", ", missing));
            }
        }
    }

    /** The CRC-32 of two byte sequences one after the other, from theirs and the second's length. */
    static long combine(long crc1, long crc2, long length2) {
        return shifted(crc1, power(length2), crc2);
    }

    /** {@link #combine}, with the second sequence's length given as its {@link #power}. */
    private static long shifted(long crc1, int shift, long crc2) {
        return (multiply(shift, (int) crc1) ^ (int) crc2) & 0xFFFFFFFFL;
    }

    /** x^(8·length) modulo the polynomial: shifting a CRC past {@code length} zero bytes. */
    private static int power(long length) {
        int p = 1 << 31;
        int k = 3;
        for (long n = length; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                p = multiply(X2N[k & 31], p);
            }
        }
        return p;
    }

    /** a·b modulo the CRC-32 polynomial, in its reflected bit order. */
    private static int multiply(int a, int b) {
        int m = 1 << 31;
        int p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }

    /** Raw deflate: the stream's final block when {@code last}, else sync-flushed so that more can follow. */
    private static byte[] deflate(byte[] data, int length, boolean last) {
        // One deflater per thread, reset between segments: setting one up allocates and clears zlib's window and
        // hash tables (a quarter of a MB), which for a unit's few KB of rows cost more than compressing them.
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        try {
            deflater.setInput(data, 0, length);
            if (last) {
                deflater.finish();
            }
            // A unit's rows compress into one buffer: copied out once, at its size.
            byte[] buffer = BUFFER.get();
            ByteArrayOutputStream out = null;
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                boolean done = last ? deflater.finished() : n < buffer.length && deflater.needsInput();
                if (done && out == null) {
                    return Arrays.copyOf(buffer, n);
                }
                if (out == null) {
                    out = new ByteArrayOutputStream(2 * buffer.length);
                }
                out.write(buffer, 0, n);
                if (done) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.reset();
        }
    }
}
