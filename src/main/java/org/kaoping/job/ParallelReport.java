package org.kaoping.job;

import java.util.ArrayList;
import java.util.List;
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
 * The report step's writing: the two workbooks (and the units' 反馈表) side by side on threads of their own (they share nothing but the
 * read-only result; in a large campaign each takes seconds), while the calling thread — the step's, so in its
 * transaction — first does what else the step has to do ({@code beside}: comparing the run with the previous one and
 * recording it, which the ranking workbook needs only for its last sheet), then stores the units' rendered 分项得分
 * rows as soon as the ranking workbook has rendered them. A failure of either writer, of {@code beside} or of the
 * storing fails the whole, and only after both writers have finished: nothing is left writing into the staging
 * folder.
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
     * {@code ranking}: writes the ranking workbook; {@code others}: the other writers, handing its consumer the rows it rendered once they are
     * (and returning them); {@code beside}: run on this thread first; {@code store}: stores those rows, run on this
     * thread. Whatever a writer waits for from {@code beside} must be released when it fails.
     */
    static void write(Function<Consumer<Map<String, LeafRows>>, Map<String, LeafRows>> ranking, List<Runnable> others,
                      Runnable beside, Consumer<Map<String, LeafRows>> store) {
        CompletableFuture<Map<String, LeafRows>> rendered = new CompletableFuture<>();
        ExecutorService writers = Executors.newFixedThreadPool(1 + others.size(), THREADS);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                try {
                    rendered.complete(ranking.apply(rendered::complete));
                } catch (RuntimeException | Error e) {
                    rendered.completeExceptionally(e);
                    throw e;
                }
            }, writers);
            List<CompletableFuture<Void>> all = new ArrayList<>(List.of(first));
            others.forEach(writer -> all.add(CompletableFuture.runAsync(writer, writers)));
            CompletableFuture<Void> both = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
            try {
                beside.run();
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
