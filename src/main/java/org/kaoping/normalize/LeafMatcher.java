package org.kaoping.normalize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.text.Text;

/**
 * Matches the rows of one score table to rubric leaves: by the code a row shows ({@code （1）}, {@code 2)}, {@code 1.2},
 * {@code Ⅲ-3}), by the leaf's name ({@code 思想建设}), by the beginning of the leaf's text, and finally by
 * position (the leaf after the previous row's, within the row's category). One matcher per sheet: it
 * remembers which leaves are taken, so a sheet's rows are matched by content first and by position after.
 */
final class LeafMatcher {
    private static final Pattern BRACKETED = Pattern.compile("^[(（]\\s*(\\d+)\\s*[)）]");
    private static final Pattern DOTTED = Pattern.compile("^([0-9IVX]+)\\s*[.\\-－—]\\s*(\\d+)(?!\\d)");
    // 益阳's table numbers its criteria "2)广泛运用…": a closing bracket alone is a number too.
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)\\s*[、.)）]");
    private static final Pattern TRAILING_POINTS = Pattern.compile("[(（]?\\d+(\\.\\d+)?分[)）]?$");
    private static final Pattern CATEGORY_ORDINAL = Pattern.compile("^[(（]?([一二三四五六七八九十]+|\\d+)\\s*[)）、.\\s]");
    private static final Pattern LEADING_CODE = Pattern.compile("^([(（]\\d+[)）]|\\d+[、.)）])");
    private static final int TEXT_PREFIX = 12;

    /**
     * The rubric's leaves keyed the ways rows name them: built once per rubric and shared by every sheet's
     * matcher, and so by the parsing threads. It also remembers the keys of the row texts it has seen: every
     * workbook of a campaign repeats the same few hundred item texts, and making their keys (normalising,
     * three patterns) was most of the time spent matching.
     */
    static final class Index {
        private static final int REMEMBERED = 20_000;
        private static final String NO_CODE = "";

        private final Rubric rubric;
        private final Map<String, Leaf> byCode = new HashMap<>();
        private final Map<String, Leaf> byName = new HashMap<>();
        private final List<String> textKeys;
        private final Map<String, String> nameKeys = new ConcurrentHashMap<>();
        private final Map<String, String> shownCodes = new ConcurrentHashMap<>();
        private final Map<String, String> prefixKeys = new ConcurrentHashMap<>();

        Index(Rubric rubric) {
            this.rubric = rubric;
            for (Leaf leaf : rubric.leaves()) {
                byCode.putIfAbsent(codeKey(leaf.code()), leaf);
                if (!Text.isBlank(leaf.name())) {
                    byName.putIfAbsent(nameKey(leaf.name()), leaf);
                }
            }
            this.textKeys = rubric.leaves().stream().map(l -> withoutCode(Text.key(l.text()))).toList();
        }

        String nameKey(String text) {
            return remembered(nameKeys, text, LeafMatcher::nameKey);
        }

        /** The code the text begins with, or null. */
        String shownCode(String text) {
            // A code begins with a digit, a numeral or a bracket. Most item texts begin with an ideograph instead,
            // and need not be looked up (hashing long texts for this lookup was a sixth of normalising's samples).
            if (Text.startsWithIdeograph(text)) {
                return null;
            }
            String code = remembered(shownCodes, text, t -> Objects.requireNonNullElse(LeafMatcher.shownCode(t), NO_CODE));
            return code.isEmpty() ? null : code;
        }

        String prefixKey(String text) {
            return remembered(prefixKeys, text, t -> withoutCode(Text.key(t)));
        }

        /** Bounded: a campaign of very varied texts starts afresh rather than growing without end. */
        private static String remembered(Map<String, String> keys, String text, Function<String, String> key) {
            if (text == null) {
                return key.apply(null);
            }
            String known = keys.get(text);
            if (known == null) {
                if (keys.size() >= REMEMBERED) {
                    keys.clear();
                }
                known = key.apply(text);
                keys.put(text, known);
            }
            return known;
        }
    }

    private final Rubric rubric;
    private final Index index;
    private final Set<String> taken = new HashSet<>();

    LeafMatcher(Index index) {
        this.rubric = index.rubric;
        this.index = index;
    }

    /**
     * The leaf a row's own text names (its code, name or the beginning of its text), or empty; texts are the
     * row's item-text cells, most general first.
     */
    Optional<Leaf> matchByContent(List<String> texts) {
        Optional<Leaf> found = byShownCode(texts).or(() -> byNameOrText(texts));
        found.ifPresent(leaf -> taken.add(leaf.code()));
        return found;
    }

    /**
     * For a row its text does not place: the first leaf not yet taken after {@code previousRow} (the leaf of
     * the nearest row above that has one), within the row's category.
     */
    Optional<Leaf> matchByPosition(String categoryText, Leaf previousRow) {
        Optional<Leaf> found = byPosition(category(categoryText), previousRow);
        found.ifPresent(leaf -> taken.add(leaf.code()));
        return found;
    }

    private Optional<Leaf> byShownCode(List<String> texts) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            String code = index.shownCode(texts.get(i));
            if (code != null) {
                Leaf leaf = index.byCode.get(code);
                if (leaf != null && !taken.contains(leaf.code())) {
                    return Optional.of(leaf);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Leaf> byNameOrText(List<String> texts) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            Leaf leaf = index.byName.get(index.nameKey(texts.get(i)));
            if (leaf != null && !taken.contains(leaf.code())) {
                return Optional.of(leaf);
            }
        }
        for (int i = texts.size() - 1; i >= 0; i--) {
            String key = index.prefixKey(texts.get(i));
            if (key.length() < TEXT_PREFIX) {
                continue;
            }
            String prefix = key.substring(0, TEXT_PREFIX);
            List<Leaf> leaves = rubric.leaves();
            for (int l = 0; l < leaves.size(); l++) {
                Leaf leaf = leaves.get(l);
                if (!taken.contains(leaf.code()) && index.textKeys.get(l).startsWith(prefix)) {
                    return Optional.of(leaf);
                }
            }
        }
        return Optional.empty();
    }

    /** The leaf after the previous row's, if it is in the row's category (when the row shows one). */
    private Optional<Leaf> byPosition(Optional<Category> category, Leaf previous) {
        List<Leaf> all = rubric.leaves();
        int next = previous == null ? 0 : all.indexOf(previous) + 1;
        if (category.isPresent() && (previous == null || !previous.categoryCode().equals(category.get().code()))) {
            next = all.indexOf(category.get().leaves().get(0));
        }
        while (next < all.size() && taken.contains(all.get(next).code())) {
            next++;
        }
        if (next >= all.size()) {
            return Optional.empty();
        }
        Leaf candidate = all.get(next);
        if (category.isPresent() && !candidate.categoryCode().equals(category.get().code())) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    Optional<Category> category(String text) {
        String key = Text.key(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CATEGORY_ORDINAL.matcher(Text.clean(text));
        if (m.find()) {
            int ordinal = Numerals.parse(m.group(1));
            if (ordinal >= 1 && ordinal <= rubric.categories().size()) {
                return Optional.of(rubric.categories().get(ordinal - 1));
            }
        }
        return rubric.categories().stream()
                .filter(c -> !Text.isBlank(c.name()) && key.contains(Text.key(c.name())))
                .findFirst();
    }

    /** The code a cell's text begins with, normalised like {@link #codeKey}; null if none. */
    static String shownCode(String text) {
        String s = Text.clean(text);
        Matcher m = BRACKETED.matcher(s);
        if (m.find()) {
            return m.group(1);
        }
        m = DOTTED.matcher(s);
        if (m.find()) {
            return m.group(1) + "." + m.group(2);
        }
        m = NUMBERED.matcher(s);
        if (m.find()) {
            return m.group(1);
        }
        return null;
    }

    static String codeKey(String code) {
        return LeafLabels.codeKey(code);
    }

    private static String nameKey(String text) {
        String key = Text.key(text);
        return key.indexOf('分') < 0 ? key : TRAILING_POINTS.matcher(key).replaceFirst("");
    }

    private static String withoutCode(String key) {
        return LEADING_CODE.matcher(key).replaceFirst("");
    }
}
