package org.kaoping.scoring;

import java.math.BigDecimal;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

/**
 * A bonus, deduction or veto as it was counted: points per case × count × headcount factor, after the caps
 * ({@code amount}; 0 for vetoes). {@code note} says what was cut or assumed. Listed in 加扣分明细.
 */
public record AppliedAdjustment(Source source, AdjustmentType type, String item, String level, BigDecimal count,
                                BigDecimal pointsPerCase, BigDecimal factor, BigDecimal amount, String evidence,
                                CellRef cell, String note) {
}
