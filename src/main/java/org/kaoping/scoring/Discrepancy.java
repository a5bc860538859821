package org.kaoping.scoring;

import org.kaoping.scoring.input.CellRef;

/**
 * One row of the discrepancy report. {@code item} is the leaf (code and short name) or adjustment item;
 * {@code selfValue}/{@code officialValue} are display strings where the kind compares values.
 */
public record Discrepancy(DiscrepancyKind kind, String unit, CellRef where, String item, String selfValue,
                          String officialValue, String message) {

    public static Discrepancy of(DiscrepancyKind kind, String unit, CellRef where, String item, String message) {
        return new Discrepancy(kind, unit, where, item, "", "", message);
    }
}
