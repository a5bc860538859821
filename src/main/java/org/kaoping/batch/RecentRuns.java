package org.kaoping.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last few runs stored of one kind (a file list, unit records), by run id, as committed: every step of a
 * run reads its own, and the next run reads the previous one's. A value is remembered only once its transaction
 * has committed ({@link AfterCommit}), so a step that rolls back leaves nothing remembered.
 */
final class RecentRuns<T> {
    private static final int RUNS = 4;

    private final Map<String, T> byRun = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > RUNS;
        }
    });

    /** The run's value, or null when this process does not remember it. */
    T get(String runId) {
        return byRun.get(runId);
    }

    /** Remembers a value read back as committed. */
    void remember(String runId, T value) {
        byRun.put(runId, value);
    }

    /** Forgets the run's value at once and remembers {@code value} when the current transaction commits. */
    void replace(String runId, T value) {
        byRun.remove(runId);
        AfterCommit.run(() -> byRun.put(runId, value));
    }
}
