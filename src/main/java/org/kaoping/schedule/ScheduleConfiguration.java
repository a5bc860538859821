package org.kaoping.schedule;

import javax.sql.DataSource;
import org.kaoping.KaopingProperties;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.run.CampaignRunner;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;
import org.kaoping.store.SqlDialect;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wiring of {@code serve}: Quartz with its JDBC job store, clustered, in kaoping's database ({@code spring.quartz.*} in
 * application.properties). Boot's Quartz auto-configuration is excluded there and replaced by {@link LazyScheduler},
 * so that only {@code serve} creates (and starts) a scheduler; the QRTZ_* tables come from the migrations.
 */
@Configuration
@EnableConfigurationProperties(QuartzProperties.class)
public class ScheduleConfiguration {

    @Bean
    LazyScheduler lazyScheduler(QuartzProperties properties, DataSource dataSource,
                                PlatformTransactionManager transactionManager, ApplicationContext context,
                                SqlDialect dialect) {
        return new LazyScheduler(properties, dataSource, transactionManager, context, dialect);
    }

    @Bean
    CampaignSchedules campaignSchedules() {
        return new CampaignSchedules();
    }

    @Bean
    ScheduleReconciler scheduleReconciler() {
        return new ScheduleReconciler();
    }

    @Bean
    InputWatcher inputWatcher(KaopingHome home, CampaignRunner runner, RunRecordRepository records,
                              RunFileRepository runFiles) {
        return new InputWatcher(home, runner, records, runFiles);
    }

    @Bean
    ServeCommand serveCommand(KaopingHome home, LazyScheduler scheduler, CampaignSchedules schedules,
                              ScheduleReconciler reconciler, InputWatcher watcher, KaopingProperties properties) {
        return new ServeCommand(home, scheduler, schedules, reconciler, watcher, properties.serve().gracePeriod());
    }
}
