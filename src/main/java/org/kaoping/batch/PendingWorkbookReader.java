package org.kaoping.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Step 2's reader: the run's workbooks whose parse result is not stored yet. Files unchanged since an
 * earlier run (or parsed before a restart) are skipped, which is what makes reruns cheap and restarts safe.
 * The next {@code window} files are handed to {@link ParseAhead} before the step asks for them, so that they are
 * parsed while the step writes and commits.
 */
public class PendingWorkbookReader implements ItemReader<RunFileRepository.RunFile> {
    private static final Logger log = LoggerFactory.getLogger(PendingWorkbookReader.class);

    private final String runId;
    private final RunFileRepository runFiles;
    private final ParsedWorkbookRepository parsed;
    private final ParseAhead ahead;
    private final int window;
    private Deque<RunFileRepository.RunFile> pending;
    private final Deque<RunFileRepository.RunFile> submitted = new ArrayDeque<>();

    public PendingWorkbookReader(String runId, RunFileRepository runFiles, ParsedWorkbookRepository parsed,
                                 ParseAhead ahead, int window) {
        this.runId = runId;
        this.runFiles = runFiles;
        this.parsed = parsed;
        this.ahead = ahead;
        this.window = Math.max(1, window);
    }

    @Override
    public RunFileRepository.RunFile read() {
        if (pending == null) {
            List<RunFileRepository.RunFile> files = runFiles.files(runId);
            List<RunFileRepository.RunFile> readable = files.stream().filter(f -> f.parseKey() != null).toList();
            Set<String> done = parsed.existing(files);
            pending = new ArrayDeque<>(readable.stream().filter(f -> !done.contains(f.parseKey())).toList());
            ahead.forget(readable.stream().filter(f -> done.contains(f.parseKey())).toList());
            if (!done.isEmpty()) {
                log.info("{} 个工作簿自上次读取后未变，直接使用已读结果", done.size());
            }
        }
        while (submitted.size() < window && !pending.isEmpty()) {
            RunFileRepository.RunFile next = pending.poll();
            ahead.submit(next);
            submitted.add(next);
        }
        return submitted.poll();
    }
}
