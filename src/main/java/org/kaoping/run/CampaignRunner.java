package org.kaoping.run;

/** Runs a campaign once, exactly as {@code run <campaign>} does, and returns its exit code. */
@FunctionalInterface
public interface CampaignRunner {
    /** Exit code of a run refused because a run of the same campaign holds its {@link CampaignLock}. */
    int BUSY = 4;

    int run(String campaign);
}
