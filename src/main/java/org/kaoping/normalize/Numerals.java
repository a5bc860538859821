package org.kaoping.normalize;

/** Chinese and Arabic ordinals as category labels use them: 一 … 二十, 1 … 99. */
final class Numerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private Numerals() {
    }

    /** The value, or -1 when the text is not an ordinal. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return s.length() > 3 ? -1 : Integer.parseInt(s);
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? DIGITS.indexOf(s.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(s.charAt(0));
        int units = ten == s.length() - 1 ? 0 : DIGITS.indexOf(s.charAt(ten + 1));
        return tens < 0 || units < 0 ? -1 : tens * 10 + units;
    }
}
