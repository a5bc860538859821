package org.kaoping.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text as units type it: full-width digits and punctuation, stray spaces and line breaks.
 * Everything that compares names, headers or codes goes through {@link #key(String)} so that
 * {@code "考评\n项目"} and {@code "考评项目"}, or {@code "（一）"} and {@code "(一)"}, compare equal.
 */
public final class Text {
    /** Java's whitespace class, compiled once: keys are made for every cell that is compared. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Characters Windows does not allow in a file name, and control characters. */
    private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");

    private Text() {
    }

    /** Trimmed, NFKC-folded (full-width → half-width), or "" for null. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        // Most cells are ASCII, common Chinese characters and full-width punctuation, for which NFKC is a plain
        // per-character mapping; the normaliser is by far the dearest step of reading a cell, so it only sees
        // text that needs more than that.
        String folded = foldSimple(s);
        if (folded == null) {
            folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        return folded.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /** A comparison key: folded, without any whitespace. */
    public static String key(String s) {
        return withoutWhitespace(clean(s));
    }

    /** {@code s} without the characters of the regex class {@code \\s}. */
    public static String withoutWhitespace(String s) {
        if (!hasWhitespace(s)) {
            return s;
        }
        // Keys are made for every cell compared while reading: no regex matcher for this one.
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!isWhitespace(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * True when {@code s} begins with a CJK unified ideograph: then its {@link #clean} form and its {@link #key}
     * begin with that same character (NFKC maps it to itself, and it is not whitespace), which tells some texts
     * apart from a word or a code without making their key.
     */
    public static boolean startsWithIdeograph(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        return first >= 0x4E00 && first <= 0x9FFF;
    }

    public static boolean isBlank(String s) {
        return key(s).isEmpty();
    }

    /** Collapses runs of whitespace (line breaks included) to a single space, for display. */
    public static String oneLine(String s) {
        String c = clean(s);
        return hasWhitespace(c) ? WHITESPACE.matcher(c).replaceAll(" ") : c;
    }

    /**
     * NFKC of {@code s} if every character is one NFKC maps on its own, whatever surrounds it: printable ASCII
     * and its whitespace, CJK unified ideographs and the Chinese punctuation without a half-width form
     * (、。〈〉《》「」『』【】, —, curly quotes) map to themselves; full-width forms U+FF01–U+FF5E to their ASCII
     * twins, U+3000 to a space. Null if any other character is present (it takes the normaliser).
     */
    static String foldSimple(String s) {
        char[] folded = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            char to = simpleFold(ch);
            if (to == 0) {
                return null;
            }
            if (to != ch) {
                if (folded == null) {
                    folded = s.toCharArray();
                }
                folded[i] = to;
            }
        }
        return folded == null ? s : new String(folded);
    }

    /** What NFKC maps {@code ch} to when it is one of the characters {@link #foldSimple} handles, else 0. */
    private static char simpleFold(char ch) {
        if (ch < 0x7F) {
            return ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r' ? ch : 0;
        }
        if (ch >= 0x4E00 && ch <= 0x9FFF || ch >= 0x3001 && ch <= 0x3002 || ch >= 0x3008 && ch <= 0x3011
                || ch == 0x2014 || ch >= 0x2018 && ch <= 0x201D) {
            return ch;
        }
        if (ch >= 0xFF01 && ch <= 0xFF5E) {
            return (char) (ch - 0xFEE0);
        }
        return ch == 0x3000 ? ' ' : 0;
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The characters of the regex class {@code \\s}, which {@link #WHITESPACE} matches. */
    private static boolean isWhitespace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
    }

    /** {@code name} as a file name on any system: what Windows does not allow becomes {@code _}. */
    public static String fileName(String name) {
        return UNSAFE_IN_FILE_NAME.matcher(name.strip()).replaceAll("_");
    }

    /** How wide {@code s} shows in a spreadsheet's columns, in Latin characters: CJK and full-width characters take two. */
    public static int displayWidth(String s) {
        return s == null ? 0 : s.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }
}
