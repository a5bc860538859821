package org.kaoping.batch;

import java.util.Comparator;
import java.util.List;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files each run found: one document per run ({@code kp_run_file_list}, {@link Binary}, deflated), not a row
 * per file. A rerun of a campaign of thousands of files wrote thousands of rows, and H2 went over each again to
 * commit them; the list is only ever read whole. Runs recorded before the list became a document are read from
 * their rows in {@code kp_run_file}.
 *
 * <p>The last few runs' lists are also kept in memory as committed: every step of a run reads its list, and the
 * next run reads it twice more.
 */
@Repository
public class RunFileRepository {
    private final JdbcTemplate jdbc;
    private final RecentRuns<List<RunFile>> recent = new RecentRuns<>();

    public RunFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's file list, so that a restarted intake step does not list a file twice. */
    public void save(String runId, String campaign, List<RunFile> files) {
        List<RunFile> saved = files.stream().sorted(Comparator.comparing((RunFile f) -> f.file().path())).toList();
        recent.replace(runId, saved);
        jdbc.update("MERGE INTO kp_run_file_list (run_id, campaign, files) KEY (run_id) VALUES (?, ?, ?)", runId,
                campaign, Binary.deflated(out -> encode(out, saved)));
    }

    /** The run's files in path order. */
    public List<RunFile> files(String runId) {
        List<RunFile> remembered = recent.get(runId);
        if (remembered != null) {
            return remembered;
        }
        List<byte[]> document = jdbc.queryForList("SELECT files FROM kp_run_file_list WHERE run_id = ?", byte[].class,
                runId);
        if (!document.isEmpty()) {
            return decode(Binary.inflate(document.get(0)));
        }
        return jdbc.query("SELECT path, source, size_bytes, modified, sha256, ignored, parse_key, changed FROM kp_run_file"
                        + " WHERE run_id = ? ORDER BY path",
                (rs, i) -> new RunFile(new InputFile(rs.getString(1), Source.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getLong(8)), rs.getString(7)), runId);
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

    private static List<RunFile> decode(byte[] document) {
        return new Binary.Reader(document).list(in -> new RunFile(new InputFile(in.plain(), Source.valueOf(in.text()),
                in.number(), in.number(), in.plain(), in.text(), in.number()), in.plain()));
    }

    /** A file of a run, with the key its parse result is stored under (null for ignored files). */
    public record RunFile(InputFile file, String parseKey) {
    }
}
