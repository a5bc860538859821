package org.kaoping.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/** What the 运行信息 sheet tells: which campaign and rubric, when, and what happened to every input file. */
public record RunInfo(String campaign, String campaignName, String rubricCode, String rubricName, String runId,
                      LocalDateTime started, Duration elapsed, List<FileEntry> files) {
    public RunInfo {
        files = List.copyOf(files);
    }

    /** One input file: its path under input/&lt;campaign&gt;/, 自评/考核, what became of it (读取/拒收/忽略) and why. */
    public record FileEntry(String path, String source, String status, String detail) {
    }
}
