package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rubric as an office's table lays it out, before it is a rubric file: categories with their leaves, and the prose
 * found below the table (bonus and deduction rules, caps), which a person turns into rules.
 */
record RubricDraft(String name, List<Category> categories, List<String> prose) {

    record Category(String code, String name, BigDecimal max, List<Leaf> leaves) {
    }

    /** {@code row}: where the table states it (1-based), for messages. */
    record Leaf(String code, String name, String text, BigDecimal max, List<String> methods, List<String> departments,
                int row) {
    }

    BigDecimal max() {
        return categories.stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    int leafCount() {
        return categories.stream().mapToInt(c -> c.leaves().size()).sum();
    }
}
