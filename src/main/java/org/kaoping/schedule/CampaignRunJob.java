package org.kaoping.schedule;

import java.text.SimpleDateFormat;
import org.kaoping.run.CampaignLock;
import org.kaoping.run.CampaignRunner;
import org.kaoping.run.ExitCodes;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one campaign's schedule: the same run as {@code run <campaign>}. Never two at once in this
 * process ({@link DisallowConcurrentExecution}); a run of the campaign in another process holds its
 * {@link CampaignLock}, and then this one is skipped, not queued.
 */
@DisallowConcurrentExecution
public class CampaignRunJob implements Job {
    public static final String CAMPAIGN = "campaign";
    private static final Logger log = LoggerFactory.getLogger(CampaignRunJob.class);

    private final CampaignRunner runner;

    public CampaignRunJob(CampaignRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String campaign = context.getMergedJobDataMap().getString(CAMPAIGN);
        log.info("定时运行 {}（计划时间 {}）", campaign,
                new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(context.getScheduledFireTime()));
        int exit = runner.run(campaign);
        if (exit == ExitCodes.BUSY) {
            log.warn("定时运行 {} 已跳过：该考核正在运行", campaign);
        } else if (exit != 0) {
            log.error("定时运行 {} 未成功，退出码 {}（原因见上一行）", campaign, exit);
        } else {
            log.info("定时运行 {} 完成", campaign);
        }
    }
}
