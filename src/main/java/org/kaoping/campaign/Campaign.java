package org.kaoping.campaign;

import java.nio.file.Path;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.RankingRules;

/**
 * A campaign as configured in {@code config/campaigns/<code>.yml}: its display name, the rubric it scores
 * against, its roster, when self/official gaps are reported, and how units are ranked, graded and shown.
 */
public record Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps,
                       RankingRules ranking) {
}
