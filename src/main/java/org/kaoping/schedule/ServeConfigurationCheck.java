package org.kaoping.schedule;

import org.kaoping.KaopingProperties;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.ExitCodes;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code serve}'s campaign files checked as soon as the settings say where the home is: a misspelt key, a wrong
 * {@code schedule}, {@code schedule-zone} or {@code watch} stops it with exit 3 and the same one line as
 * {@link ServeCommand} gives, before the context starts — nothing is opened or written, not even a new home's
 * database.
 */
public final class ServeConfigurationCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        KaopingHome home = KaopingProperties.home(event.getEnvironment());
        try {
            CampaignSchedules schedules = new CampaignSchedules();
            schedules.read(home);
            schedules.watches(home);
        } catch (CampaignException e) {
            System.err.println("无法启动定时运行：" + e.getMessage());
            System.exit(ExitCodes.BAD_CONFIG);
        }
    }
}
