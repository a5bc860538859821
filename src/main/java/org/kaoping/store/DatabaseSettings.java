package org.kaoping.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.kaoping.run.ExitCodes;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Which database a process uses: {@code kaoping.database.url}, else the standard {@code spring.datasource.url} (with
 * {@code spring.datasource.username} and {@code password}), else the H2 file in the home's {@code data/}. H2 and
 * PostgreSQL are supported ({@link SqlDialect}); any other URL stops the process before anything is opened, with
 * exit 3, rather than being ignored without a word.
 */
public final class DatabaseSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    static final String KAOPING_URL = "kaoping.database.url";
    static final String SPRING_URL = "spring.datasource.url";

    /** The URL configured, if any. */
    static Optional<String> url(Environment env) {
        return Stream.of(KAOPING_URL, SPRING_URL).map(env::getProperty).filter(u -> u != null && !u.isBlank())
                .findFirst().map(String::strip);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        url(event.getEnvironment()).filter(u -> SqlDialect.of(u).isEmpty()).ifPresent(u -> {
            System.err.println("无法运行：不支持数据库 " + u + "；只支持 PostgreSQL（jdbc:postgresql://主机/数据库，多台机器共用）"
                    + "和 H2（默认为目录 data/ 中的文件）");
            System.exit(ExitCodes.BAD_CONFIG);
        });
    }

    /** The database's dialect: of the URL configured, else H2 (the file in data/). */
    static SqlDialect dialect(Environment env) {
        return url(env).flatMap(SqlDialect::of).orElse(SqlDialect.H2);
    }
}
