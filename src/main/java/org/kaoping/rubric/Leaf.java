package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scored criterion. {@code position} is its 1-based place within its category, which is how
 * inspection matrices label columns ({@code 1-1}, {@code 一.1}).
 */
public record Leaf(String code, String name, String text, BigDecimal max, String categoryCode, int categoryOrdinal,
                   int position, List<String> methods, List<String> departments, BigDecimal bonusCap) {

    public Leaf {
        methods = List.copyOf(methods);
        departments = List.copyOf(departments);
    }

    /** Code and short name, as reports show a leaf: {@code 2.2 思想道德建设}. */
    public String label() {
        return name == null || name.isBlank() ? code : code + " " + name;
    }
}
