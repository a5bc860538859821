package org.kaoping.text;

/** Text as XML 1.0 carries it, for the parts of workbooks kaoping writes itself. */
public final class Xml {
    private Xml() {
    }

    /** XML 1.0 text: markup escaped; control characters XML cannot carry become '?', as POI writes them. */
    public static void escape(StringBuilder buffer, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> buffer.append("&lt;");
                case '>' -> buffer.append("&gt;");
                case '&' -> buffer.append("&amp;");
                case '\t', '\n', '\r' -> buffer.append(c);
                default -> buffer.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '?' : c);
            }
        }
    }
}
