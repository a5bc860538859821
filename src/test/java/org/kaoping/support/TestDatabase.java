package org.kaoping.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.kaoping.store.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database a test's home stores in: the H2 file in its {@code data/}, as staff run kaoping, or — in the
 * {@code postgres} Maven profile, which {@code .ci/run} uses with the server it starts — a schema of its own on the
 * PostgreSQL server named by {@code -Dkaoping-test.postgres.url} (user and password {@code kaoping}, or
 * {@code kaoping-test.postgres.user}/{@code password}), selected by the standard {@code spring.datasource.*}.
 */
public final class TestDatabase {
    public static final String URL = "kaoping-test.postgres.url";

    private TestDatabase() {
    }

    public static boolean postgres() {
        String url = System.getProperty(URL, "");
        return !url.isBlank();
    }

    public static SqlDialect dialect() {
        return postgres() ? SqlDialect.POSTGRESQL : SqlDialect.H2;
    }

    private static String user() {
        return System.getProperty("kaoping-test.postgres.user", "kaoping");
    }

    private static String password() {
        return System.getProperty("kaoping-test.postgres.password", "kaoping");
    }

    /**
     * The home's own schema on the server, named after its folder and its whole path: two tests' homes may have the
     * same folder name (CrashRestartTest's {@code crashed}), never the same path.
     */
    static String schema(Path home) {
        Path path = home.toAbsolutePath().normalize();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return "t_" + name.substring(0, Math.min(name.length(), 40)) + "_"
                + Integer.toHexString(path.toString().hashCode());
    }

    static String url(Path home) {
        String url = System.getProperty(URL).strip();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema(home);
    }

    /** The settings that point an application context at the home's database (none for H2: its data/ file). */
    public static void register(DynamicPropertyRegistry registry, Path home) {
        settings(home).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The same as command-line arguments of kaoping. */
    public static List<String> arguments(Path home) {
        return settings(home).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static Map<String, String> settings(Path home) {
        if (!postgres()) {
            return Map.of();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", url(home));
        settings.put("spring.datasource.username", user());
        settings.put("spring.datasource.password", password());
        settings.put("spring.flyway.schemas", schema(home));
        settings.put("spring.flyway.default-schema", schema(home));
        // The test contexts Spring keeps (one a test home) must not each hold a full pool of idle connections: two
        // dozen contexts times Hikari's ten exceed the server's connection slots. A context opens what it uses.
        settings.put("spring.datasource.hikari.minimum-idle", "1");
        settings.put("spring.datasource.hikari.idle-timeout", "10000");
        return settings;
    }

    /** The home's database, opened beside the application. */
    public static JdbcTemplate open(Path home) {
        if (postgres()) {
            return new JdbcTemplate(new DriverManagerDataSource(url(home), user(), password()));
        }
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + home.resolve("data/kaoping")
                + ";AUTO_SERVER=TRUE;FILE_LOCK=SOCKET", "sa", ""));
    }
}
