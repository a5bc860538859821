package org.kaoping.schedule;

import java.nio.file.Path;
import java.util.TimeZone;

/**
 * A campaign's {@code schedule:}: the Quartz cron expression it runs on, in the time zone of {@code schedule-zone:}
 * (the server's when not given), and the config file it came from.
 */
public record CampaignSchedule(String campaign, String cron, TimeZone zone, Path file) {
    public CampaignSchedule(String campaign, String cron, Path file) {
        this(campaign, cron, TimeZone.getDefault(), file);
    }
}
