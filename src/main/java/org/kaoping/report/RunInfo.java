package org.kaoping.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the 运行信息 sheet tells: which campaign and rubric, when, what happened to every input file, and what
 * changed since the previous run.
 */
public record RunInfo(String campaign, String campaignName, String rubricCode, String rubricName, String runId,
                      LocalDateTime started, Duration elapsed, List<FileEntry> files, RunChanges changes) {
    public RunInfo {
        files = List.copyOf(files);
        changes = changes == null ? RunChanges.FIRST_RUN : changes;
    }

    public RunInfo(String campaign, String campaignName, String rubricCode, String rubricName, String runId,
                   LocalDateTime started, Duration elapsed, List<FileEntry> files) {
        this(campaign, campaignName, rubricCode, rubricName, runId, started, elapsed, files, RunChanges.FIRST_RUN);
    }

    /** One input file: its path under input/&lt;campaign&gt;/, 自评/考核, what became of it (读取/拒收/忽略) and why. */
    public record FileEntry(String path, String source, String status, String detail) {
    }
}
