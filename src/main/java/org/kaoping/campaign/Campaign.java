package org.kaoping.campaign;

import java.nio.file.Path;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.ranking.RankingRules;

/**
 * A campaign as configured in {@code config/campaigns/<code>.yml}: its display name, the rubric it scores
 * against, its roster, when self/official gaps are reported, how units are ranked, graded and shown, and
 * how many run folders to keep ({@code retention}, null: all), and whether each unit gets a 反馈表 ({@code feedback}).
 */
public record Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps,
                       RankingRules ranking, Integer retention, boolean feedback) {

    public Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps,
                    RankingRules ranking) {
        this(code, name, rubric, rubricFile, rosterFile, gaps, ranking, null, true);
    }
}
