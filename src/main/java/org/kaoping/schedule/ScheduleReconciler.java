package org.kaoping.schedule;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * Makes the scheduler's stored triggers match the campaign configs: adds new schedules, replaces a trigger
 * whose cron expression changed, deletes the jobs of campaigns that no longer have one, and leaves an unchanged
 * trigger alone — re-creating it would forget a fire time missed while the service was down.
 */
public final class ScheduleReconciler {
    /** Quartz group of the campaign jobs and triggers; their names are the campaign codes. */
    public static final String GROUP = "kaoping-campaign";
    private static final int RACE_ATTEMPTS = 3;
    private static final long RACE_PAUSE_MILLIS = 200;

    public enum Change { ADDED, UPDATED, UNCHANGED, REMOVED }

    /** What happened to one campaign's schedule; {@code nextFire} is null for a removed one. */
    public record Outcome(String campaign, Change change, String cron, Date nextFire, TimeZone zone) {
    }

    public List<Outcome> reconcile(Scheduler scheduler, List<CampaignSchedule> schedules) throws SchedulerException {
        Map<String, CampaignSchedule> wanted = schedules.stream()
                .collect(Collectors.toMap(CampaignSchedule::campaign, Function.identity()));
        List<Outcome> outcomes = new ArrayList<>();
        Set<JobKey> existing = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
        for (JobKey key : existing.stream().sorted().toList()) {
            if (!wanted.containsKey(key.getName())) {
                scheduler.deleteJob(key);
                outcomes.add(new Outcome(key.getName(), Change.REMOVED, null, null, null));
            }
        }
        for (CampaignSchedule s : schedules) {
            Change change = applyRetrying(scheduler, s);
            outcomes.add(new Outcome(s.campaign(), change, s.cron(),
                    scheduler.getTrigger(triggerKey(s.campaign())).getNextFireTime(), s.zone()));
        }
        return outcomes;
    }

    /**
     * Another serve on the same database (a cluster node starting at the same moment) may add the same job or
     * trigger between this one's look and its insert: then it is looked at again, and found as wanted.
     */
    private static Change applyRetrying(Scheduler scheduler, CampaignSchedule s) throws SchedulerException {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(scheduler, s);
            } catch (JobPersistenceException e) {
                if (attempt == RACE_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(RACE_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Change apply(Scheduler scheduler, CampaignSchedule s) throws SchedulerException {
        TriggerKey triggerKey = triggerKey(s.campaign());
        Trigger current = scheduler.getTrigger(triggerKey);
        if (current instanceof CronTrigger cron && cron.getCronExpression().equals(s.cron())
                && cron.getTimeZone().getID().equals(s.zone().getID())) {
            return Change.UNCHANGED;
        }
        if (current != null) {
            scheduler.rescheduleJob(triggerKey, trigger(s));
            return Change.UPDATED;
        }
        if (scheduler.checkExists(jobKey(s.campaign()))) {
            scheduler.scheduleJob(trigger(s));
        } else {
            scheduler.scheduleJob(job(s.campaign()), trigger(s));
        }
        return Change.ADDED;
    }

    public static JobKey jobKey(String campaign) {
        return JobKey.jobKey(campaign, GROUP);
    }

    public static TriggerKey triggerKey(String campaign) {
        return TriggerKey.triggerKey(campaign, GROUP);
    }

    static JobDetail job(String campaign) {
        return JobBuilder.newJob(CampaignRunJob.class).withIdentity(jobKey(campaign))
                .withDescription("运行考核 " + campaign)
                .usingJobData(CampaignRunJob.CAMPAIGN, campaign)
                .storeDurably(false)
                .build();
    }

    /** The campaign's cron trigger; a fire time missed while the service was down fires once when it is back. */
    public static TriggerBuilder<CronTrigger> triggerBuilder(CampaignSchedule s) {
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(s.campaign())).forJob(jobKey(s.campaign()))
                .withDescription(s.file().getFileName() + " 的 schedule")
                .withSchedule(CronScheduleBuilder.cronSchedule(s.cron()).inTimeZone(s.zone())
                        .withMisfireHandlingInstructionFireAndProceed());
    }

    static Trigger trigger(CampaignSchedule s) {
        return triggerBuilder(s).build();
    }
}
