package org.kaoping.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.kaoping.workbook.ParsedWorkbook;
import org.kaoping.workbook.WorkbookParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Parses the read step's workbooks ahead of the step's own thread, on the read threads. The reader hands each
 * pending file here as it comes within {@code window} files of the step's position; the processor then takes
 * the result in the step's order. So the parsing threads do not wait for a chunk to be written and committed
 * (when the step parsed each chunk's items in parallel itself, they sat idle through every insert and commit),
 * while each chunk still commits whole, in order, on the step's thread, and restarts are as before: results
 * parsed ahead of a failure are dropped and parsed again by the restart.
 *
 * <p>One per job execution: intake hands it the first files it found new or changed ({@link IntakeTasklet}), so
 * that parsing starts while intake stores the run's file list and the read step looks up which files have a stored
 * result; the read step then forgets those that have one ({@link #forget}).
 *
 * <p>Used by the job's thread only (submit, take, forget, close); the tasks touch nothing but their own file.
 */
public class ParseAhead implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParseAhead.class);

    private final Path campaignInput;
    private final WorkbookParser parser;
    private final AsyncTaskExecutor executor;
    private final Map<String, Future<ParsedWorkbookRepository.Stored>> running = new HashMap<>();

    public ParseAhead(Path campaignInput, WorkbookParser parser, AsyncTaskExecutor executor) {
        this.campaignInput = campaignInput;
        this.parser = parser;
        this.executor = executor;
    }

    /** Starts parsing {@code file} on a read thread. */
    void submit(RunFileRepository.RunFile file) {
        running.computeIfAbsent(file.file().path(), p -> executor.submit(() -> parse(file)));
    }

    /** Drops what was started for {@code files} (a stored result makes parsing them again needless). */
    void forget(Iterable<RunFileRepository.RunFile> files) {
        for (RunFileRepository.RunFile file : files) {
            Future<ParsedWorkbookRepository.Stored> started = running.remove(file.file().path());
            if (started != null) {
                started.cancel(false);
            }
        }
    }

    /** The result for {@code file}, waiting for it if it is still being parsed (parsed here if never submitted). */
    ParsedWorkbookRepository.Stored take(RunFileRepository.RunFile file) throws Exception {
        Future<ParsedWorkbookRepository.Stored> result = running.remove(file.file().path());
        if (result == null) {
            return parse(file);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Reads and normalizes one workbook; a bad file comes back rejected, never thrown. */
    private ParsedWorkbookRepository.Stored parse(RunFileRepository.RunFile item) {
        ParsedWorkbook workbook = parser.parse(item.file(), campaignInput.resolve(item.file().path()));
        if (workbook.rejected()) {
            log.warn("  拒收 {}：{}", item.file().path(), workbook.rejection());
        } else {
            log.debug("  读取 {}：{}", item.file().path(), workbook.summary());
        }
        return new ParsedWorkbookRepository.Stored(item.parseKey(), workbook);
    }

    /** At the end of the job (also a failed or stopped one): what was parsed ahead and not taken is dropped. */
    @Override
    public void close() {
        running.values().forEach(f -> f.cancel(false));
        for (Future<?> f : running.values()) {
            try {
                f.get();
            } catch (CancellationException | ExecutionException e) {
                // dropped: the step is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.clear();
    }
}
