package org.kaoping.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import org.kaoping.KaopingProperties;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where a run works: {@code kaoping.home}, and the H2 file database under its {@code data/}. The URL is built
 * from the absolute home path because H2 refuses implicitly relative paths ({@code --kaoping.home=work}).
 * <ul>
 * <li>{@code retry:} H2's file system that reopens the file when a thread writing to it is interrupted; on the plain
 * one an interrupt closes the file channel and with it the database, for this process and those it serves (Quartz
 * interrupts its scheduler thread when {@code serve} stops, which could catch it writing).
 * <li>{@code AUTO_SERVER=TRUE}: the first process to open the file serves it to the others ({@code serve}, a manual
 * {@code run}, {@code history} side by side); {@code AUTO_RECONNECT=TRUE} lets a process that was served take the
 * file over when the first one has gone. The first one waits for the others' runs before it goes
 * ({@code run.DatabaseHandOff}).
 * {@code FILE_LOCK=SOCKET}: the holder is known by a socket it listens on, not by a lock file it rewrites every second,
 * so a process killed with -9 is seen gone at once, and opening costs no wait (docs/benchmark.md).
 * <li>{@code WRITE_DELAY=0}: H2 otherwise holds commits back for up to half a second, and a process killed in that
 * window (kill -9) would lose them — the job repository would forget a run it had started, or the chunks it had
 * committed.
 * <li>{@code MAX_COMPACT_TIME=0}: H2 otherwise spends up to 200 ms compacting the file when a process closes it, on
 * every run; without it the file stays smaller still, as the space of freed chunks is reused (docs/benchmark.md).
 * </ul>
 */
@Configuration
public class StorageConfiguration {

    @Bean
    KaopingHome kaopingHome(KaopingProperties properties) {
        return new KaopingHome(Path.of(properties.home()));
    }

    @Bean
    CampaignSetupLoader campaignSetupLoader() {
        return new CampaignSetupLoader();
    }

    @Bean
    SqlDialect sqlDialect(Environment env) {
        return DatabaseSettings.dialect(env);
    }

    /** The pool takes the standard {@code spring.datasource.hikari.*} settings, as Boot's own data source would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(KaopingHome home, Environment env) {
        Optional<String> url = DatabaseSettings.url(env);
        if (url.isPresent()) {
            return DataSourceBuilder.create().type(HikariDataSource.class).url(url.get())
                    .username(env.getProperty("spring.datasource.username", "sa"))
                    .password(env.getProperty("spring.datasource.password", "")).build();
        }
        HikariDataSource pool = DataSourceBuilder.create().type(HikariDataSource.class)
                .url("jdbc:h2:retry:" + home.root().resolve("data").resolve("kaoping")
                        + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;FILE_LOCK=SOCKET;WRITE_DELAY=0;MAX_COMPACT_TIME=0")
                .username("sa").password("").build();
        // The file may be changing hands (a process opening it, or going): keep trying for a while at the start.
        pool.setInitializationFailTimeout(30_000);
        return pool;
    }
}
