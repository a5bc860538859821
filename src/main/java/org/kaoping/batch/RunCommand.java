package org.kaoping.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kaoping.campaign.CampaignException;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.roster.RosterException;
import org.kaoping.rubric.RubricException;
import org.kaoping.schedule.CampaignLock;
import org.kaoping.schedule.CampaignRunner;
import org.kaoping.schedule.ServeCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The command line: {@code run <campaign>} runs the consolidation job once — or first finishes the
 * campaign's interrupted run ({@link RunRecovery}); {@code history <campaign>} lists its runs. Exit code 0
 * when the run completed (rejected files included: that is what the discrepancy report is for); non-zero,
 * with a one-line reason, when it could not run.
 */
@Component
public class RunCommand implements ApplicationRunner, ExitCodeGenerator, CampaignRunner {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int BAD_CONFIG = 3;
    public static final int BUSY = CampaignRunner.BUSY;
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    private final KaopingHome home;
    private final RunSetups setups;
    private final JobOperator jobOperator;
    private final Job consolidationJob;
    private final ServeCommand serve;
    private final RunRecovery recovery;
    private final RunHistory history;
    private int exitCode = OK;

    public RunCommand(KaopingHome home, RunSetups setups, JobOperator jobOperator, Job consolidationJob,
                      ServeCommand serve, RunRecovery recovery, RunHistory history) {
        this.home = home;
        this.setups = setups;
        this.jobOperator = jobOperator;
        this.consolidationJob = consolidationJob;
        this.serve = serve;
        this.recovery = recovery;
        this.history = history;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> words = args.getNonOptionArgs();
        if (words.equals(List.of("serve"))) {
            exitCode = serve.serve();
            return;
        }
        if (words.size() == 2 && "history".equals(words.get(0))) {
            history.print(words.get(1), System.out);
            exitCode = OK;
            return;
        }
        if (words.size() != 2 || !"run".equals(words.get(0))) {
            System.err.println("用法: java -jar kaoping.jar run|history <考核代码> | serve [--kaoping.home=目录]   例如: run demo");
            exitCode = USAGE;
            return;
        }
        exitCode = run(words.get(1));
    }

    /** The one run path of {@code run} and of a schedule: never two runs of a campaign at once (exit code 4). */
    @Override
    public int run(String campaign) {
        try (CampaignLock lock = CampaignLock.tryAcquire(home, campaign)) {
            if (!lock.held()) {
                System.err.println("无法运行：" + lock.refusal());
                return BUSY;
            }
            return runLocked(campaign);
        } catch (CampaignException e) {
            System.err.println("无法运行：" + e.getMessage());
            return BAD_CONFIG;
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
            return BAD_CONFIG;
        }
        log.info("开始汇总 {}（{}），运行编号 {}，评分细则 {}，{} 个单位，目录 {}", campaign, setup.campaign().name(), runId,
                setup.rubric().code(),
                setup.roster().units().size(), home.root());
        try {
            JobExecution execution = interrupted.isPresent() ? recovery.resume(interrupted.get())
                    : jobOperator.start(consolidationJob, parameters);
            Duration elapsed = Duration.between(started, LocalDateTime.now());
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                log.info("汇总完成，用时 {} 秒", String.format("%.1f", elapsed.toMillis() / 1000.0));
                return OK;
            }
            String reason = execution.getAllFailureExceptions().stream().findFirst()
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
            System.err.println("汇总失败（" + execution.getStatus() + "）：" + reason);
            return FAILED;
        } catch (Exception e) {
            System.err.println("汇总失败：" + e.getMessage());
            return FAILED;
        } finally {
            setups.finished(runId);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
