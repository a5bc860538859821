package org.kaoping.schedule;

import org.kaoping.campaign.KaopingHome;
import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of {@code serve}. The Quartz scheduler itself is Boot's (JDBC job store in the kaoping H2 database,
 * {@code spring.quartz.*} in application.properties), created stopped; only {@link ServeCommand} starts it.
 */
@Configuration
public class ScheduleConfiguration {

    @Bean
    CampaignSchedules campaignSchedules() {
        return new CampaignSchedules();
    }

    @Bean
    ScheduleReconciler scheduleReconciler() {
        return new ScheduleReconciler();
    }

    @Bean
    ServeCommand serveCommand(KaopingHome home, Scheduler scheduler, CampaignSchedules schedules,
                              ScheduleReconciler reconciler) {
        return new ServeCommand(home, scheduler, schedules, reconciler);
    }
}
