package org.kaoping.run;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Finishes a campaign's interrupted run before a new one starts: if the campaign's last job execution did
 * not complete — FAILED, STOPPED, or still STARTED/STOPPING/UNKNOWN with no live owner (what kill -9 leaves)
 * — the next {@code run} restarts that job instance, same campaign and run.id, instead of starting another.
 * The steps are restart-safe (intake replaces its file list, the read step skips parsed files, the report
 * step rewrites its staging folder), so the result is that of an uninterrupted run.
 */
@Component
public class RunRecovery {
    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);
    private static final Set<BatchStatus> DEAD_IF_UNOWNED = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING, BatchStatus.UNKNOWN);
    private static final Set<BatchStatus> RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    static final String INTERRUPTED = "INTERRUPTED";

    private final CampaignExecutions executions;
    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final LiveExecutions live;

    public RunRecovery(CampaignExecutions executions, JobRepository jobRepository, JobOperator jobOperator,
                       LiveExecutions live) {
        this.executions = executions;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.live = live;
    }

    /** The campaign's run to resume, if its last execution was interrupted or failed. Changes nothing. */
    public Optional<JobExecution> interrupted(String campaign) {
        return executions.lastExecutionId(campaign)
                .map(jobRepository::getJobExecution)
                .filter(e -> RESTARTABLE.contains(e.getStatus())
                        || DEAD_IF_UNOWNED.contains(e.getStatus()) && !live.isLive(e.getId()));
    }

    /** Marks an abandoned execution FAILED and restarts its job instance; returns the new execution. */
    public JobExecution resume(JobExecution last) throws JobRestartException {
        String runId = last.getJobParameters().getString(RunParameters.RUN_ID);
        log.info("恢复中断的运行 {}（上次状态 {}）", runId, last.getStatus());
        if (DEAD_IF_UNOWNED.contains(last.getStatus())) {
            markFailed(last);
        }
        return jobOperator.restart(last);
    }

    /**
     * What Spring Batch would have recorded had the process lived to see the failure: the running steps
     * and the job FAILED, with an end time and an exit status that says why. Without it the instance looks
     * still running and cannot be restarted.
     */
    private void markFailed(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        ExitStatus interrupted = new ExitStatus(INTERRUPTED, "进程在运行中被终止（无存活的执行者），由下一次运行恢复");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(interrupted);
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(interrupted);
        execution.setEndTime(now);
        jobRepository.update(execution);
    }
}
