package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.KaopingHome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/** The home's H2 file database as {@link StorageConfiguration} opens it. */
class HomeDatabaseTest {

    @Test
    void thePoolTakesTheStandardHikariSettings(@TempDir Path home) {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                .withUserConfiguration(Settings.class, StorageConfiguration.class)
                .withPropertyValues("kaoping.home=" + home, "spring.datasource.hikari.maximum-pool-size=3",
                        "spring.datasource.hikari.minimum-idle=1")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getMinimumIdle()).isEqualTo(1);
                    assertThat(pool.getJdbcUrl()).startsWith("jdbc:h2:retry:");
                });
    }

    @org.springframework.context.annotation.Configuration
    @org.springframework.boot.context.properties.EnableConfigurationProperties(org.kaoping.KaopingProperties.class)
    static class Settings {
    }

    @Test
    void aThreadInterruptedWhileItWritesDoesNotCloseTheDatabaseForTheOthers(@TempDir Path home) throws Exception {
        try (HikariDataSource pool = new StorageConfiguration()
                .dataSource(new KaopingHome(home), new MockEnvironment())) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(1000))");
            // as Quartz interrupts its cluster manager and misfire handler when serve stops, whatever they are doing
            for (int round = 0; round < 10; round++) {
                Thread writer = new Thread(() -> {
                    try (Connection c = pool.getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                        for (int i = 0; i < 500; i++) {
                            insert.setString(1, "x".repeat(500));
                            insert.executeUpdate();
                        }
                    } catch (SQLException e) {
                        // the interrupted writer may fail; the database must not
                    }
                });
                writer.start();
                Thread.sleep(5);
                writer.interrupt();
                writer.join();
                jdbc.update("INSERT INTO t (v) VALUES ('still open')");
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM t WHERE v = 'still open'", Integer.class))
                    .isEqualTo(10);
        }
    }
}
