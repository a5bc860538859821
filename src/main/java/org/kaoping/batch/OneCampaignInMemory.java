package org.kaoping.batch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Lets go of what is remembered for other campaigns when a run starts, not when its report loads: a 20,000-unit
 * campaign's remembered outcomes are some 150 MB, which the read step of the next campaign's run would otherwise
 * carry through every collection (measured: the collector's share of that step more than doubled).
 */
@Component
public class OneCampaignInMemory implements JobExecutionListener {
    private final UnitOutcomeRepository outcomes;

    public OneCampaignInMemory(UnitOutcomeRepository outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        outcomes.keepOnly(execution.getJobParameters().getString(RunParameters.CAMPAIGN));
    }
}
