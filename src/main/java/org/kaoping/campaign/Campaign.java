package org.kaoping.campaign;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.ranking.RankingRules;

/**
 * A campaign as configured in {@code config/campaigns/<code>.yml}: its display name, the rubric it scores
 * against, its roster, when self/official gaps are reported, how units are ranked, graded and shown, and
 * how many run folders to keep ({@code retention}, null: all), whether each unit gets a 反馈表 ({@code feedback}),
 * and the steps a score is typed in on the campaign's fill-in forms ({@code scoreStep}).
 */
public record Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps,
                       RankingRules ranking, Integer retention, boolean feedback, BigDecimal scoreStep) {
    /** The steps a score is typed in unless the campaign says otherwise: half points. */
    public static final BigDecimal SCORE_STEP = new BigDecimal("0.5");

    public Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps,
                    RankingRules ranking) {
        this(code, name, rubric, rubricFile, rosterFile, gaps, ranking, null, true, SCORE_STEP);
    }
}
