package org.kaoping.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.kaoping.run.ExitCodes;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Which database a process uses: {@code kaoping.database.url}, else the standard {@code spring.datasource.url} (with
 * {@code spring.datasource.username} and {@code password}), else the H2 file in the home's {@code data/}. Only H2 is
 * supported (a file, or an H2 server shared by several machines: {@code jdbc:h2:tcp://…}); any other URL stops the
 * process before anything is opened, with exit 3, rather than being ignored without a word.
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
        url(event.getEnvironment()).filter(u -> !u.startsWith("jdbc:h2:")).ifPresent(u -> {
            System.err.println("无法运行：数据库 " + u + " 不是 H2；目前只支持 H2 数据库（目录 data/ 中的文件，或多台机器共用的"
                    + " H2 服务器 jdbc:h2:tcp://…），PostgreSQL 等尚不支持");
            System.exit(ExitCodes.BAD_CONFIG);
        });
    }
}
