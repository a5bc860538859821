package org.kaoping.schedule;

import java.nio.file.Path;

/** A campaign's {@code schedule:}: the Quartz cron expression it runs on, and the config file it came from. */
public record CampaignSchedule(String campaign, String cron, Path file) {
}
