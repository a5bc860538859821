package org.kaoping.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The databases kaoping stores in, and the little SQL that differs between them: H2 (the file in the home's
 * {@code data/}, the default) and PostgreSQL (a server shared by several machines). Everything else is the same SQL.
 */
public enum SqlDialect {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    SqlDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The dialect of a JDBC URL, if kaoping supports its database. */
    public static Optional<SqlDialect> of(String url) {
        for (SqlDialect d : values()) {
            if (url.startsWith(d.urlPrefix)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** An insert that replaces the row of the same key: {@code ?} for each column, in the order given. */
    public String upsert(String table, List<String> key, List<String> columns) {
        String names = String.join(", ", columns);
        String values = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        return switch (this) {
            case H2 -> "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES ("
                    + values + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT ("
                    + String.join(", ", key) + ") DO UPDATE SET " + columns.stream().filter(c -> !key.contains(c))
                            .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        };
    }

    /** A table of one column, {@code k}, of the strings of the array bound to its {@code ?} (a {@code String[]}). */
    public String stringsTable() {
        return switch (this) {
            case H2 -> "UNNEST(?) AS t(k)";
            case POSTGRESQL -> "UNNEST(CAST(? AS VARCHAR[])) AS t(k)";
        };
    }
}
