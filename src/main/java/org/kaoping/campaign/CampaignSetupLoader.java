package org.kaoping.campaign;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterException;
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
    private final Map<Path, LoadedRoster> loadedRosters = new ConcurrentHashMap<>();

    /** A roster as read from a file whose bytes had this digest. */
    private record LoadedRoster(byte[] digest, Roster roster) {
    }

    /** The campaign file and its rubric, checked, and its roster found: where a misspelt key or a wrong reference stops. */
    public record Configuration(Campaign campaign, Rubric rubric) {
    }

    /** The campaign's setup, or empty once {@code err} has been told why it cannot be loaded (a command's exit 3). */
    public Optional<CampaignSetup> loadOrExplain(KaopingHome home, String code, PrintStream err) {
        try {
            return Optional.of(load(home, code));
        } catch (CampaignException | RubricException | RosterException e) {
            err.println("配置有误：" + e.getMessage());
            return Optional.empty();
        }
    }

    public CampaignSetup load(KaopingHome home, String code) {
        return withRoster(configuration(home, code));
    }

    /** The setup of a checked configuration: its roster read. */
    public CampaignSetup withRoster(Configuration configuration) {
        Campaign campaign = configuration.campaign();
        Rubric rubric = configuration.rubric();
        return new CampaignSetup(campaign, rubric, roster(campaign.rosterFile()), CampaignSetup.fingerprint(campaign, rubric));
    }

    /** Everything of a campaign's setup but reading its roster (which only has to exist). */
    public Configuration configuration(KaopingHome home, String code) {
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
        RosterLoader.requireFile(campaign.rosterFile());
        return new Configuration(campaign, rubric);
    }

    /**
     * The roster, parsed again only when the file's bytes changed: every run loads its campaign's setup, and for a
     * roster of thousands of units parsing was most of that. The bytes decide, not the file's times.
     */
    private Roster roster(Path file) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException | NoSuchAlgorithmException e) {
            return rosters.load(file);
        }
        LoadedRoster loaded = loadedRosters.get(file);
        if (loaded != null && Arrays.equals(loaded.digest(), digest)) {
            return loaded.roster();
        }
        Roster roster = rosters.load(file);
        loadedRosters.put(file, new LoadedRoster(digest, roster));
        return roster;
    }
}
