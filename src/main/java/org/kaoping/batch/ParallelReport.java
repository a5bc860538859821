package org.kaoping.batch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kaoping.report.LeafRows;

/**
 * The report step's writing: the two workbooks side by side on threads of their own (they share nothing but the
 * read-only result; in a large campaign each takes seconds), and the units' rendered 分项得分 rows stored on the
 * calling thread — the step's, so in its transaction — as soon as the ranking workbook has rendered them, while
 * the rest of both packages is still being written. A failure of either writer or of the storing fails the whole,
 * and only after both writers have finished: nothing is left writing into the staging folder.
 */
final class ParallelReport {
    private static final ThreadFactory THREADS = task -> {
        Thread t = new Thread(task, "report-writer");
        t.setDaemon(true);
        return t;
    };

    private ParallelReport() {
    }

    /**
     * {@code ranking}: writes the ranking workbook, handing its consumer the rows it rendered once they are
     * (and returning them); {@code store}: stores those rows, run on this thread.
     */
    static void write(Function<Consumer<Map<String, LeafRows>>, Map<String, LeafRows>> ranking, Runnable discrepancy,
                      Consumer<Map<String, LeafRows>> store) {
        CompletableFuture<Map<String, LeafRows>> rendered = new CompletableFuture<>();
        ExecutorService writers = Executors.newFixedThreadPool(2, THREADS);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    rendered.complete(ranking.apply(rendered::complete));
                } catch (RuntimeException | Error e) {
                    rendered.completeExceptionally(e);
                    throw e;
                }
            }, writers);
            CompletableFuture<Void> both = CompletableFuture.allOf(first, CompletableFuture.runAsync(discrepancy, writers));
            try {
                store.accept(rendered.join());
            } catch (RuntimeException e) {
                both.exceptionally(ignored -> null).join();
                throw unwrapped(e);
            }
            try {
                both.join();
            } catch (CompletionException e) {
                throw unwrapped(e);
            }
        } finally {
            writers.shutdown();
        }
    }

    private static RuntimeException unwrapped(RuntimeException e) {
        return e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }
}
