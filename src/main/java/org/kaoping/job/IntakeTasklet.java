package org.kaoping.job;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.intake.InputFile;
import org.kaoping.intake.InputScanner;
import org.kaoping.read.ReadLimits;
import org.kaoping.run.RunParameters;
import org.kaoping.store.BuildFingerprint;
import org.kaoping.store.ParseKeys;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 1: list and hash the campaign's input files and record them for this run. */
public class IntakeTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(IntakeTasklet.class);

    private final KaopingHome home;
    private final CampaignSetup setup;
    private final String runId;
    private final RunFileRepository runFiles;
    private final ReadLimits limits;
    private final RunRecordRepository records;
    private final BuildFingerprint build;

    public IntakeTasklet(KaopingHome home, CampaignSetup setup, String runId, RunFileRepository runFiles,
                         ReadLimits limits, RunRecordRepository records, BuildFingerprint build) {
        this.home = home;
        this.setup = setup;
        this.runId = runId;
        this.runFiles = runFiles;
        this.limits = limits;
        this.records = records;
        this.build = build;
    }

    /** When a run began (its intake came after): the time files must have been left alone since, to be trusted. */
    private static Instant started(String runId) {
        try {
            return RunParameters.startedAt(runId).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException e) {
            return Instant.EPOCH;
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String campaign = setup.campaign().code();
        if (!java.nio.file.Files.isDirectory(home.input(campaign))) {
            log.warn("输入目录 {} 不存在：本次没有可读取的表格，所有单位将列为未提交", home.input(campaign));
        }
        // The previous run's list lets files unchanged since then keep their hash without being read again.
        Optional<RunRecordRepository.RunRecord> previous = records.previous(campaign, runId);
        String previousRunId = previous.map(RunRecordRepository.RunRecord::runId).orElse(null);
        List<RunFileRepository.RunFile> previousFiles = previousRunId == null ? List.of() : runFiles.files(previousRunId);
        Map<String, InputFile> earlier = previousFiles.stream()
                .collect(Collectors.toMap(f -> f.file().path(), RunFileRepository.RunFile::file));
        Instant earlierScan = previous.map(p -> started(p.runId())).orElse(Instant.EPOCH);
        List<InputFile> files = new InputScanner(limits).scan(home.input(campaign), earlier, earlierScan);
        // The build is part of the key: a result stored by other code is never decoded nor reused.
        String context = setup.contextKey() + '\n' + limits.key() + '\n' + build.value();
        // A hash per file (5,100 in a large campaign): on all cores, in path order still.
        List<RunFileRepository.RunFile> listed = files.parallelStream()
                .map(f -> new RunFileRepository.RunFile(f, f.readable() ? ParseKeys.of(context, f) : null))
                .toList();
        // save() replaces the run's list: a restarted intake step registers each file once.
        runFiles.save(runId, campaign, listed);
        long ignored = files.stream().filter(f -> !f.readable()).count();
        log.info("在 {} 中找到 {} 个文件：{} 个工作簿待处理，{} 个忽略", home.input(campaign), files.size(),
                files.size() - ignored, ignored);
        files.stream().filter(f -> !f.readable()).forEach(f -> log.info("  忽略 {}：{}", f.path(), f.ignored()));
        contribution.incrementReadCount();
        return RepeatStatus.FINISHED;
    }
}
