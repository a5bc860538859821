package org.kaoping.batch;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files each run found: one document per run ({@code kp_run_file_list}, {@link Binary}, deflated), not a row
 * per file. A rerun of a campaign of thousands of files wrote thousands of rows, and H2 went over each again to
 * commit them; the list is only ever read whole. A list with few files changed since the previous run's is stored
 * as those changes, against the last list stored whole. Runs recorded before the list became a document are read from
 * their rows in {@code kp_run_file}.
 *
 * <p>The last few runs' lists are also kept in memory as committed: every step of a run reads its list, and the
 * next run reads it twice more.
 */
@Repository
public class RunFileRepository {
    // A list is stored as its changes against a base list only while they are at most this share of it (1/8):
    // reading it takes the base list as well.
    private static final int MAX_CHANGED_SHARE = 8;
    private final JdbcTemplate jdbc;
    private final RecentRuns<List<RunFile>> recent = new RecentRuns<>();

    public RunFileRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's file list, so that a restarted intake step does not list a file twice. */
    public void save(String runId, String campaign, List<RunFile> files) {
        save(runId, campaign, files, null, List.of());
    }

    /**
     * As {@link #save(String, String, List)}, stored as its changes against the previous run's list ({@code
     * previous}, as {@link #files} gave it) or the list that one was stored against, when few files changed: a
     * rerun after one correction then stores one entry, not thousands, whose hashes took most of a rerun's intake
     * to encode and deflate.
     */
    public void save(String runId, String campaign, List<RunFile> files, String previousRunId, List<RunFile> previous) {
        List<RunFile> saved = files.stream().sorted(Comparator.comparing((RunFile f) -> f.file().path())).toList();
        recent.replace(runId, saved);
        String base = previousRunId == null ? null : baseOf(previousRunId);
        Changes changes = base == null ? null
                : Changes.between(base.equals(previousRunId) ? previous : base(base), saved);
        boolean asChanges = changes != null && changes.size() * MAX_CHANGED_SHARE <= saved.size();
        jdbc.update("MERGE INTO kp_run_file_list (run_id, campaign, files, base_run) KEY (run_id) VALUES (?, ?, ?, ?)",
                runId, campaign, asChanges ? Binary.deflated(changes::encode) : Binary.deflated(out -> encode(out, saved)),
                asChanges ? base : null);
    }

    /**
     * The run whose whole list a list like {@code runId}'s is stored against: that run's own base, or itself.
     * Never a run stored as changes, so a list is read from at most two documents. Null for a run of before
     * (rows in kp_run_file), whose list is kept whole.
     */
    private String baseOf(String runId) {
        List<String> base = jdbc.query("SELECT COALESCE(base_run, run_id) FROM kp_run_file_list WHERE run_id = ?",
                (rs, i) -> rs.getString(1), runId);
        return base.isEmpty() ? null : base.get(0);
    }

    /** The run's files in path order. */
    public List<RunFile> files(String runId) {
        List<RunFile> remembered = recent.get(runId);
        if (remembered != null) {
            return remembered;
        }
        List<Stored> document = jdbc.query("SELECT files, base_run FROM kp_run_file_list WHERE run_id = ?",
                (rs, i) -> new Stored(rs.getBytes(1), rs.getString(2)), runId);
        if (!document.isEmpty()) {
            Stored stored = document.get(0);
            byte[] inflated = Binary.inflate(stored.files());
            return stored.base() == null ? decode(inflated) : Changes.decode(inflated).applyTo(base(stored.base()));
        }
        return jdbc.query("SELECT path, source, size_bytes, modified, sha256, ignored, parse_key, changed FROM kp_run_file"
                        + " WHERE run_id = ? ORDER BY path",
                (rs, i) -> new RunFile(new InputFile(rs.getString(1), Source.valueOf(rs.getString(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getLong(8)), rs.getString(7)), runId);
    }

    /**
     * A base list, remembered once read: the next runs' lists are stored against it, and it is a finished run's,
     * committed long since.
     */
    private List<RunFile> base(String runId) {
        List<RunFile> remembered = recent.get(runId);
        if (remembered == null) {
            remembered = files(runId);
            recent.remember(runId, remembered);
        }
        return remembered;
    }

    private record Stored(byte[] files, String base) {
    }

    /** A list as the files that differ from a base list (new or changed, whole) and the paths gone from it. */
    record Changes(List<RunFile> listed, List<String> gone) {
        static Changes between(List<RunFile> base, List<RunFile> files) {
            Map<String, RunFile> before = new HashMap<>();
            base.forEach(f -> before.put(f.file().path(), f));
            List<RunFile> listed = files.stream().filter(f -> !f.equals(before.remove(f.file().path()))).toList();
            return new Changes(listed, before.keySet().stream().sorted().toList());
        }

        int size() {
            return listed.size() + gone.size();
        }

        List<RunFile> applyTo(List<RunFile> base) {
            Map<String, RunFile> files = new TreeMap<>();
            base.forEach(f -> files.put(f.file().path(), f));
            gone.forEach(files::remove);
            listed.forEach(f -> files.put(f.file().path(), f));
            return List.copyOf(files.values());
        }

        void encode(Binary.Writer out) {
            RunFileRepository.encode(out, listed);
            out.list(gone, Binary.Writer::plain);
        }

        static Changes decode(byte[] document) {
            Binary.Reader in = new Binary.Reader(document);
            return new Changes(RunFileRepository.decode(in), in.list(Binary.Reader::plain));
        }
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
        return decode(new Binary.Reader(document));
    }

    private static List<RunFile> decode(Binary.Reader document) {
        return document.list(in -> new RunFile(new InputFile(in.plain(), Source.valueOf(in.text()), in.number(),
                in.number(), in.plain(), in.text(), in.number()), in.plain()));
    }

    /** A file of a run, with the key its parse result is stored under (null for ignored files). */
    public record RunFile(InputFile file, String parseKey) {
    }
}
