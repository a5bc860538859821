package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rubric as an office's table lays it out, before it is a rubric file: categories with their leaves (under
 * indicators where the table has that level), and the prose found below the table (bonus and deduction rules, caps),
 * which a person turns into rules.
 */
record RubricDraft(String name, List<Category> categories, List<String> prose) {

    /** {@code indicators} empty: the leaves sit under the category itself. */
    record Category(String code, String name, BigDecimal max, List<Indicator> indicators, List<Leaf> leaves) {
    }

    record Indicator(String code, String name, BigDecimal max, List<Leaf> leaves) {
    }

    /**
     * {@code row}: where the table states it (1-based), for messages; {@code number}: as the table shows it, or null;
     * {@code parts}: a text scored in parts, each with its points (empty when scored whole).
     */
    record Leaf(String code, Integer number, String name, String text, BigDecimal max, List<String> methods,
                List<String> departments, List<TableText.Part> parts, int row) {
    }

    BigDecimal max() {
        return categories.stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    int leafCount() {
        return categories.stream().mapToInt(c -> c.leaves().size()).sum();
    }
}
