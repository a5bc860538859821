package org.kaoping.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Step 2's reader: the run's workbooks whose parse result is not stored yet. Files unchanged since an
 * earlier run (or parsed before a restart) are skipped, which is what makes reruns cheap and restarts safe.
 */
public class PendingWorkbookReader implements ItemReader<RunFileRepository.RunFile> {
    private static final Logger log = LoggerFactory.getLogger(PendingWorkbookReader.class);

    private final String runId;
    private final RunFileRepository runFiles;
    private final ParsedWorkbookRepository parsed;
    private Deque<RunFileRepository.RunFile> pending;

    public PendingWorkbookReader(String runId, RunFileRepository runFiles, ParsedWorkbookRepository parsed) {
        this.runId = runId;
        this.runFiles = runFiles;
        this.parsed = parsed;
    }

    @Override
    public synchronized RunFileRepository.RunFile read() {
        if (pending == null) {
            List<RunFileRepository.RunFile> files = runFiles.files(runId);
            Set<String> done = parsed.existing(files);
            pending = new ArrayDeque<>(files.stream()
                    .filter(f -> f.parseKey() != null && !done.contains(f.parseKey())).toList());
            if (!done.isEmpty()) {
                log.info("{} 个工作簿自上次读取后未变，直接使用已读结果", done.size());
            }
        }
        return pending.poll();
    }
}
