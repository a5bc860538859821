package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cells of an office's rubric table say in words: a category or indicator label with its code and points
 * ({@code 一  强化政治引领  领导班子好（16分）}, {@code （一）\n组\n织\n领\n导\n（25分）}, {@code 一、突出政治建设28 分},
 * {@code 习近平…学习宣传教育\n17分}), and a leaf's number and points where the table has no 分值 column
 * ({@code 1、…（分值5分。…）}, {@code （1）…。7 分}, {@code 1)…(2分);…(2分)。}).
 */
final class TableText {
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern LABEL = Pattern.compile("^[（(]?\\s*([一二三四五六七八九十]+|\\d{1,2})\\s*[）)]?\\s*"
            + "(?:[、.．，,]\\s*|\\s+|(?<=[）)]))(.*?)\\s*(?:[（(]\\s*" + NUMBER + "\\s*分\\s*[）)]|" + NUMBER + "\\s*分)?$");
    private static final Pattern NAME_AND_POINTS = Pattern.compile(
            "^(.*?)\\s*(?:[（(]\\s*" + NUMBER + "\\s*分\\s*[）)]|" + NUMBER + "\\s*分)?$");
    private static final Pattern LEAF_NUMBER = Pattern.compile("^\\s*(?:[（(]\\s*(\\d{1,3})\\s*[）)]|(\\d{1,3})\\s*[、.．)）])\\s*");
    private static final Pattern STATED_POINTS = Pattern.compile("分值\\s*" + NUMBER + "\\s*分");
    private static final Pattern TRAILING_POINTS = Pattern.compile("(?<![\\d.（(])\\s*" + NUMBER + "\\s*分\\s*$");
    private static final Pattern PART_POINTS = Pattern.compile("[（(]\\s*" + NUMBER + "\\s*分\\s*[）)]");
    private static final Pattern SECTION_OF_RULES = Pattern.compile(".*(加分|扣分|加减分|否决).*");
    private static final String PART_END = ";；。，,、";
    private static final String DIGITS = "零一二三四五六七八九";

    /** A category's or indicator's label: its code (null where it shows none), name, and points (null: not stated). */
    record Label(String code, String name, BigDecimal max) {
    }

    /**
     * A leaf's text with its number and points taken off where they were only the table's way of showing them;
     * {@code parts}: the pieces of a text scored in parts ({@code …(2分);…(2分)。}), else empty.
     */
    record LeafText(Integer number, String text, BigDecimal points, List<Part> parts) {
        LeafText(Integer number, String text, BigDecimal points) {
            this(number, text, points, List.of());
        }
    }

    record Part(String text, BigDecimal points) {
    }

    private TableText() {
    }

    /** A category's label; an Arabic number becomes the Chinese numeral the bundled rubrics use ({@code 2、} → 二). */
    static Label category(String cell) {
        String line = oneLine(cell);
        Matcher m = LABEL.matcher(line);
        if (!m.matches()) {
            Label plain = indicator(cell);
            return new Label(null, plain.name(), plain.max());
        }
        String code = m.group(1).chars().allMatch(Character::isDigit) ? chinese(Integer.parseInt(m.group(1))) : m.group(1);
        return new Label(code, joinSpelledOut(m.group(2)), points(m.group(3), m.group(4)));
    }

    /** An indicator's label: a name and perhaps its points ({@code 政治建设\n11分}). */
    static Label indicator(String cell) {
        Matcher m = NAME_AND_POINTS.matcher(oneLine(cell));
        m.matches();
        return new Label(null, joinSpelledOut(m.group(1)), points(m.group(2), m.group(3)));
    }

    /**
     * A leaf's text as a table without a 分值 column states it: a leading number ({@code （1）}, {@code 1、},
     * {@code 1)}) taken off, and its points read from {@code 分值N分} (kept in the text), a trailing {@code N分}
     * (taken off), or the sum of its parts' {@code (N分)} (kept). {@code points} is null when none is found.
     */
    static LeafText leaf(String cell, boolean pointsFromText) {
        String text = lines(cell);
        Integer number = null;
        Matcher n = LEAF_NUMBER.matcher(text);
        if (n.find()) {
            number = Integer.valueOf(n.group(1) != null ? n.group(1) : n.group(2));
            text = text.substring(n.end());
        }
        if (!pointsFromText) {
            return new LeafText(number, text, null);
        }
        Matcher stated = STATED_POINTS.matcher(text);
        if (stated.find()) {
            return new LeafText(number, text, new BigDecimal(stated.group(1)));
        }
        Matcher trailing = TRAILING_POINTS.matcher(text);
        if (trailing.find()) {
            return new LeafText(number, text.substring(0, trailing.start()).strip(), new BigDecimal(trailing.group(1)));
        }
        BigDecimal sum = null;
        List<Part> parts = new ArrayList<>();
        int start = 0;
        Matcher part = PART_POINTS.matcher(text);
        while (part.find()) {
            BigDecimal points = new BigDecimal(part.group(1));
            sum = (sum == null ? BigDecimal.ZERO : sum).add(points);
            int end = part.end();
            while (end < text.length() && PART_END.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            parts.add(new Part(text.substring(start, end).strip(), points));
            start = end;
        }
        if (parts.size() < 2) {
            return new LeafText(number, text, sum);
        }
        if (start < text.length()) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part((last.text() + text.substring(start)).strip(), last.points()));
        }
        return new LeafText(number, text, sum, List.copyOf(parts));
    }

    /** Whether a label opens the rules below the scored items (益阳's 特色加分项目, a 扣分项目 or 一票否决 block). */
    static boolean opensRules(String label) {
        return SECTION_OF_RULES.matcher(label.replaceAll("\\s+", "")).matches();
    }

    /** A short name for a leaf the table names only by its text: its first clause, at most 16 characters. */
    static String shortName(String text) {
        String first = text.split("[，。；;,：:\\n]", 2)[0].strip();
        return first.length() <= 16 ? first : first.substring(0, 16);
    }

    /** A cell's lines, each stripped, the empty ones left out. */
    static String lines(String text) {
        return String.join("\n", Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The text on one line, as the table writes it (full-width brackets stay full-width). */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static String chinese(int n) {
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        return (n < 20 ? "" : String.valueOf(DIGITS.charAt(n / 10))) + "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
    }

    private static BigDecimal points(String bracketed, String bare) {
        String p = bracketed != null ? bracketed : bare;
        return p == null ? null : new BigDecimal(p);
    }

    /** A name written a character a line ({@code 组\n织\n领\n导}) joined again; words between spaces keep one space. */
    private static String joinSpelledOut(String name) {
        String[] words = name.strip().split("\\s+");
        if (words.length > 1 && Arrays.stream(words).allMatch(w -> w.codePointCount(0, w.length()) == 1)) {
            return String.join("", words);
        }
        return String.join(" ", words);
    }
}
