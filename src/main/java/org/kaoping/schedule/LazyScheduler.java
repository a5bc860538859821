package org.kaoping.schedule;

import java.util.Properties;
import javax.sql.DataSource;
import org.kaoping.store.SqlDialect;
import org.quartz.Scheduler;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.quartz.autoconfigure.JobStoreType;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The Quartz scheduler, created only when {@code serve} asks for it. Boot's own Quartz scheduler bean is created
 * with the context even when it does not start, and a created Quartz scheduler already runs its scheduler thread
 * and worker pool; a {@code run} must have neither. Configured like Boot's from {@code spring.quartz.*}
 * (scheduler name, job store type, Quartz properties, shutdown), with jobs built by Spring (constructor injection).
 */
public class LazyScheduler implements DisposableBean {
    private static final String DRIVER_DELEGATE = "org.quartz.jobStore.driverDelegateClass";
    private final QuartzProperties properties;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final ApplicationContext context;
    private final SqlDialect dialect;
    private SchedulerFactoryBean factory;

    public LazyScheduler(QuartzProperties properties, DataSource dataSource,
                         PlatformTransactionManager transactionManager, ApplicationContext context, SqlDialect dialect) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.context = context;
        this.dialect = dialect;
    }

    /** The scheduler, created on first use, not started. */
    public synchronized Scheduler get() {
        if (factory == null) {
            SchedulerFactoryBean f = new SchedulerFactoryBean();
            SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
            jobFactory.setApplicationContext(context);
            f.setJobFactory(jobFactory);
            f.setApplicationContext(context);
            f.setResourceLoader(context);
            f.setSchedulerName(properties.getSchedulerName());
            f.setAutoStartup(false);
            f.setWaitForJobsToCompleteOnShutdown(properties.isWaitForJobsToCompleteOnShutdown());
            if (properties.getJobStoreType() == JobStoreType.JDBC) {
                f.setDataSource(dataSource);
                f.setTransactionManager(transactionManager);
            }
            Properties quartz = new Properties();
            if (dialect == SqlDialect.POSTGRESQL) { // its BYTEA columns need Quartz's PostgreSQL delegate
                quartz.put(DRIVER_DELEGATE, "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            }
            quartz.putAll(properties.getProperties());
            f.setQuartzProperties(quartz);
            try {
                f.afterPropertiesSet();
            } catch (Exception e) {
                throw new IllegalStateException("无法创建定时调度器：" + e.getMessage(), e);
            }
            factory = f;
        }
        return factory.getObject();
    }

    public synchronized boolean created() {
        return factory != null;
    }

    @Override
    public synchronized void destroy() throws Exception {
        if (factory != null) {
            factory.destroy();
        }
    }
}
