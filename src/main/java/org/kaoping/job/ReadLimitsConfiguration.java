package org.kaoping.job;

import org.kaoping.workbook.ReadLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The read limits from {@code kaoping.read.*}; POI's global zip-bomb limits are set from them here, once, at
 * startup, before any workbook is read.
 */
@Configuration
public class ReadLimitsConfiguration {

    @Bean
    ReadLimits readLimits(@Value("${" + ReadLimits.MAX_FILE_SIZE + "}") DataSize maxFileSize,
                          @Value("${" + ReadLimits.MAX_ROWS + "}") int maxRows,
                          @Value("${" + ReadLimits.MIN_INFLATE_RATIO + "}") double minInflateRatio,
                          @Value("${" + ReadLimits.MAX_ENTRY_SIZE + "}") DataSize maxEntrySize) {
        ReadLimits limits = new ReadLimits(maxFileSize.toBytes(), maxRows, minInflateRatio, maxEntrySize.toBytes());
        limits.applyZipLimits();
        return limits;
    }
}
