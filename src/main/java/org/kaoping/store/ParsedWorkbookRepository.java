package org.kaoping.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.scoring.Discrepancy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Parse results ({@code kp_parse_result}), one binary document per workbook ({@link ParsedWorkbookCodec}): written
 * in batches by the read step, looked up in bulk by their keys — never a query per cell or per file.
 */
@Repository
public class ParsedWorkbookRepository {
    // Unit names are single-line texts from the roster, so a line break cannot occur in one.
    private static final String UNIT_SEPARATOR = "\n";
    // Keys are looked up as a table joined on the primary key, not an IN list: H2 checks every row it finds against
    // the whole list again, which for thousands of keys cost more than the rest of an unchanged rerun.
    private final String byKeys;
    private final String upsert;
    private final JdbcTemplate jdbc;

    public ParsedWorkbookRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.byKeys = " FROM " + dialect.stringsTable() + " JOIN kp_parse_result p ON p.parse_key = t.k";
        this.upsert = dialect.upsert("kp_parse_result", List.of("parse_key"), List.of("parse_key", "path", "rejected",
                "parsed", "parsed_at", "units", "summary", "rejection", "findings"));
    }

    /**
     * A parse result ready to store: its outline, and the workbook as a document. The document is made here, on the
     * read step's parsing threads, so that the chunk's writer (one thread, inside the transaction) only inserts; the
     * workbook itself is not kept, so that its scores die young while the chunk waits to be written (a chunk's
     * workbooks held until then were most of what each young collection of the read step had to copy).
     */
    public record Stored(Outline outline, String path, byte[] document, byte[] findings) {
        public Stored(String parseKey, ParsedWorkbook workbook) {
            this(new Outline(parseKey, workbook.rejected(), workbook.rejection(), workbook.summary(), units(workbook),
                    workbook.findings()), workbook.path(), ParsedWorkbookCodec.encode(workbook),
                    workbook.findings().isEmpty() ? null : ParsedWorkbookCodec.encodeFindings(workbook.findings()));
        }

        public String parseKey() {
            return outline.parseKey();
        }
    }

    public void saveAll(List<Stored> items) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(upsert, items, 100, (ps, s) -> {
                    Outline o = s.outline();
                    ps.setString(1, o.parseKey());
                    ps.setString(2, s.path());
                    ps.setBoolean(3, o.rejected());
                    ps.setBytes(4, s.document());
                    ps.setTimestamp(5, now);
                    ps.setString(6, String.join(UNIT_SEPARATOR, o.units()));
                    ps.setString(7, o.summary());
                    ps.setString(8, o.rejection());
                    ps.setBytes(9, s.findings());
                });
    }

    /**
     * What the report needs of every file of a run besides the scores: the units it names, its findings and how it
     * was read. Cheap to load for a whole campaign (most files have no findings), unlike the scores.
     */
    public record Outline(String parseKey, boolean rejected, String rejection, String summary, Set<String> units,
                          List<Discrepancy> findings) {
    }

    /** The outlines of the run's readable files ({@code files}: the run's list), by parse key. */
    public Map<String, Outline> outlines(List<RunFileRepository.RunFile> files) {
        Set<String> keys = new HashSet<>();
        files.stream().map(RunFileRepository.RunFile::parseKey).filter(k -> k != null).forEach(keys::add);
        Map<String, Outline> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        select("p.parse_key, p.rejected, p.rejection, p.summary, p.units, p.findings", keys, rs -> {
            String units = rs.getString(5);
            byte[] findings = rs.getBytes(6);
            Outline outline = new Outline(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                    units == null || units.isEmpty() ? Set.of()
                            : new LinkedHashSet<>(Arrays.asList(units.split(UNIT_SEPARATOR))),
                    findings == null ? List.of() : ParsedWorkbookCodec.decodeFindings(findings));
            out.put(outline.parseKey(), outline);
        });
        return out;
    }

    /** The parse keys among the run's files ({@code files}: the run's list) that have a stored result. */
    public Set<String> existing(List<RunFileRepository.RunFile> files) {
        Set<String> keys = new HashSet<>();
        files.stream().map(RunFileRepository.RunFile::parseKey).filter(k -> k != null).forEach(keys::add);
        Set<String> out = new HashSet<>();
        if (!keys.isEmpty()) {
            select("p.parse_key", keys, rs -> out.add(rs.getString(1)));
        }
        return out;
    }

    /** The rows of {@code kp_parse_result} under {@code keys}, in one query. */
    private void select(String columns, Set<String> keys, RowCallbackHandler row) {
        jdbc.query("SELECT " + columns + byKeys, ps -> ps.setObject(1, keys.toArray(String[]::new)), row);
    }

    /** The stored results under {@code keys}, decoded in parallel. */
    public Map<String, ParsedWorkbook> load(Collection<String> keys) {
        Map<String, byte[]> found = new HashMap<>();
        select("p.parse_key, p.parsed", new HashSet<>(keys), rs -> found.put(rs.getString(1), rs.getBytes(2)));
        Binary.Canon canon = new Binary.Canon();
        return found.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ParsedWorkbookCodec.decode(e.getValue(), canon)));
    }

    /** The roster units a workbook gives scores or adjustments for, in the order it gives them. */
    static Set<String> units(ParsedWorkbook workbook) {
        Set<String> units = new LinkedHashSet<>();
        workbook.sheets().forEach(s -> units.add(s.unit()));
        workbook.adjustments().forEach(a -> units.add(a.unit()));
        return units;
    }
}
