package org.kaoping.scoring;

import java.util.List;
import org.kaoping.rubric.Rubric;

/** Everything a run reports: units in ranking order (ranked, then vetoed, then 未考核) and all discrepancies. */
public record CampaignResult(Rubric rubric, List<UnitResult> units, List<Discrepancy> discrepancies) {
    public CampaignResult {
        units = List.copyOf(units);
        discrepancies = List.copyOf(discrepancies);
    }
}
