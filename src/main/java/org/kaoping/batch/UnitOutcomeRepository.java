package org.kaoping.batch;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.report.LeafRows;
import org.kaoping.scoring.UnitOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Units' scored outcomes ({@code kp_unit_outcome}) by fingerprint, with their 分项得分 rows: loaded in one query per
 * campaign, written in batches, and pruned to the latest run's, so the table holds about one row per roster unit.
 *
 * <p>The rows of the campaign run last, and the outcomes its last run used (decoded), are also kept in memory as
 * committed: in a process that reruns a campaign ({@code serve}), the next run then neither queries nor decodes the
 * thousands of outcomes it takes back. Softly, so that memory pressure takes them back before it fails anything;
 * for one campaign only, so that a process running many does not hold them all.
 */
@Repository
public class UnitOutcomeRepository {
    private static final int IN_CLAUSE = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Map<String, SoftReference<Map<String, Stored>>> rows = new ConcurrentHashMap<>();
    private final Map<String, SoftReference<Map<String, UnitOutcome>>> decoded = new ConcurrentHashMap<>();

    public UnitOutcomeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** An encoded outcome and, when a report was written from it, the unit's rows there. */
    public record Stored(String fingerprint, byte[] outcome, LeafRows leafRows) {
    }

    /** The campaign's stored outcomes by fingerprint (a read-only view). */
    public Map<String, Stored> load(String campaign) {
        Map<String, Stored> kept = kept(rows, campaign);
        if (kept != null) {
            return Collections.unmodifiableMap(kept);
        }
        // Another campaign's turn: what is kept for any other goes before this one's are read and scored. Kept for
        // every campaign, a 20,000-unit campaign's outcomes and the last one's together came near -Xmx512m, and
        // the collector traces all of them while it waits for memory to run short.
        rows.keySet().removeIf(c -> !c.equals(campaign));
        decoded.keySet().removeIf(c -> !c.equals(campaign));
        Map<String, Stored> out = new ConcurrentHashMap<>();
        jdbc.query("SELECT fingerprint, outcome, leaf_row, leaf_rows, leaf_crc, leaf_length FROM kp_unit_outcome"
                + " WHERE campaign = ?", rs -> {
                    byte[] rows = rs.getBytes(4);
                    out.put(rs.getString(1), new Stored(rs.getString(1), rs.getBytes(2), rows == null ? null
                            : new LeafRows(rs.getInt(3), rows, rs.getLong(5), rs.getLong(6))));
                }, campaign);
        rows.put(campaign, new SoftReference<>(out));
        return Collections.unmodifiableMap(out);
    }

    /** The outcomes the campaign's last run used, decoded, by fingerprint; empty when none are kept. */
    public Map<String, UnitOutcome> decoded(String campaign) {
        Map<String, UnitOutcome> kept = kept(decoded, campaign);
        return kept == null ? Map.of() : kept;
    }

    /** Keeps the outcomes a run used, once its transaction has committed. */
    public void keepDecoded(String campaign, Map<String, UnitOutcome> outcomes) {
        Map<String, UnitOutcome> copy = Map.copyOf(outcomes);
        AfterCommit.run(() -> decoded.put(campaign, new SoftReference<>(copy)));
    }

    private static <T> Map<String, T> kept(Map<String, SoftReference<Map<String, T>>> byCampaign, String campaign) {
        SoftReference<Map<String, T>> ref = byCampaign.get(campaign);
        return ref == null ? null : ref.get();
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
        List<Stored> saved = List.copyOf(outcomes);
        AfterCommit.run(() -> {
            Map<String, Stored> kept = kept(rows, campaign);
            if (kept != null) {
                saved.forEach(o -> kept.put(o.fingerprint(), o));
            }
        });
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
        AfterCommit.run(() -> rows.values().forEach(ref -> {
            Map<String, Stored> kept = ref.get();
            if (kept != null) {
                all.forEach(kept::remove);
            }
        }));
        for (int i = 0; i < all.size(); i += IN_CLAUSE) {
            named.update("DELETE FROM kp_unit_outcome WHERE fingerprint IN (:keys)",
                    new MapSqlParameterSource("keys", all.subList(i, Math.min(all.size(), i + IN_CLAUSE))));
        }
    }
}
