package org.kaoping.campaign;

import java.nio.file.Files;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterLoader;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricException;
import org.kaoping.rubric.RubricLoader;

/**
 * Loads and validates everything a run needs before it reads a single workbook; a broken configuration
 * stops here with a one-line reason.
 */
public final class CampaignSetupLoader {
    private final CampaignLoader campaigns = new CampaignLoader();
    private final RubricLoader rubrics = new RubricLoader();
    private final RosterLoader rosters = new RosterLoader();

    public CampaignSetup load(KaopingHome home, String code) {
        Campaign campaign = campaigns.load(home, code);
        if (!Files.isRegularFile(campaign.rubricFile())) {
            throw new RubricException("考核“" + code + "”的评分细则 " + campaign.rubric() + " 不存在：" + campaign.rubricFile());
        }
        Rubric rubric = rubrics.load(campaign.rubricFile());
        if (!rubric.scored()) {
            throw new RubricException("考核“" + code + "”的评分细则 " + campaign.rubric()
                    + " 是责任分工表（scored: false），没有分值，不能用于评分；请在评分细则中用 responsibilities 引用它");
        }
        new RankingRulesParser(campaign.code() + ".yml").checkAgainst(campaign.ranking(), rubric);
        Roster roster = rosters.load(campaign.rosterFile());
        return new CampaignSetup(campaign, rubric, roster, CampaignSetup.fingerprint(campaign, rubric));
    }
}
