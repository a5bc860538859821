package org.kaoping.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.kaoping.KaopingProperties;
import org.kaoping.campaign.CampaignSetupLoader;
import org.kaoping.campaign.KaopingHome;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where a run works: {@code kaoping.home}, and the H2 file database under its {@code data/}. The URL is built
 * from the absolute home path because H2 refuses implicitly relative paths ({@code --kaoping.home=work}).
 * {@code WRITE_DELAY=0}: H2 otherwise holds commits back for up to half a second, and a process killed in
 * that window (kill -9) would lose them — the job repository would forget a run it had started, or the
 * chunks it had committed. {@code MAX_COMPACT_TIME=0}: H2 otherwise spends up to 200 ms compacting the file when a
 * process closes it, on every run; without it the file stays smaller still, as the space of freed chunks is reused
 * (docs/benchmark.md).
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
    DataSource dataSource(KaopingHome home, KaopingProperties properties) {
        String url = properties.database().url();
        String resolved = url.isBlank()
                ? "jdbc:h2:file:" + home.root().resolve("data").resolve("kaoping")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0"
                : url;
        return DataSourceBuilder.create().url(resolved).username("sa").password("").build();
    }
}
