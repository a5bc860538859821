package org.kaoping.batch;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files each run found ({@code kp_run_file}), written in one batch per run. The last few runs' lists are also
 * kept in memory as committed: every step of a run reads its list, and the next run reads it twice more, which in
 * a campaign of thousands of files cost more than the rest of an unchanged rerun.
 */
@Repository
public class RunFileRepository {
    private static final int RECENT_RUNS = 4;

    private final JdbcTemplate jdbc;
    private final Map<String, List<RunFile>> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<RunFile>> eldest) {
                    return size() > RECENT_RUNS;
                }
            });

    public RunFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's file list, so that a restarted intake step does not list a file twice. */
    public void save(String runId, String campaign, List<RunFile> files) {
        recent.remove(runId);
        // In the order files() reads them back (H2 compares texts as Java does).
        List<RunFile> saved = files.stream().sorted(Comparator.comparing((RunFile f) -> f.file().path())).toList();
        AfterCommit.run(() -> recent.put(runId, saved));
        jdbc.update("DELETE FROM kp_run_file WHERE run_id = ?", runId);
        jdbc.batchUpdate("INSERT INTO kp_run_file (run_id, campaign, path, source, size_bytes, modified, sha256, ignored,"
                        + " parse_key, changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", files, 500, (ps, f) -> {
                    ps.setString(1, runId);
                    ps.setString(2, campaign);
                    ps.setString(3, f.file().path());
                    ps.setString(4, f.file().source().name());
                    ps.setLong(5, f.file().size());
                    ps.setLong(6, f.file().modified());
                    ps.setString(7, f.file().sha256());
                    ps.setString(8, f.file().ignored());
                    ps.setString(9, f.parseKey());
                    ps.setLong(10, f.file().changed());
                });
    }

    /** The run's files in path order. */
    public List<RunFile> files(String runId) {
        List<RunFile> remembered = recent.get(runId);
        if (remembered != null) {
            return remembered;
        }
        return jdbc.query("SELECT path, source, size_bytes, modified, sha256, ignored, parse_key, changed FROM kp_run_file"
                        + " WHERE run_id = ? ORDER BY path",
                (rs, i) -> new RunFile(new InputFile(rs.getString(1), Source.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getLong(8)), rs.getString(7)), runId);
    }

    /** A file of a run, with the key its parse result is stored under (null for ignored files). */
    public record RunFile(InputFile file, String parseKey) {
    }
}
