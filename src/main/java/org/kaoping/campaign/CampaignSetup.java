package org.kaoping.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kaoping.roster.Roster;
import org.kaoping.rubric.Rubric;

/**
 * A campaign with its rubric and roster loaded and validated. {@code contextKey} fingerprints the rubric
 * (with the responsibility map it names) and roster files: a workbook parsed under one context is re-parsed, and
 * its units scored again, when any of them changes.
 */
public record CampaignSetup(Campaign campaign, Rubric rubric, Roster roster, String contextKey) {

    static String fingerprint(Campaign campaign, Rubric rubric) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(campaign.rubricFile()));
            digest.update(Files.readAllBytes(campaign.rosterFile()));
            // The responsibility map a rubric names is read with it (责任部门, 责任人 of every leaf in the reports).
            if (rubric.responsibilities() != null) {
                digest.update(Files.readAllBytes(campaign.rubricFile().resolveSibling(rubric.responsibilities() + ".yml")));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CampaignException("无法读取 " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
