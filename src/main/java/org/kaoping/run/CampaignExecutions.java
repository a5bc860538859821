package org.kaoping.run;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kaoping.job.ConsolidationJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The job repository seen per campaign. Spring Batch finds executions by job name or by the full set of
 * identifying parameters; a campaign is one of those parameters, so these few lookups query the BATCH_*
 * tables directly (default prefix) — the one place kaoping depends on their layout.
 */
@Repository
public class CampaignExecutions {
    private static final String BY_CAMPAIGN = " FROM BATCH_JOB_EXECUTION e"
            + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS c ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + "   AND c.PARAMETER_NAME = '" + RunParameters.CAMPAIGN + "'"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS r ON r.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + "   AND r.PARAMETER_NAME = '" + RunParameters.RUN_ID + "'"
            + " WHERE i.JOB_NAME = '" + ConsolidationJobConfiguration.JOB_NAME + "' AND c.PARAMETER_VALUE = ?";

    private final JdbcTemplate jdbc;

    public CampaignExecutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last execution of each run (job instance) of a campaign, oldest run first. */
    public record RunExecution(String runId, long instanceId, long executionId, BatchStatus status,
                               LocalDateTime started, LocalDateTime ended, int executions) {
    }

    public List<RunExecution> runs(String campaign) {
        return jdbc.query("SELECT r.PARAMETER_VALUE, e.JOB_INSTANCE_ID, e.JOB_EXECUTION_ID, e.STATUS, e.START_TIME,"
                        + " e.END_TIME, (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION x WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID)"
                        + BY_CAMPAIGN + " AND e.JOB_EXECUTION_ID = (SELECT MAX(x.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION x"
                        + " WHERE x.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID) ORDER BY e.JOB_INSTANCE_ID",
                (rs, i) -> new RunExecution(rs.getString(1), rs.getLong(2), rs.getLong(3), BatchStatus.valueOf(rs.getString(4)),
                        time(rs.getTimestamp(5)), time(rs.getTimestamp(6)), rs.getInt(7)),
                campaign);
    }

    /** The campaign's most recent job execution, whatever its status. */
    public Optional<Long> lastExecutionId(String campaign) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(e.JOB_EXECUTION_ID)" + BY_CAMPAIGN, Long.class, campaign));
    }

    /**
     * Items written by the read step over every execution of a run: each workbook parsed once, a restart
     * adding only what the interrupted execution had not committed.
     */
    public int parsedFiles(long instanceId) {
        Integer n = jdbc.queryForObject("SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s"
                + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID"
                + " WHERE e.JOB_INSTANCE_ID = ? AND s.STEP_NAME = 'read'", Integer.class, instanceId);
        return n == null ? 0 : n;
    }

    private static LocalDateTime time(java.sql.Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
