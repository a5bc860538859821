package org.kaoping.run;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process. A STARTED execution in the repository that is not among them
 * has no live owner: runs of one campaign never overlap across processes (the campaign lock), so it was
 * left behind by a process that died (kill -9, power cut) and will stay STARTED forever.
 */
@Component
public class LiveExecutions implements JobExecutionListener {
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    public boolean isLive(long executionId) {
        return running.contains(executionId);
    }
}
