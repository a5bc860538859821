package org.kaoping.scoring;

import java.util.List;
import java.util.Objects;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.ranking.RankingRules;

/**
 * Everything a run reports: units in ranking order (ranked, then vetoed, then 未考核), all discrepancies,
 * and the ranking rules they were ranked, graded and are to be shown by.
 */
public record CampaignResult(Rubric rubric, List<UnitResult> units, List<Discrepancy> discrepancies,
                             RankingRules ranking) {
    public CampaignResult {
        units = List.copyOf(units);
        discrepancies = List.copyOf(discrepancies);
        Objects.requireNonNull(ranking);
    }

    public CampaignResult(Rubric rubric, List<UnitResult> units, List<Discrepancy> discrepancies) {
        this(rubric, units, discrepancies, RankingRules.DEFAULT);
    }
}
