package org.kaoping.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.kaoping.workbook.ParsedWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parse results ({@code kp_parsed_workbook}), one deflated JSON document per workbook: written in batches by
 * the read step, looked up in bulk (by key, or all of a run's at once) — never a query per cell or per file.
 */
@Repository
public class ParsedWorkbookRepository {
    private static final int IN_CLAUSE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    // Absent values are left out (a null comes back as null): most scores have no adjustment, and a shorter
    // document is less to inflate and parse when every result of a campaign is loaded for its report.
    private static final JsonMapper JSON = JsonMapper.builder().addModule(CanonicalValues.module())
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public ParsedWorkbookRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A parse result ready to store. The document is made here, on the read step's parsing threads, so that
     * the chunk's writer (one thread, inside the transaction) only inserts.
     */
    public record Stored(String parseKey, ParsedWorkbook workbook, byte[] document) {
        public Stored(String parseKey, ParsedWorkbook workbook) {
            this(parseKey, workbook, deflate(JSON.writeValueAsBytes(workbook)));
        }
    }

    public void saveAll(List<Stored> items) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("MERGE INTO kp_parsed_workbook (parse_key, path, rejected, parsed, parsed_at) KEY (parse_key)"
                + " VALUES (?, ?, ?, ?, ?)", items, 100, (ps, s) -> {
                    ps.setString(1, s.parseKey());
                    ps.setString(2, s.workbook().path());
                    ps.setBoolean(3, s.workbook().rejected());
                    ps.setBytes(4, s.document());
                    ps.setTimestamp(5, now);
                });
    }

    public Set<String> existing(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        for (List<String> part : partition(keys)) {
            found.addAll(named.queryForList("SELECT parse_key FROM kp_parsed_workbook WHERE parse_key IN (:keys)",
                    new MapSqlParameterSource("keys", part), String.class));
        }
        return found;
    }

    /**
     * The stored results of a run's files, by parse key: fetched in one query (under 1 KB a workbook, deflated) and
     * decoded in parallel, decoding being most of this call's time.
     */
    public Map<String, ParsedWorkbook> loadForRun(String runId) {
        Map<String, byte[]> documents = new HashMap<>();
        jdbc.query("SELECT p.parse_key, p.parsed FROM kp_run_file f JOIN kp_parsed_workbook p"
                + " ON p.parse_key = f.parse_key WHERE f.run_id = ?", rs -> {
                    documents.put(rs.getString(1), rs.getBytes(2));
                }, runId);
        return documents.entrySet().parallelStream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> read(e.getValue())));
    }

    /**
     * JSON compresses about tenfold (the same keys and labels in every row); the fastest level is used since the
     * documents are written on the read step's critical path and the saving hardly differs.
     */
    static byte[] deflate(byte[] json) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 6 + 64);
            try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 8192)) {
                z.write(json);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
    }

    static ParsedWorkbook read(byte[] document) {
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(document), inflater, 8192)) {
            return JSON.readValue(in, ParsedWorkbook.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inflater.end();
        }
    }

    private static List<List<String>> partition(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CLAUSE) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_CLAUSE)));
        }
        return parts;
    }
}
