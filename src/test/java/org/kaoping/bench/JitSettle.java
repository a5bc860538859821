package org.kaoping.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Waits, before a measured phase, until the JIT compilers have stopped compiling. On two cores the C2 compiler
 * works through kaoping's, Spring's, POI's and H2's hot methods for most of a run (measured here: some 30 s of
 * compiling across the benchmark, a second per second through every phase), so without a pause each figure would
 * include whatever compiling the previous phase left queued, and the ratios would measure the JIT's backlog.
 */
final class JitSettle {
    private static final long QUIET_MILLIS = 500;
    private static final long MAX_WAIT_MILLIS = 30_000;

    private JitSettle() {
    }

    /** Returns the milliseconds waited; gives up after 30 s (a JVM whose compilers never rest is measured as it is). */
    static long await() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long start = System.currentTimeMillis();
        long last = jit.getTotalCompilationTime();
        while (System.currentTimeMillis() - start < MAX_WAIT_MILLIS) {
            Thread.sleep(QUIET_MILLIS);
            long now = jit.getTotalCompilationTime();
            if (now - last < 5) {
                break;
            }
            last = now;
        }
        return System.currentTimeMillis() - start;
    }
}
