package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.PathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A home whose tables were made before migrations existed (every start ran the schema scripts, which V1 holds as
 * they were) is taken over as application.properties says: baseline 0, then H2's V1, V2 and V3 run on it.
 */
class SchemaMigrationTest {

    @Test
    void aHomeMadeBeforeMigrationsIsTakenOverAndLosesOnlyWhatNoLongerReads(@TempDir Path home) throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + home.resolve("data/kaoping"));
        JdbcTemplate jdbc = new JdbcTemplate(db);
        try (var connection = db.getConnection()) {
            ScriptUtils.executeSqlScript(connection,
                    new PathResource("src/main/resources/db/migration/h2/V1__schema_before_migrations.sql"));
        }
        jdbc.update("INSERT INTO kp_run_file_list (run_id, campaign, files) VALUES ('r1', 'demo', X'00')");
        jdbc.update("INSERT INTO kp_run_file_list (run_id, campaign, files, base_run) VALUES ('r2', 'demo', X'00', 'r1')");
        jdbc.update("INSERT INTO kp_run (run_id, campaign, files_found, files_parsed, files_rejected, units, units_ranked,"
                + " discrepancies, inputs_key, reported_at) VALUES ('r1', 'demo', 11, 11, 0, 10, 10, 4, 'k', CURRENT_TIMESTAMP)");

        Flyway.configure().dataSource(db).locations("classpath:db/migration/h2").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();

        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"", String.class)).containsExactly("0", "1", "2", "3");
        assertThat(jdbc.queryForList("SELECT run_id FROM kp_run_file_list", String.class)).containsExactly("r1");
        assertThat(jdbc.queryForList("SELECT run_id FROM kp_run", String.class)).containsExactly("r1");
        List<String> tables = jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables", String.class);
        assertThat(tables).contains("kp_run", "kp_parse_result", "kp_unit_outcome_shard", "batch_job_instance",
                "qrtz_triggers", "kp_campaign_lock").doesNotContain("kp_run_file", "kp_run_unit");
        assertThat(jdbc.queryForList("SELECT LOWER(column_name) FROM information_schema.columns"
                + " WHERE LOWER(table_name) = 'kp_run_file_list'", String.class)).doesNotContain("base_run");
        assertThat(Files.exists(home.resolve("data/kaoping.mv.db"))).isTrue();
    }
}
