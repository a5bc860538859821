package org.kaoping.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

/**
 * One unit's result from one source, in exact decimals: Base = Σ clamped leaf scores,
 * Total = Base + Bonus − Deduction. {@code leafScores} are the clamped scores by leaf code.
 */
public record Scored(Source source, CellRef origin, BigDecimal base, BigDecimal bonus, BigDecimal deduction,
                     boolean vetoed, Map<String, BigDecimal> leafScores, List<AppliedAdjustment> adjustments,
                     List<Discrepancy> discrepancies) {

    public Scored {
        leafScores = Map.copyOf(leafScores);
        adjustments = List.copyOf(adjustments);
        discrepancies = List.copyOf(discrepancies);
    }

    public BigDecimal total() {
        return base.add(bonus).subtract(deduction);
    }
}
