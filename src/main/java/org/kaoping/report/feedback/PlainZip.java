package org.kaoping.report.feedback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;

/**
 * The zip of a small workbook, written whole into memory. The parts every 反馈表 shares are compressed once; the
 * sheet, different in every file, is stored as it is: compressing it cost more than the rest of making the file,
 * for 15 KB saved. The archive's comment holds a digest of everything in it, so that the next run can tell an
 * unchanged file by reading its end. Entries carry a fixed time: the same content makes the same file.
 */
final class PlainZip {
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END = 22;
    private static final String DIGEST_PREFIX = "kaoping crc ";
    private static final int DIGEST_COMMENT = DIGEST_PREFIX.length() + 32;
    /** 1980-01-01 00:00 in MS-DOS's date format (the time is 0). */
    private static final short DOS_DATE = (1 << 5) | 1;
    private static final short STORED = 0;
    private static final short DEFLATED = 8;

    private PlainZip() {
    }

    /** An entry ready to be written: its name, CRC and uncompressed size, and its bytes as stored. */
    record Entry(byte[] name, long crc, int size, byte[] stored, short method) {
        /** A part made once, compressed. */
        static Entry of(String name, String xml) {
            byte[] content = xml.getBytes(StandardCharsets.UTF_8);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                deflater.setInput(content);
                deflater.finish();
                byte[] out = new byte[content.length + 64];
                int length = deflater.deflate(out);
                return new Entry(name.getBytes(StandardCharsets.US_ASCII), checksum(content), content.length,
                        Arrays.copyOf(out, length), DEFLATED);
            } finally {
                deflater.end();
            }
        }

        static Entry stored(String name, byte[] content) {
            return new Entry(name.getBytes(StandardCharsets.US_ASCII), checksum(content), content.length, content, STORED);
        }
    }

    /**
     * The digest a zip of {@code fixed} and {@code content} carries in its comment (see {@link #digestOf}): two
     * different 32-bit checksums of all of it and its length. Both are computed by the processor's own instructions
     * even in code the JVM compiled quickly, where SHA-256 took a second for a campaign's 反馈表.
     */
    static String digest(List<Entry> fixed, byte[] content) {
        CRC32 crc = new CRC32();
        CRC32C crcc = new CRC32C();
        long length = content.length;
        for (Entry e : fixed) {
            crc.update(e.name());
            crc.update(e.stored());
            crcc.update(e.name());
            crcc.update(e.stored());
            length += e.name().length + e.stored().length;
        }
        crc.update(content);
        crcc.update(content);
        return HexFormat.of().toHexDigits(crc.getValue() << 32 | crcc.getValue()) + HexFormat.of().toHexDigits(length);
    }

    /** The digest of {@code bytes} alone, in the same form. */
    static String digest(byte[] bytes) {
        return digest(List.of(), bytes);
    }

    /** The digest in the comment of a zip {@link #write} wrote, read from its end; null for any other file. */
    static String digestOf(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size < END + DIGEST_COMMENT) {
                return null;
            }
            ByteBuffer end = ByteBuffer.allocate(DIGEST_COMMENT);
            channel.position(size - DIGEST_COMMENT);
            while (end.hasRemaining() && channel.read(end) > 0) {
                // reads until the buffer is full or the file ends
            }
            String comment = new String(end.array(), 0, end.position(), StandardCharsets.US_ASCII);
            return comment.startsWith(DIGEST_PREFIX) ? comment.substring(DIGEST_PREFIX.length()) : null;
        }
    }

    /** The zip of {@code fixed} followed by an entry {@code name} holding {@code content}; {@code digest} its comment. */
    static byte[] write(List<Entry> fixed, String name, byte[] content, String digest) {
        Entry last = Entry.stored(name, content);
        byte[] comment = (DIGEST_PREFIX + digest).getBytes(StandardCharsets.US_ASCII);
        int size = END + comment.length;
        for (int i = 0; i <= fixed.size(); i++) {
            Entry e = i < fixed.size() ? fixed.get(i) : last;
            size += LOCAL_HEADER + CENTRAL_HEADER + 2 * e.name().length + e.stored().length;
        }
        ByteBuffer zip = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        int[] offsets = new int[fixed.size() + 1];
        for (int i = 0; i <= fixed.size(); i++) {
            Entry e = i < fixed.size() ? fixed.get(i) : last;
            offsets[i] = zip.position();
            zip.putInt(0x04034b50).putShort((short) 20).putShort((short) 0);
            described(zip, e);
            zip.putShort((short) 0).put(e.name()).put(e.stored());
        }
        int central = zip.position();
        for (int i = 0; i <= fixed.size(); i++) {
            Entry e = i < fixed.size() ? fixed.get(i) : last;
            zip.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0);
            described(zip, e);
            zip.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt(offsets[i]).put(e.name());
        }
        int entries = fixed.size() + 1;
        int centralSize = zip.position() - central;
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(centralSize).putInt(central).putShort((short) comment.length)
                .put(comment);
        return zip.array();
    }

    /** Method, time, date, CRC, sizes and the name's length: the same in the local and the central header. */
    private static void described(ByteBuffer zip, Entry e) {
        zip.putShort(e.method()).putShort((short) 0).putShort(DOS_DATE).putInt((int) e.crc())
                .putInt(e.stored().length).putInt(e.size()).putShort((short) e.name().length);
    }

    private static long checksum(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }
}
