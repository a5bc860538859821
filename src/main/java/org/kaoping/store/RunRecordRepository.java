package org.kaoping.store;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A run's counts and its units' totals and ranks ({@code kp_run}, the units as one document in
 * {@code unit_records}), written once by the report step — replacing what a restarted report step may have written
 * before — and read back by the next run (what changed) and by {@code history}.
 */
@Repository
public class RunRecordRepository {
    private final JdbcTemplate jdbc;
    private final String upsert;

    public RunRecordRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("kp_run", List.of("run_id"), List.of("run_id", "campaign", "files_found",
                "files_parsed", "files_rejected", "units", "units_ranked", "discrepancies", "inputs_key", "reported_at",
                "unit_records"));
    }

    /** What {@code history} prints of a run, and the fingerprint of its inputs and configuration. */
    public record RunRecord(String runId, String campaign, int filesFound, int filesParsed, int filesRejected,
                            int units, int unitsRanked, int discrepancies, String inputsKey) {
    }

    /** A unit's result in a run: total null when 未考核, rank null when not ranked. */
    public record UnitRecord(String unit, String status, BigDecimal total, Integer rank) {
    }

    public void save(RunRecord run, List<UnitRecord> units) {
        List<UnitRecord> saved = units.stream().sorted(Comparator.comparing(UnitRecord::unit)).toList();
        jdbc.update(upsert,
                run.runId(), run.campaign(), run.filesFound(), run.filesParsed(), run.filesRejected(), run.units(),
                run.unitsRanked(), run.discrepancies(), run.inputsKey(), Timestamp.from(Instant.now()),
                Binary.deflated(out -> encode(out, saved)));
    }

    private static void encode(Binary.Writer out, List<UnitRecord> units) {
        out.list(units, (w, u) -> {
            w.text(u.unit());
            w.text(u.status());
            w.decimal(u.total());
            w.count(u.rank() == null ? 0 : u.rank() + 1);
        });
    }

    private static List<UnitRecord> decode(byte[] document) {
        return new Binary.Reader(document).list(in -> {
            String unit = in.text();
            String status = in.text();
            BigDecimal total = in.decimal();
            int rank = in.count();
            return new UnitRecord(unit, status, total, rank == 0 ? null : rank - 1);
        });
    }

    /** The latest run of the campaign that reported before {@code runId} (run ids sort by start time). */
    public Optional<RunRecord> previous(String campaign, String runId) {
        return jdbc.query(SELECT + " WHERE campaign = ? AND run_id < ? ORDER BY run_id DESC LIMIT 1", ROW, campaign, runId)
                .stream().findFirst();
    }

    public Map<String, RunRecord> byCampaign(String campaign) {
        return jdbc.query(SELECT + " WHERE campaign = ?", ROW, campaign).stream()
                .collect(Collectors.toMap(RunRecord::runId, Function.identity()));
    }

    /** The run's units by name. */
    public List<UnitRecord> units(String runId) {
        List<byte[]> document = jdbc.query("SELECT unit_records FROM kp_run WHERE run_id = ?",
                (rs, i) -> rs.getBytes(1), runId);
        return document.isEmpty() || document.get(0) == null ? List.of() : decode(Binary.inflate(document.get(0)));
    }

    private static final String SELECT = "SELECT run_id, campaign, files_found, files_parsed, files_rejected, units,"
            + " units_ranked, discrepancies, inputs_key FROM kp_run";

    private static final org.springframework.jdbc.core.RowMapper<RunRecord> ROW = (rs, i) -> new RunRecord(
            rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
            rs.getInt(8), rs.getString(9));
}
