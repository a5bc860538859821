package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kaoping.report.LeafRows;

class ParallelReportTest {
    private static final Map<String, LeafRows> ROWS = Map.of("甲单位", new LeafRows(2, new byte[] {1}, 3, 4));

    @Test
    void renderedRowsAreStoredWhileTheRankingWorkbookIsStillBeingWritten() {
        CountDownLatch stored = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();

        ParallelReport.write(whenRendered -> {
            whenRendered.accept(ROWS);
            // The rest of the package is written only once the rows are stored: only storing alongside gets here.
            await(stored);
            events.add("ranking written");
            return ROWS;
        }, List.of(() -> events.add("discrepancies written")), () -> events.add("beside on " + Thread.currentThread().getName()),
                rows -> {
            assertThat(rows).isEqualTo(ROWS);
            events.add("stored on " + Thread.currentThread().getName());
            stored.countDown();
        });

        assertThat(events).containsExactlyInAnyOrder("beside on " + Thread.currentThread().getName(),
                "stored on " + Thread.currentThread().getName(), "ranking written", "discrepancies written");
        assertThat(events.indexOf("beside on " + Thread.currentThread().getName()))
                .isLessThan(events.indexOf("stored on " + Thread.currentThread().getName()));
        assertThat(events.indexOf("stored on " + Thread.currentThread().getName()))
                .isLessThan(events.indexOf("ranking written"));
    }

    @Test
    void aFailedDiscrepancyWorkbookFailsTheReportOnceBothWritersHaveFinished() {
        AtomicBoolean rankingFinished = new AtomicBoolean();

        assertThatThrownBy(() -> ParallelReport.write(whenRendered -> {
            whenRendered.accept(ROWS);
            sleep(200);
            rankingFinished.set(true);
            return ROWS;
        }, List.of(() -> {
            throw new IllegalStateException("差异报告写不出");
        }), () -> { }, rows -> { })).isInstanceOf(IllegalStateException.class).hasMessage("差异报告写不出");
        assertThat(rankingFinished).isTrue();
    }

    @Test
    void aRankingWorkbookThatFailsBeforeItsRowsAreRenderedStoresNothing() {
        AtomicBoolean storedAnything = new AtomicBoolean();

        assertThatThrownBy(() -> ParallelReport.write(whenRendered -> {
            throw new IllegalStateException("综合排名写不出");
        }, List.of(() -> { }), () -> { }, rows -> storedAnything.set(true)))
                .isInstanceOf(IllegalStateException.class).hasMessage("综合排名写不出");
        assertThat(storedAnything).isFalse();
    }

    @Test
    void aFailedStoreFailsTheReportOnceBothWritersHaveFinished() {
        AtomicBoolean discrepanciesFinished = new AtomicBoolean();

        assertThatThrownBy(() -> ParallelReport.write(whenRendered -> {
            whenRendered.accept(ROWS);
            return ROWS;
        }, List.of(() -> {
            sleep(200);
            discrepanciesFinished.set(true);
        }), () -> { }, rows -> {
            throw new IllegalStateException("保存失败");
        })).isInstanceOf(IllegalStateException.class).hasMessage("保存失败");
        assertThat(discrepanciesFinished).isTrue();
    }

    @Test
    void aFailureBesideTheWritersFailsTheReportAndReleasesTheWriterWaitingOnIt() {
        java.util.concurrent.CompletableFuture<String> info = new java.util.concurrent.CompletableFuture<>();
        AtomicBoolean storedAnything = new AtomicBoolean();

        assertThatThrownBy(() -> ParallelReport.write(whenRendered -> {
            whenRendered.accept(ROWS);
            // 运行信息 waits for what the step's thread makes beside the writers.
            info.join();
            return ROWS;
        }, List.of(() -> { }), () -> {
            IllegalStateException e = new IllegalStateException("记录失败");
            info.completeExceptionally(e);
            throw e;
        }, rows -> storedAnything.set(true))).isInstanceOf(IllegalStateException.class).hasMessage("记录失败");
        assertThat(storedAnything).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("rows not stored while the workbook was being written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
