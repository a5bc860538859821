package org.kaoping.store;

import java.util.Comparator;
import java.util.List;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.input.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files each run found: one document per run ({@code kp_run_file_list}, {@link Binary}, deflated), not a row
 * per file: the list is only ever read whole, and a rerun of thousands of files would otherwise write as many rows.
 */
@Repository
public class RunFileRepository {
    private final JdbcTemplate jdbc;
    private final String upsert;

    public RunFileRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("kp_run_file_list", List.of("run_id"), List.of("run_id", "campaign", "files"));
    }

    /** Replaces the run's file list, so that a restarted intake step does not list a file twice. */
    public void save(String runId, String campaign, List<RunFile> files) {
        List<RunFile> sorted = files.stream().sorted(Comparator.comparing((RunFile f) -> f.file().path())).toList();
        jdbc.update(upsert, runId, campaign, Binary.deflated(out -> encode(out, sorted)));
    }

    /** The run's files in path order. */
    public List<RunFile> files(String runId) {
        List<byte[]> document = jdbc.query("SELECT files FROM kp_run_file_list WHERE run_id = ?",
                (rs, i) -> rs.getBytes(1), runId);
        return document.isEmpty() ? List.of() : decode(new Binary.Reader(Binary.inflate(document.get(0))));
    }

    private static void encode(Binary.Writer out, List<RunFile> files) {
        out.list(files, (w, f) -> {
            w.plain(f.file().path());
            w.text(f.file().source().name());
            w.number(f.file().size());
            w.number(f.file().modified());
            w.plain(f.file().sha256());
            w.text(f.file().ignored());
            w.number(f.file().changed());
            w.plain(f.parseKey());
        });
    }

    private static List<RunFile> decode(Binary.Reader document) {
        return document.list(in -> new RunFile(new InputFile(in.plain(), Source.valueOf(in.text()), in.number(),
                in.number(), in.plain(), in.text(), in.number()), in.plain()));
    }

    /** A file of a run, with the key its parse result is stored under (null for ignored files). */
    public record RunFile(InputFile file, String parseKey) {
    }
}
