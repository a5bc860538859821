package org.kaoping.batch;

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
import org.kaoping.workbook.ParsedWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parse results ({@code kp_parsed_file}), one JSON document per workbook: written in batches by the read
 * step, looked up in bulk by key — never a query per cell or per file.
 */
@Repository
public class ParsedWorkbookRepository {
    private static final int IN_CLAUSE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private static final JsonMapper JSON = JsonMapper.builder().addModule(CanonicalValues.module()).build();

    public ParsedWorkbookRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A parse result ready to store. The JSON is made here, on the read step's parsing threads, so that the
     * chunk's writer (one thread, inside the transaction) only inserts.
     */
    public record Stored(String parseKey, ParsedWorkbook workbook, String json) {
        public Stored(String parseKey, ParsedWorkbook workbook) {
            this(parseKey, workbook, JSON.writeValueAsString(workbook));
        }
    }

    public void saveAll(List<Stored> items) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("MERGE INTO kp_parsed_file (parse_key, path, rejected, parsed, parsed_at) KEY (parse_key)"
                + " VALUES (?, ?, ?, ?, ?)", items, 100, (ps, s) -> {
                    ps.setString(1, s.parseKey());
                    ps.setString(2, s.workbook().path());
                    ps.setBoolean(3, s.workbook().rejected());
                    ps.setString(4, s.json());
                    ps.setTimestamp(5, now);
                });
    }

    public Set<String> existing(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        for (List<String> part : partition(keys)) {
            found.addAll(named.queryForList("SELECT parse_key FROM kp_parsed_file WHERE parse_key IN (:keys)",
                    new MapSqlParameterSource("keys", part), String.class));
        }
        return found;
    }

    /**
     * The stored results for these keys. Fetched a few hundred at a time and parsed from JSON in parallel: a
     * large campaign's documents are never all held as text at once, and parsing them is most of this call's time.
     */
    public Map<String, ParsedWorkbook> load(Collection<String> keys) {
        Map<String, ParsedWorkbook> found = new HashMap<>();
        for (List<String> part : partition(keys)) {
            Map<String, String> documents = new HashMap<>();
            named.query("SELECT parse_key, parsed FROM kp_parsed_file WHERE parse_key IN (:keys)",
                    new MapSqlParameterSource("keys", part), rs -> {
                        documents.put(rs.getString(1), rs.getString(2));
                    });
            found.putAll(documents.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> JSON.readValue(e.getValue(), ParsedWorkbook.class))));
        }
        return found;
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
