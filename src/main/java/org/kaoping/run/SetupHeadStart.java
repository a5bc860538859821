package org.kaoping.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.roster.RosterException;
import org.kaoping.rubric.RubricException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Loads the setup of the campaign a {@code run <campaign>} names (campaign file, rubric, roster) on a thread of its
 * own while the application context starts, as soon as the settings say where the home is: a cold run otherwise
 * loads it on its one busy thread after the context. The run takes it once it holds the campaign's lock
 * ({@link RunSetups#prepare}), exactly as if it had loaded it then. A configuration that cannot run (a misspelt key,
 * a missing roster) stops the process before the context starts, with exit 3 and the same one-line reason as a run
 * gives: nothing is opened or written, not even the database of a new home. Taken once; any other run loads its own.
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
            home = new KaopingHome(Path.of(Binder.get(prepared.getEnvironment()).bind("kaoping.home", String.class)
                    .orElse(".")));
            setup = CompletableFuture.supplyAsync(() -> new CampaignSetupLoader().load(home, campaign),
                    task -> startDaemon(task));
        } else if (event instanceof ApplicationPreparedEvent context) {
            refuseBrokenConfiguration();
            context.getApplicationContext().getBeanFactory().registerSingleton("setupHeadStart", this);
        }
    }

    private void refuseBrokenConfiguration() {
        try {
            setup.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof CampaignException || e.getCause() instanceof RubricException
                    || e.getCause() instanceof RosterException) {
                System.err.println("无法运行：" + e.getCause().getMessage());
                System.exit(ExitCodes.BAD_CONFIG);
            }
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
