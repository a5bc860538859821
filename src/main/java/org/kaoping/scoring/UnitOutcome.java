package org.kaoping.scoring;

import java.util.List;

/** A unit scored but not yet ranked ({@code result} has no rank), with the discrepancies found in scoring it. */
public record UnitOutcome(UnitResult result, List<Discrepancy> discrepancies) {
    public UnitOutcome {
        discrepancies = List.copyOf(discrepancies);
    }
}
