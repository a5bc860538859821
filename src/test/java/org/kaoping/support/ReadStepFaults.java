package org.kaoping.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.kaoping.job.ReadStepListener;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test-only faults in the read step, picked up by component scanning (also in the child JVM of the crash
 * test, which runs on the test classpath) and off unless a property asks for them:
 * {@code kaoping-test.fail-on-workbook=N} fails the Nth workbook read in this process, once;
 * {@code kaoping-test.read-delay-ms} slows every workbook down so a kill can land mid-step.
 */
public final class ReadStepFaults {
    private ReadStepFaults() {
    }

    @Component
    @ConditionalOnProperty("kaoping-test.fail-on-workbook")
    public static class FailOnce implements ReadStepListener {
        private final int failAt;
        private final AtomicInteger seen = new AtomicInteger();

        public FailOnce(@Value("${kaoping-test.fail-on-workbook}") int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void afterProcess(RunFileRepository.RunFile item, ParsedWorkbookRepository.Stored result) {
            if (seen.incrementAndGet() == failAt) {
                throw new IllegalStateException("injected failure on workbook " + failAt + ": " + item.file().path());
            }
        }
    }

    @Component
    @ConditionalOnProperty("kaoping-test.read-delay-ms")
    public static class Slow implements ReadStepListener {
        private final long delayMs;

        public Slow(@Value("${kaoping-test.read-delay-ms}") long delayMs) {
            this.delayMs = delayMs;
        }

        @Override
        public void beforeProcess(RunFileRepository.RunFile item) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
