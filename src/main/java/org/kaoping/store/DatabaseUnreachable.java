package org.kaoping.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database that cannot be reached or refuses the login (a PostgreSQL server down, a wrong password) stops the
 * process with one line naming the database and the server's reason, not Spring's chain of bean errors. Registered
 * in META-INF/spring.factories; the process then exits 1 (KaopingApplication).
 */
public final class DatabaseUnreachable implements SpringBootExceptionReporter {
    private final ConfigurableApplicationContext context;

    public DatabaseUnreachable(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean reportException(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (unreachable(t)) {
                String url = DatabaseSettings.url(context.getEnvironment()).orElse("（目录 data/ 中的 H2 数据库）");
                System.err.println("无法运行：无法连接数据库 " + url + "：" + t.getMessage()
                        + (root == t ? "" : "（" + root + "）"));
                return true;
            }
        }
        return false;
    }

    /** SQLState class 08 is a connection failure, 28 a login refused. */
    private static boolean unreachable(Throwable t) {
        if (t instanceof ConnectException || t instanceof UnknownHostException) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28"));
    }
}
