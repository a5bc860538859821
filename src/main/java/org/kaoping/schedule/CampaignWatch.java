package org.kaoping.schedule;

import java.time.Duration;

/** A campaign's {@code watch:}: serve consolidates it when its input folder changed and then stayed quiet this long. */
public record CampaignWatch(String campaign, Duration quiet) {

    static String describe(Duration quiet) {
        long s = quiet.toSeconds();
        return s % 60 == 0 && s > 0 ? s / 60 + " 分钟" : quiet.toMillis() % 1000 == 0 ? s + " 秒" : quiet.toMillis() + " 毫秒";
    }
}
