package org.kaoping.run;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The identifying parameters of a consolidation run: the campaign and a run id (its start time), so each
 * run is its own job instance and an interrupted one can be restarted with the same parameters.
 */
public final class RunParameters {
    public static final String CAMPAIGN = "campaign";
    public static final String RUN_ID = "run.id";
    private static final DateTimeFormatter RUN_ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunParameters() {
    }

    public static JobParameters of(String campaign, LocalDateTime started) {
        return new JobParametersBuilder()
                .addString(CAMPAIGN, campaign, true)
                .addString(RUN_ID, started.format(RUN_ID_FORMAT), true)
                .toJobParameters();
    }

    public static LocalDateTime startedAt(String runId) {
        return LocalDateTime.parse(runId, RUN_ID_FORMAT);
    }
}
