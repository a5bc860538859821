package org.kaoping;

import java.nio.file.Path;
import java.time.Duration;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.read.ReadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code kaoping.*} setting (application.properties, {@code --kaoping.…=} on the command line, or the
 * environment): the home folder, how workbooks are read and how the report scores. The database is chosen by
 * {@code kaoping.database.url} or {@code spring.datasource.*} ({@link org.kaoping.store.DatabaseSettings}).
 */
@ConfigurationProperties("kaoping")
public record KaopingProperties(@DefaultValue(".") String home, @DefaultValue Read read,
                                @DefaultValue Report report, @DefaultValue Serve serve,
                                @DefaultValue Database database) {

    /**
     * {@code chunkSize}: workbooks per read-step transaction; {@code threads}: threads that parse them (0: one per
     * core); the rest are the limits on one returned workbook ({@link ReadLimits}).
     */
    public record Read(@DefaultValue("200") int chunkSize, @DefaultValue("0") int threads,
                       @DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("5000") int maxRows,
                       @DefaultValue("0.01") double minInflateRatio, @DefaultValue("200MB") DataSize maxEntrySize,
                       @DefaultValue("1000") int maxZipFiles, @DefaultValue("500MB") DataSize maxZipSize,
                       @DefaultValue("2") int maxZipDepth) {

        public ReadLimits limits() {
            return new ReadLimits(maxFileSize.toBytes(), maxRows, minInflateRatio, maxEntrySize.toBytes(), maxZipFiles,
                    maxZipSize.toBytes(), maxZipDepth);
        }

        public int threadCount() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * {@code scoreBatch}: units scored together, their files' parse results let go before the next batch;
     * {@code earlyStart}: POI and fonts started beside the context (read as a system property, before there is one:
     * {@code -Dkaoping.report.early-start=false}, for measuring).
     */
    public record Report(@DefaultValue("2000") int scoreBatch, @DefaultValue("true") boolean earlyStart) {
    }

    /** {@code url}: a database other than the home's H2 file ({@link org.kaoping.store.DatabaseSettings}). */
    public record Database(String url) {
    }

    /**
     * The home as the settings give it, before the context exists (for what runs while it starts): bound as the
     * context binds it, with the same default.
     */
    public static KaopingHome home(Environment env) {
        return new KaopingHome(Path.of(Binder.get(env).bindOrCreate("kaoping", KaopingProperties.class).home()));
    }

    /** {@code gracePeriod}: how long a stopped {@code serve} waits for runs in progress before it leaves them. */
    public record Serve(@DefaultValue("30m") Duration gracePeriod) {
    }
}
