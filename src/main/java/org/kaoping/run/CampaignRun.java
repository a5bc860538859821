package org.kaoping.run;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.roster.RosterException;
import org.kaoping.rubric.RubricException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one run path, of {@code run <campaign>} and of a schedule alike: take the campaign's lock (never two runs of a
 * campaign at once: the home's lock file, and on a shared database its lock there too), finish its interrupted run
 * if there is one ({@link RunRecovery}) or start a new one, and return the exit code ({@link ExitCodes}), with a
 * one-line reason on standard error when it is not 0.
 */
@Component
public class CampaignRun implements CampaignRunner {
    private static final Logger log = LoggerFactory.getLogger(CampaignRun.class);

    private final KaopingHome home;
    private final RunSetups setups;
    private final JobOperator jobOperator;
    private final Job consolidationJob;
    private final RunRecovery recovery;
    private final DatabaseCampaignLock databaseLock;

    public CampaignRun(KaopingHome home, RunSetups setups, JobOperator jobOperator, Job consolidationJob,
                       RunRecovery recovery, DatabaseCampaignLock databaseLock) {
        this.home = home;
        this.databaseLock = databaseLock;
        this.setups = setups;
        this.jobOperator = jobOperator;
        this.consolidationJob = consolidationJob;
        this.recovery = recovery;
    }

    @Override
    public int run(String campaign) {
        try (CampaignLock lock = CampaignLock.tryAcquire(home, campaign)) {
            if (!lock.held()) {
                System.err.println("无法运行：" + lock.refusal());
                return ExitCodes.BUSY;
            }
            Optional<DatabaseCampaignLock.Held> shared = databaseLock.tryAcquire(campaign);
            if (shared.isEmpty()) {
                System.err.println("无法运行：" + databaseLock.refusal(campaign));
                return ExitCodes.BUSY;
            }
            try (DatabaseCampaignLock.Held held = shared.get()) {
                return runLocked(campaign);
            }
        } catch (CampaignException e) {
            System.err.println("无法运行：" + e.getMessage());
            return ExitCodes.BAD_CONFIG;
        } catch (DataAccessException e) {
            System.err.println("无法运行：" + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private int runLocked(String campaign) {
        LocalDateTime started = LocalDateTime.now();
        Optional<JobExecution> interrupted = recovery.interrupted(campaign);
        JobParameters parameters = interrupted.map(JobExecution::getJobParameters)
                .orElseGet(() -> RunParameters.of(campaign, started));
        String runId = parameters.getString(RunParameters.RUN_ID);
        CampaignSetup setup;
        try {
            setup = setups.prepare(campaign, runId);
        } catch (CampaignException | RubricException | RosterException e) {
            System.err.println("无法运行：" + e.getMessage());
            return ExitCodes.BAD_CONFIG;
        }
        log.info("开始汇总 {}（{}），运行编号 {}，评分细则 {}，{} 个单位，目录 {}", campaign, setup.campaign().name(), runId,
                setup.rubric().code(), setup.roster().units().size(), home.root());
        try {
            JobExecution execution = interrupted.isPresent() ? recovery.resume(interrupted.get())
                    : jobOperator.start(consolidationJob, parameters);
            Duration elapsed = Duration.between(started, LocalDateTime.now());
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                log.info("汇总完成，用时 {} 秒", String.format("%.1f", elapsed.toMillis() / 1000.0));
                return ExitCodes.OK;
            }
            String reason = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                    .orElse(execution.getExitStatus().getExitDescription());
            System.err.println("汇总失败（" + execution.getStatus() + "）：" + reason);
            return ExitCodes.FAILED;
        } catch (Exception e) {
            System.err.println("汇总失败：" + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            setups.finished(runId);
        }
    }
}
