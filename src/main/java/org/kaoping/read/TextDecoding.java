package org.kaoping.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of web exports and delimited files, and the names in zips: a byte-order mark decides; else what the
 * page declares; else UTF-8 if the bytes are valid UTF-8, else GB18030 (which GBK and GB2312 are subsets of, so a
 * file saved by a Chinese Windows program reads right).
 */
final class TextDecoding {
    static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /** The decoded text, with any byte-order mark left out. {@code declared} may be null or a name Java lacks. */
    static String decode(byte[] bytes, String declared) {
        Charset bom = bomCharset(bytes, bytes.length);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new String(bytes, skip, bytes.length - skip, bom);
        }
        Charset named = declared == null ? null : named(declared);
        if (named != null) {
            return new String(bytes, named);
        }
        String utf8 = strictUtf8(bytes);
        return utf8 != null ? utf8 : new String(bytes, GB18030);
    }

    /** A declared charset: GB2312 and GBK as GB18030 (pages declare gb2312 and use GBK's characters beyond it). */
    static Charset named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("cp936") || n.equals("gb18030")) {
            return GB18030;
        }
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The bytes as UTF-8 if they are valid UTF-8, else null. */
    static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static Charset bomCharset(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * The head of a file as text, for sniffing its markup: ASCII-compatible bytes as Latin-1 (only the ASCII tags
     * are looked at), UTF-16 by its mark; null when it holds control bytes no text file has (a binary file).
     */
    static String headText(byte[] head, int length) {
        Charset bom = bomCharset(head, length);
        if (bom == StandardCharsets.UTF_16LE || bom == StandardCharsets.UTF_16BE) {
            return new String(head, 2, (length - 2) & ~1, bom);
        }
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x1B && b != 0x1A)) {
                return null;
            }
        }
        int skip = bom == null ? 0 : 3;
        return new String(head, skip, length - skip, StandardCharsets.ISO_8859_1);
    }
}
