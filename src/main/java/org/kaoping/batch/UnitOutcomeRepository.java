package org.kaoping.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kaoping.report.LeafRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Units' scored outcomes ({@code kp_unit_outcome}) by fingerprint, with their 分项得分 rows: loaded in one query per
 * campaign, written in batches, and pruned to the latest run's, so the table holds about one row per roster unit.
 */
@Repository
public class UnitOutcomeRepository {
    private static final int IN_CLAUSE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public UnitOutcomeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** An encoded outcome and, when a report was written from it, the unit's rows there. */
    public record Stored(String fingerprint, byte[] outcome, LeafRows leafRows) {
    }

    public Map<String, Stored> load(String campaign) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.query("SELECT fingerprint, outcome, leaf_row, leaf_rows, leaf_crc, leaf_length FROM kp_unit_outcome"
                + " WHERE campaign = ?", rs -> {
                    byte[] rows = rs.getBytes(4);
                    out.put(rs.getString(1), new Stored(rs.getString(1), rs.getBytes(2), rows == null ? null
                            : new LeafRows(rs.getInt(3), rows, rs.getLong(5), rs.getLong(6))));
                }, campaign);
        return out;
    }

    /**
     * Stores outcomes; {@code existing}: fingerprints already stored (their rows are replaced, the others inserted,
     * which spares H2 a key lookup per row in a campaign's first run).
     */
    public void save(String campaign, Collection<Stored> outcomes, Set<String> existing) {
        List<Stored> fresh = outcomes.stream().filter(s -> !existing.contains(s.fingerprint())).toList();
        List<Stored> replaced = outcomes.stream().filter(s -> existing.contains(s.fingerprint())).toList();
        write("INSERT INTO kp_unit_outcome (fingerprint, campaign, outcome, leaf_row, leaf_rows, leaf_crc, leaf_length)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", campaign, fresh);
        write("MERGE INTO kp_unit_outcome (fingerprint, campaign, outcome, leaf_row, leaf_rows, leaf_crc, leaf_length)"
                + " KEY (fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)", campaign, replaced);
    }

    private void write(String sql, String campaign, List<Stored> outcomes) {
        jdbc.batchUpdate(sql, outcomes, 500, (ps, s) -> {
            LeafRows rows = s.leafRows();
            ps.setString(1, s.fingerprint());
            ps.setString(2, campaign);
            ps.setBytes(3, s.outcome());
            ps.setObject(4, rows == null ? null : rows.firstRow());
            ps.setBytes(5, rows == null ? null : rows.deflated());
            ps.setObject(6, rows == null ? null : rows.crc());
            ps.setObject(7, rows == null ? null : rows.length());
        });
    }

    public void delete(Collection<String> fingerprints) {
        List<String> all = new ArrayList<>(fingerprints);
        for (int i = 0; i < all.size(); i += IN_CLAUSE) {
            named.update("DELETE FROM kp_unit_outcome WHERE fingerprint IN (:keys)",
                    new MapSqlParameterSource("keys", all.subList(i, Math.min(all.size(), i + IN_CLAUSE))));
        }
    }
}
