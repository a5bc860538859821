package org.kaoping.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.report.DiscrepancyReportWriter;
import org.kaoping.report.OutputPublisher;
import org.kaoping.report.RankingWorkbookWriter;
import org.kaoping.report.RunInfo;
import org.kaoping.scoring.Adjustment;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.CellRef;
import org.kaoping.scoring.Consolidator;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.ScoreSheet;
import org.kaoping.scoring.Status;
import org.kaoping.workbook.ParsedWorkbook;
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

    public ConsolidateAndReportTasklet(KaopingHome home, CampaignSetup setup, String runId, RunFileRepository runFiles,
                                       ParsedWorkbookRepository parsed) {
        this.home = home;
        this.setup = setup;
        this.runId = runId;
        this.runFiles = runFiles;
        this.parsed = parsed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<RunFileRepository.RunFile> files = runFiles.files(runId);
        Map<String, ParsedWorkbook> byKey = parsed.load(files.stream()
                .map(RunFileRepository.RunFile::parseKey).filter(k -> k != null).toList());
        List<ScoreSheet> sheets = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        List<Discrepancy> findings = new ArrayList<>();
        List<RunInfo.FileEntry> entries = new ArrayList<>();
        for (RunFileRepository.RunFile f : files) {
            String source = f.file().source().label();
            if (!f.file().readable()) {
                findings.add(Discrepancy.of(DiscrepancyKind.IGNORED_FILE, "", CellRef.file(f.file().name()), "",
                        "忽略：" + f.file().ignored()));
                entries.add(new RunInfo.FileEntry(f.file().path(), source, "忽略", f.file().ignored()));
                continue;
            }
            ParsedWorkbook workbook = byKey.get(f.parseKey());
            if (workbook == null) {
                throw new IllegalStateException("工作簿 " + f.file().path() + " 没有读取结果");
            }
            sheets.addAll(workbook.sheets());
            adjustments.addAll(workbook.adjustments());
            findings.addAll(workbook.findings());
            entries.add(new RunInfo.FileEntry(f.file().path(), source, workbook.rejected() ? "拒收" : "读取",
                    workbook.rejected() ? workbook.rejection() : workbook.summary()));
        }
        CampaignResult result = new Consolidator(setup.rubric(), setup.roster(), setup.campaign().gaps(),
                setup.campaign().ranking())
                .consolidate(sheets, adjustments, findings);
        logSummary(result);

        LocalDateTime started = RunParameters.startedAt(runId);
        RunInfo info = new RunInfo(setup.campaign().code(), setup.campaign().name(), setup.rubric().code(),
                setup.rubric().name(), runId, started, Duration.between(started, LocalDateTime.now()), entries);
        OutputPublisher publisher = new OutputPublisher(home.output(setup.campaign().code()));
        Path staging = publisher.stage(runId);
        new RankingWorkbookWriter().write(result, info, staging.resolve(RANKING_FILE));
        new DiscrepancyReportWriter().write(result, staging.resolve(DISCREPANCY_FILE));
        Path runDir = publisher.publish(staging, runId);
        log.info("已写出 {}", runDir.resolve(RANKING_FILE));
        log.info("已写出 {}", runDir.resolve(DISCREPANCY_FILE));
        log.info("最新结果 {}", runDir.resolveSibling(OutputPublisher.LATEST));
        contribution.incrementWriteCount(result.units().size());
        return RepeatStatus.FINISHED;
    }

    private static void logSummary(CampaignResult result) {
        long ranked = result.units().stream().filter(u -> u.status() == Status.RANKED).count();
        long vetoed = result.units().stream().filter(u -> u.status() == Status.VETOED).count();
        long unscored = result.units().stream().filter(u -> u.status() == Status.UNSCORED).count();
        log.info("计分完成：{} 个单位，{} 个排名，{} 个否决，{} 个未考核；差异 {} 条", result.units().size(), ranked, vetoed,
                unscored, result.discrepancies().size());
    }
}
