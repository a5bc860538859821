package org.kaoping.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.kaoping.run.CampaignExecutions;
import org.kaoping.run.LiveExecutions;
import org.kaoping.run.RunParameters;
import org.kaoping.store.RunRecordRepository;
import org.springframework.stereotype.Component;

/**
 * {@code history <campaign>}: one line per run, oldest first — run id, start time, status, workbooks parsed in
 * that run / files found, units ranked, discrepancies. Status is the job repository's; counts are kp_run's,
 * so a run that never reached its report shows none.
 */
@Component
public class RunHistory {
    public static final String HEADER = "运行编号  开始时间  状态  读取/找到文件  排名单位  差异";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CampaignExecutions executions;
    private final RunRecordRepository records;
    private final LiveExecutions live;

    public RunHistory(CampaignExecutions executions, RunRecordRepository records, LiveExecutions live) {
        this.executions = executions;
        this.records = records;
        this.live = live;
    }

    public void print(String campaign, PrintStream out) {
        List<CampaignExecutions.RunExecution> runs = executions.runs(campaign);
        if (runs.isEmpty()) {
            out.println("考核 " + campaign + " 还没有运行记录");
            return;
        }
        Map<String, RunRecordRepository.RunRecord> counts = records.byCampaign(campaign);
        out.println("考核 " + campaign + " 的运行记录（" + runs.size() + " 次）");
        out.println(HEADER);
        for (CampaignExecutions.RunExecution run : runs) {
            RunRecordRepository.RunRecord r = counts.get(run.runId());
            out.println(String.join("  ", run.runId(), TIME.format(RunParameters.startedAt(run.runId())), status(run),
                    r == null ? "-" : r.filesParsed() + "/" + r.filesFound(),
                    r == null ? "-" : String.valueOf(r.unitsRanked()),
                    r == null ? "-" : String.valueOf(r.discrepancies())));
        }
    }

    private String status(CampaignExecutions.RunExecution run) {
        String label = switch (run.status()) {
            case COMPLETED -> "完成";
            case FAILED -> "失败";
            case STOPPED -> "已停止";
            case ABANDONED -> "已放弃";
            default -> live.isLive(run.executionId()) ? "运行中" : "中断";
        };
        return run.executions() > 1 ? label + "（恢复 " + (run.executions() - 1) + " 次）" : label;
    }
}
