package org.kaoping.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The campaign setup (rubric, roster) of each run, loaded once: every step of a run then scores against
 * the same configuration, even if a file under config/ is edited while it runs.
 */
@Component
public class RunSetups {
    private final KaopingHome home;
    private final CampaignSetupLoader loader;
    private final ObjectProvider<SetupHeadStart> headStart;
    private final Map<String, CampaignSetup> byRun = new ConcurrentHashMap<>();

    public RunSetups(KaopingHome home, CampaignSetupLoader loader, ObjectProvider<SetupHeadStart> headStart) {
        this.home = home;
        this.loader = loader;
        this.headStart = headStart;
    }

    /**
     * Validates and loads a campaign for a run about to start (or takes what {@link SetupHeadStart} loaded for it);
     * throws when its configuration is broken.
     */
    public CampaignSetup prepare(String campaign, String runId) {
        SetupHeadStart early = headStart.getIfAvailable();
        CampaignSetup setup = Optional.ofNullable(early).flatMap(h -> h.take(home, campaign))
                .orElseGet(() -> loader.load(home, campaign));
        byRun.put(runId, setup);
        return setup;
    }

    /** The run's setup; loaded here when the run was not prepared in this process. */
    public CampaignSetup of(String campaign, String runId) {
        return byRun.computeIfAbsent(runId, id -> loader.load(home, campaign));
    }

    public void finished(String runId) {
        byRun.remove(runId);
    }
}
