package org.kaoping.normalize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaoping.read.GridCell;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.text.Text;

/**
 * How workbooks name a leaf in a label of its own (a matrix column, the 项目 of a 加扣分 row): by its code as the
 * rubric writes it, or by its place as category.item in any spelling ({@code 1.1}, {@code 1-1}, {@code 一.1},
 * {@code 一、1}, {@code （一）1}, {@code (一)1}). One per rubric, shared by the parsing threads: every matrix of a
 * campaign has the same few dozen column labels, so each label is resolved once (normalising it and comparing it
 * with every leaf's code, each a few patterns, was a tenth of reading an inspection matrix).
 */
final class LeafLabels {
    private static final int REMEMBERED = 20_000;
    private static final Pattern BRACKETED = Pattern.compile("^[(（]([一二三四五六七八九十]+|\\d+)[)）]\\s*(\\d+)$");
    private static final Pattern SEPARATED = Pattern.compile("^([一二三四五六七八九十]+|\\d+)\\s*[.\\-－—、]\\s*(\\d+)$");
    private static final Pattern LEADING_BRACKETS = Pattern.compile("^\\(([^()]+)\\)(.*)$");
    private static final Pattern CODE_SEPARATOR = Pattern.compile("[\\-－—、]");

    // Excel's serial 1 is 1900-01-01 and it counts a 29 February 1900 that never was: from March 1900 on,
    // serial n is 1899-12-30 plus n days.
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final BigDecimal FIRST_SERIAL = BigDecimal.valueOf(32_874);   // 1990-01-01
    private static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(73_051);    // 2100-01-01

    private final Rubric rubric;
    private final Map<String, Leaf> byCode = new HashMap<>();
    private final Map<String, Optional<Leaf>> resolved = new ConcurrentHashMap<>();

    LeafLabels(Rubric rubric) {
        this.rubric = rubric;
        // The first leaf with a code wins, as a search in rubric order would find it.
        rubric.leaves().forEach(l -> byCode.putIfAbsent(codeKey(l.code()), l));
    }

    Optional<Leaf> resolve(String label) {
        if (label == null) {
            return Optional.empty();
        }
        Optional<Leaf> known = resolved.get(label);
        if (known == null) {
            if (resolved.size() >= REMEMBERED) {
                resolved.clear();
            }
            known = resolveAfresh(label);
            resolved.put(label, known);
        }
        return known;
    }

    private Optional<Leaf> resolveAfresh(String label) {
        String code = codeKey(label);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Leaf byItsCode = byCode.get(code);
        if (byItsCode != null) {
            return Optional.of(byItsCode);
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
     * Excel turns a typed {@code 1-2} into the date 2 January of the current year, so a matrix header may arrive
     * as a date serial: read month and day back as category and position. Only serials from 1990 to 2100
     * count, so a leaf code typed as a plain number ({@code 11}) is never taken for a date.
     */
    Optional<Leaf> fromAutoDate(GridCell cell) {
        BigDecimal n = cell.number();
        if (n == null || n.stripTrailingZeros().scale() > 0 || n.compareTo(FIRST_SERIAL) < 0 || n.compareTo(LAST_SERIAL) > 0) {
            return Optional.empty();
        }
        LocalDate date = EXCEL_EPOCH.plusDays(n.longValue());
        return rubric.leafAt(date.getMonthValue(), date.getDayOfMonth());
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
        return CODE_SEPARATOR.matcher(k).replaceAll(".");
    }
}
