package org.kaoping.run;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kaoping.KaopingProperties;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.roster.RosterException;
import org.kaoping.rubric.RubricException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * The setup of the campaign a {@code run <campaign>} names, begun as soon as the settings say where the home is.
 * The campaign file and rubric are checked there and then: a configuration that cannot run (a misspelt key, a
 * missing roster) stops the process before the context starts, with exit 3 and the same one-line reason as a run
 * gives, so nothing is opened or written, not even the database of a new home. The roster — thousands of rows in a
 * large campaign — is read on a thread of its own while the context starts. The run takes the setup once it holds
 * the campaign's lock ({@link RunSetups#prepare}), as if it had loaded it then. Taken once; any other run loads its
 * own.
 */
public final class SetupHeadStart implements ApplicationListener<SpringApplicationEvent> {
    private final String campaign;
    private KaopingHome home;
    private CompletableFuture<CampaignSetup> setup;

    /** For {@code run <campaign>}. */
    public SetupHeadStart(String campaign) {
        this.campaign = campaign;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            home = KaopingProperties.home(prepared.getEnvironment());
            CampaignSetupLoader loader = new CampaignSetupLoader();
            CampaignSetupLoader.Configuration checked;
            try {
                checked = loader.configuration(home, campaign);
            } catch (CampaignException | RubricException | RosterException e) {
                System.err.println("无法运行：" + e.getMessage());
                System.exit(ExitCodes.BAD_CONFIG);
                return;
            }
            setup = CompletableFuture.supplyAsync(() -> loader.withRoster(checked), SetupHeadStart::startDaemon);
        } else if (event instanceof ApplicationPreparedEvent context) {
            context.getApplicationContext().getBeanFactory().registerSingleton("setupHeadStart", this);
        }
    }

    /** The setup loaded ahead for this home and campaign, the first time it is asked for; throws what loading threw. */
    synchronized Optional<CampaignSetup> take(KaopingHome runHome, String runCampaign) {
        if (setup == null || !campaign.equals(runCampaign) || !home.equals(runHome)) {
            return Optional.empty();
        }
        CompletableFuture<CampaignSetup> taken = setup;
        setup = null;
        try {
            return Optional.of(taken.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "setup-start");
        thread.setDaemon(true);
        thread.start();
    }
}
