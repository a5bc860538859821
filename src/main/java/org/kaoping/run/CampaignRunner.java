package org.kaoping.run;

/** Runs a campaign once, exactly as {@code run <campaign>} does, and returns its exit code ({@link ExitCodes}). */
@FunctionalInterface
public interface CampaignRunner {
    int run(String campaign);
}
