package org.kaoping.job;

import java.util.List;
import org.kaoping.KaopingProperties;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.normalize.WorkbookParser;
import org.kaoping.read.ReadLimits;
import org.kaoping.run.CampaignExecutions;
import org.kaoping.run.LiveExecutions;
import org.kaoping.run.RunSetups;
import org.kaoping.store.BuildFingerprint;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;
import org.kaoping.store.UnitOutcomeRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/** Wiring of the consolidation job: intake → read → consolidate and report. Logic lives in the step classes. */
@Configuration
public class ConsolidationJobConfiguration {
    public static final String JOB_NAME = "consolidationJob";

    @Bean
    Job consolidationJob(JobRepository jobRepository, Step intakeStep, Step readStep, Step reportStep,
                         LiveExecutions liveExecutions) {
        return new JobBuilder(JOB_NAME, jobRepository).listener(liveExecutions)
                .start(intakeStep).next(readStep).next(reportStep).build();
    }

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IntakeTasklet intakeTasklet) {
        // Intake and read run again when an interrupted run is restarted: files added or corrected in the meantime
        // are taken in, so the restarted run's result is that of a fresh run on the inputs as they are now.
        return new StepBuilder("intake", jobRepository).tasklet(intakeTasklet, transactionManager)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step readStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                  PendingWorkbookReader pendingWorkbookReader, ParseWorkbookProcessor parseWorkbookProcessor,
                  ParsedWorkbookWriter parsedWorkbookWriter, KaopingProperties properties,
                  AsyncTaskExecutor readExecutor, List<ReadStepListener> listeners) {
        // The chunk's workbooks are parsed on the read threads; the chunk is written and committed whole.
        var step = new StepBuilder("read", jobRepository)
                .<RunFileRepository.RunFile, ParsedWorkbookRepository.Stored>chunk(properties.read().chunkSize())
                .transactionManager(transactionManager)
                .taskExecutor(readExecutor)
                .reader(pendingWorkbookReader)
                .processor(parseWorkbookProcessor)
                .writer(parsedWorkbookWriter)
                .allowStartIfComplete(true);
        listeners.forEach(step::listener);
        return step.build();
    }

    /**
     * The threads that parse workbooks: one per core by default ({@code kaoping.read.threads}). Parsing is CPU
     * work on files of a few KB, so more threads than cores only add contention.
     */
    @Bean
    ThreadPoolTaskExecutor readExecutor(KaopingProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int n = properties.read().threadCount();
        executor.setCorePoolSize(n);
        executor.setMaxPoolSize(n);
        executor.setThreadNamePrefix("read-");
        executor.setDaemon(true);
        return executor;
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    ConsolidateAndReportTasklet consolidateAndReportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(consolidateAndReportTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    IntakeTasklet intakeTasklet(KaopingHome home, RunSetups setups, RunFileRepository runFiles,
                                @Value("#{jobParameters['campaign']}") String campaign,
                                ReadLimits limits, RunRecordRepository records, BuildFingerprint build,
                                @Value("#{jobParameters['run.id']}") String runId) {
        return new IntakeTasklet(home, setups.of(campaign, runId), runId, runFiles, limits, records, build);
    }

    @Bean
    @StepScope
    PendingWorkbookReader pendingWorkbookReader(RunFileRepository runFiles, ParsedWorkbookRepository parsed,
                                                @Value("#{jobParameters['run.id']}") String runId) {
        return new PendingWorkbookReader(runId, runFiles, parsed);
    }

    @Bean
    @StepScope
    ParsedWorkbookWriter parsedWorkbookWriter(ParsedWorkbookRepository parsed) {
        return new ParsedWorkbookWriter(parsed);
    }

    @Bean
    @StepScope
    ParseWorkbookProcessor parseWorkbookProcessor(KaopingHome home, RunSetups setups, ReadLimits limits,
                                                  @Value("#{jobParameters['campaign']}") String campaign,
                                                  @Value("#{jobParameters['run.id']}") String runId) {
        CampaignSetup setup = setups.of(campaign, runId);
        return new ParseWorkbookProcessor(home.input(campaign),
                new WorkbookParser(setup.rubric(), setup.roster(), limits));
    }

    @Bean
    @StepScope
    ConsolidateAndReportTasklet consolidateAndReportTasklet(KaopingHome home, RunSetups setups,
                                                            RunFileRepository runFiles, ParsedWorkbookRepository parsed,
                                                            UnitOutcomeRepository outcomes, BuildFingerprint build,
                                                            RunRecordRepository records, CampaignExecutions executions,
                                                            ReadLimits limits,
                                                            KaopingProperties properties,
                                                            @Value("#{jobParameters['campaign']}") String campaign,
                                                            @Value("#{jobParameters['run.id']}") String runId) {
        return new ConsolidateAndReportTasklet(home, setups.of(campaign, runId), runId, runFiles, parsed, outcomes,
                build, records, executions, limits,
                properties.report().scoreBatch());
    }
}
