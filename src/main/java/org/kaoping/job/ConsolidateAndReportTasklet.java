package org.kaoping.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.read.ReadLimits;
import org.kaoping.report.DiscrepancyReportWriter;
import org.kaoping.report.LeafRows;
import org.kaoping.report.OutputPublisher;
import org.kaoping.report.RankingWorkbookWriter;
import org.kaoping.report.RunChanges;
import org.kaoping.report.RunInfo;
import org.kaoping.report.feedback.FeedbackWriter;
import org.kaoping.run.CampaignExecutions;
import org.kaoping.run.RunParameters;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.store.BuildFingerprint;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;
import org.kaoping.store.UnitOutcomeCodec;
import org.kaoping.store.UnitOutcomeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 3: gathers what the run's workbooks were read as, scores and ranks the units, and writes
 * 综合排名.xlsx and 差异报告.xlsx into {@code output/<campaign>/<run>/} and {@code latest/}.
 */
public class ConsolidateAndReportTasklet implements Tasklet {
    public static final String RANKING_FILE = "综合排名.xlsx";
    public static final String DISCREPANCY_FILE = "差异报告.xlsx";
    private static final Logger log = LoggerFactory.getLogger(ConsolidateAndReportTasklet.class);

    private final KaopingHome home;
    private final CampaignSetup setup;
    private final String runId;
    private final RunFileRepository runFiles;
    private final ParsedWorkbookRepository parsed;
    private final UnitOutcomeRepository outcomes;
    private final BuildFingerprint build;
    private final RunRecordRepository records;
    private final CampaignExecutions executions;
    private final ReadLimits limits;
    private final int scoreBatch;

    public ConsolidateAndReportTasklet(KaopingHome home, CampaignSetup setup, String runId, RunFileRepository runFiles,
                                       ParsedWorkbookRepository parsed, UnitOutcomeRepository outcomes,
                                       BuildFingerprint build, RunRecordRepository records,
                                       CampaignExecutions executions, ReadLimits limits, int scoreBatch) {
        this.home = home;
        this.setup = setup;
        this.runId = runId;
        this.runFiles = runFiles;
        this.parsed = parsed;
        this.outcomes = outcomes;
        this.build = build;
        this.records = records;
        this.executions = executions;
        this.limits = limits;
        this.scoreBatch = scoreBatch;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long begun = System.nanoTime();
        String campaign = setup.campaign().code();
        List<RunFileRepository.RunFile> files = runFiles.files(runId);
        Map<String, ParsedWorkbookRepository.Outline> outlines = parsed.outlines(files);
        List<Discrepancy> findings = new ArrayList<>();
        List<RunInfo.FileEntry> entries = new ArrayList<>();
        int rejected = 0;
        for (RunFileRepository.RunFile f : files) {
            String source = f.file().source().label();
            if (!f.file().readable()) {
                findings.add(Discrepancy.of(DiscrepancyKind.IGNORED_FILE, "", CellRef.file(f.file().name()), "",
                        "忽略：" + f.file().ignored()));
                entries.add(new RunInfo.FileEntry(f.file().path(), source, "忽略", f.file().ignored()));
                continue;
            }
            ParsedWorkbookRepository.Outline workbook = outlines.get(f.parseKey());
            if (workbook == null) {
                throw new IllegalStateException("工作簿 " + f.file().path() + " 没有读取结果");
            }
            rejected += workbook.rejected() ? 1 : 0;
            findings.addAll(workbook.findings());
            entries.add(new RunInfo.FileEntry(f.file().path(), source, workbook.rejected() ? "拒收" : "读取",
                    workbook.rejected() ? workbook.rejection() : workbook.summary()));
        }
        String configuration = configuration();
        long loaded = System.nanoTime();
        CampaignScoring.Scoring scoring = new CampaignScoring(setup, configuration, build.value(), parsed, outcomes,
                scoreBatch)
                .score(files, outlines, findings);
        CampaignResult result = scoring.result();
        logSummary(result);
        long scored = System.nanoTime();

        OutputPublisher publisher = new OutputPublisher(home.output(campaign));
        Path staging = publisher.stage(runId);
        long[] recorded = new long[1];
        int rejectedFiles = rejected;
        CompletableFuture<RunInfo> info = new CompletableFuture<>();
        ParallelReport.write(
                whenRendered -> new RankingWorkbookWriter().write(result,
                        new RankingWorkbookWriter.Heading(setup.campaign().name(), RunParameters.startedAt(runId)),
                        info::join, staging.resolve(RANKING_FILE), scoring.storedRows(), whenRendered),
                writers(result, staging, scoring.fingerprints()),
                () -> {
                    try {
                        info.complete(compareAndRecord(chunkContext, files, configuration, result, entries,
                                rejectedFiles));
                        recorded[0] = System.nanoTime();
                    } catch (RuntimeException | Error e) {
                        info.completeExceptionally(e);
                        throw e;
                    }
                },
                rendered -> saveOutcomes(campaign, scoring, rendered));
        log.info("汇总用时：载入 {} 秒，计分 {} 秒（{} 个单位重新计分），写出报表 {} 秒（其间比较和记录本次运行 {} 秒）",
                seconds(loaded - begun), seconds(scored - loaded), scoring.rescored().size(),
                seconds(System.nanoTime() - scored), seconds(recorded[0] - scored));
        Path runDir = publisher.publish(staging, runId);
        log.info("已写出 {}", runDir.resolve(RANKING_FILE));
        log.info("已写出 {}", runDir.resolve(DISCREPANCY_FILE));
        log.info("最新结果 {}", runDir.resolveSibling(OutputPublisher.LATEST));
        Integer retention = setup.campaign().retention();
        if (retention != null) {
            List<String> removed = publisher.prune(retention);
            if (!removed.isEmpty()) {
                log.info("按 retention: {} 删除了 {} 个较早的运行目录：{}", retention, removed.size(), String.join("、", removed));
            }
        }
        contribution.incrementWriteCount(result.units().size());
        return RepeatStatus.FINISHED;
    }

    /** The writers beside the ranking workbook's: the discrepancy report, and the units' 反馈表 unless turned off. */
    private List<Runnable> writers(CampaignResult result, Path staging, Map<String, String> unitKeys) {
        List<Runnable> writers = new ArrayList<>();
        writers.add(() -> new DiscrepancyReportWriter().write(result, staging.resolve(DISCREPANCY_FILE)));
        if (setup.campaign().feedback()) {
            Path previous = staging.resolveSibling(OutputPublisher.LATEST).resolve(FeedbackWriter.FOLDER);
            writers.add(() -> {
                long begun = System.nanoTime();
                FeedbackWriter.Written written = new FeedbackWriter().write(result, setup.campaign().name(), staging,
                        Files.isDirectory(previous) ? previous : null, unitKeys);
                log.info("反馈表：新写 {} 份，与上次相同 {} 份（{} 秒）", written.written(), written.linked(),
                        seconds(System.nanoTime() - begun));
            });
        }
        return writers;
    }

    /**
     * Compares the run with the previous one (logged, and shown on 运行信息) and records it, in this step's
     * transaction: a run killed before its report commits leaves no record, and a restarted report step replaces
     * what it wrote. Returns what 运行信息 shows.
     */
    private RunInfo compareAndRecord(ChunkContext chunkContext, List<RunFileRepository.RunFile> files,
                                     String configuration, CampaignResult result, List<RunInfo.FileEntry> entries,
                                     int rejected) {
        String campaign = setup.campaign().code();
        List<RunRecordRepository.UnitRecord> units = RunComparison.units(result.units());
        String inputsKey = RunComparison.inputsKey(configuration, files);
        RunChanges changes = records.previous(campaign, runId)
                .map(p -> RunComparison.compare(p, inputsKey, runFiles.files(p.runId()), files, records.units(p.runId()), units))
                .orElse(RunChanges.FIRST_RUN);
        logChanges(changes, result.ranking().rounding());
        LocalDateTime started = RunParameters.startedAt(runId);
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        records.save(new RunRecordRepository.RunRecord(runId, campaign, files.size(), executions.parsedFiles(instanceId),
                rejected, result.units().size(), (int) count(result, Status.RANKED), result.discrepancies().size(),
                inputsKey), units);
        return new RunInfo(campaign, setup.campaign().name(), setup.rubric().code(), setup.rubric().name(), runId,
                started, Duration.between(started, LocalDateTime.now()), entries, changes);
    }

    /**
     * Keeps the outcomes this run used, and only those: the units scored again are added (a unit whose rows moved
     * has them replaced), and outcomes no unit has any more (a file corrected or removed since) are dropped.
     */
    private void saveOutcomes(String campaign, CampaignScoring.Scoring scoring, Map<String, LeafRows> rendered) {
        Set<String> changed = new LinkedHashSet<>(scoring.rescored());
        changed.addAll(rendered.keySet());
        List<UnitOutcomeRepository.Stored> added = changed.parallelStream()
                .map(unit -> new UnitOutcomeRepository.Stored(scoring.fingerprints().get(unit),
                        UnitOutcomeCodec.encode(scoring.outcomes().get(unit)),
                        rendered.getOrDefault(unit, scoring.storedRows().get(unit))))
                .toList();
        Set<String> used = new HashSet<>(scoring.fingerprints().values());
        outcomes.save(campaign, scoring.storedBefore(), added,
                scoring.storedBefore().keySet().stream().filter(f -> !used.contains(f)).toList());
    }

    /** The campaign file, rubric and roster (contextKey) and the read limits: what results follow from besides the inputs. */
    private String configuration() {
        String campaignFile;
        try {
            campaignFile = Files.readString(home.campaignFile(setup.campaign().code()));
        } catch (IOException e) {
            campaignFile = "";
        }
        return campaignFile + '\n' + setup.contextKey() + '\n' + limits.key();
    }

    private static void logChanges(RunChanges changes, DisplayRounding rounding) {
        if (changes.previousRunId() == null) {
            return;
        }
        if (changes.inputsUnchanged()) {
            log.info("输入未变化，结果与上次运行 {} 相同", changes.previousRunId());
            return;
        }
        log.info("与上次运行 {} 相比：新增 {} 个文件，更正 {} 个，移除 {} 个；{} 个单位总分或排名变化", changes.previousRunId(),
                changes.added().size(), changes.changed().size(), changes.removed().size(), changes.units().size());
        changes.added().forEach(p -> log.info("  新增 {}", p));
        changes.changed().forEach(p -> log.info("  更正 {}", p));
        changes.removed().forEach(p -> log.info("  移除 {}", p));
        changes.units().forEach(u -> log.info("  {}", u.describe(rounding)));
    }

    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }

    private static long count(CampaignResult result, Status status) {
        return result.units().stream().filter(u -> u.status() == status).count();
    }

    private static void logSummary(CampaignResult result) {
        long ranked = result.units().stream().filter(u -> u.status() == Status.RANKED).count();
        long vetoed = result.units().stream().filter(u -> u.status() == Status.VETOED).count();
        long unscored = result.units().stream().filter(u -> u.status() == Status.UNSCORED).count();
        log.info("计分完成：{} 个单位，{} 个排名，{} 个否决，{} 个未考核；差异 {} 条", result.units().size(), ranked, vetoed,
                unscored, result.discrepancies().size());
    }
}
