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

    private Text() {
    }

    /** Trimmed, NFKC-folded (full-width → half-width), or "" for null. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return folded.replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    /** A comparison key: folded, without any whitespace. */
    public static String key(String s) {
        String c = clean(s);
        return hasWhitespace(c) ? WHITESPACE.matcher(c).replaceAll("") : c;
    }

    public static boolean isBlank(String s) {
        return key(s).isEmpty();
    }

    /** Collapses runs of whitespace (line breaks included) to a single space, for display. */
    public static String oneLine(String s) {
        String c = clean(s);
        return hasWhitespace(c) ? WHITESPACE.matcher(c).replaceAll(" ") : c;
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r') {
                return true;
            }
        }
        return false;
    }
}
