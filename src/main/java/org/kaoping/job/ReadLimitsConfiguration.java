package org.kaoping.job;

import org.kaoping.KaopingProperties;
import org.kaoping.read.ReadLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read limits from {@code kaoping.read.*} ({@link KaopingProperties}); POI's global zip-bomb limits are set from them here, once, at
 * startup, before any workbook is read.
 */
@Configuration
public class ReadLimitsConfiguration {

    @Bean
    ReadLimits readLimits(KaopingProperties properties) {
        ReadLimits limits = properties.read().limits();
        limits.applyZipLimits();
        return limits;
    }
}
