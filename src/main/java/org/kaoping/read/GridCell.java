package org.kaoping.read;

import java.math.BigDecimal;

/** A cell's content as read: its text and, for numeric cells (or cached formula results), its exact number. */
public record GridCell(String text, BigDecimal number) {
    public static final GridCell EMPTY = new GridCell("", null);

    public boolean isEmpty() {
        return number == null && (text == null || text.isBlank());
    }
}
