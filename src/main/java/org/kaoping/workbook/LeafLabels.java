package org.kaoping.workbook;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.text.Text;

/**
 * How workbooks name a leaf in a label of its own (a matrix column, the 项目 of a 加扣分 row): by its code as the
 * rubric writes it, or by its place as category.item in any spelling ({@code 1.1}, {@code 1-1}, {@code 一.1},
 * {@code 一、1}, {@code （一）1}, {@code (一)1}).
 */
final class LeafLabels {
    private static final Pattern BRACKETED = Pattern.compile("^[(（]([一二三四五六七八九十]+|\\d+)[)）]\\s*(\\d+)$");
    private static final Pattern SEPARATED = Pattern.compile("^([一二三四五六七八九十]+|\\d+)\\s*[.\\-－—、]\\s*(\\d+)$");
    private static final Pattern LEADING_BRACKETS = Pattern.compile("^\\(([^()]+)\\)(.*)$");

    private LeafLabels() {
    }

    static Optional<Leaf> resolve(Rubric rubric, String label) {
        String code = codeKey(label);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Optional<Leaf> byCode = rubric.leaves().stream().filter(l -> codeKey(l.code()).equals(code)).findFirst();
        if (byCode.isPresent()) {
            return byCode;
        }
        String clean = Text.key(label);
        for (Pattern p : List.of(BRACKETED, SEPARATED)) {
            Matcher m = p.matcher(clean);
            if (m.matches()) {
                return rubric.leafAt(Numerals.parse(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return Optional.empty();
    }

    /**
     * A code as compared: {@code (12)}, {@code （12）} → {@code 12}; {@code 1-2}, {@code 1．2} → {@code 1.2};
     * {@code （一）1}, {@code 一、1} → {@code 一.1}; {@code Ⅲ-3} → {@code III.3}. Only a leading bracket pair is
     * unwrapped, so a part's code {@code 1(1)} never collides with leaf {@code 11}.
     */
    static String codeKey(String code) {
        String k = Text.key(code);
        Matcher m = LEADING_BRACKETS.matcher(k);
        if (m.matches()) {
            k = m.group(2).isEmpty() ? m.group(1) : m.group(1) + "." + m.group(2);
        }
        return k.replaceAll("[\\-－—、]", ".");
    }
}
