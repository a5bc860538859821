package org.kaoping.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.kaoping.campaign.KaopingHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * When this process serves the home's H2 file to other kaoping processes (H2's {@code AUTO_SERVER}: the first to
 * open it does), it waits on closing while another process's run holds its campaign lock: leaving then would cut
 * that run off in mid-transaction. Idle connections need no wait: the other process reconnects and serves the file
 * itself ({@code AUTO_RECONNECT}). A process that is served, or on a database server, closes at once. Closed before
 * the data source, which it depends on.
 */
@Component
public class DatabaseHandOff implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DatabaseHandOff.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MOST = Duration.ofHours(2);

    private final DataSource dataSource;
    private final KaopingHome home;

    public DatabaseHandOff(DataSource dataSource, KaopingHome home) {
        this.dataSource = dataSource;
        this.home = home;
    }

    @Override
    public void destroy() throws InterruptedException {
        if (!servesOthers()) {
            return;
        }
        long deadline = System.nanoTime() + MOST.toNanos();
        List<String> running;
        boolean told = false;
        while (!(running = CampaignLock.heldElsewhere(home)).isEmpty() && System.nanoTime() < deadline) {
            if (!told) {
                log.info("其他 kaoping 进程正在运行 {}，经本进程使用数据库：等其结束后退出", String.join("、", running));
                told = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Whether this process has the H2 file open itself and serves other processes' sessions. */
    private boolean servesOthers() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String url = c.getMetaData().getURL();
            if (!url.startsWith("jdbc:h2:retry:") && !url.startsWith("jdbc:h2:file:")) {
                return false;
            }
            try (ResultSet own = s.executeQuery(
                    "SELECT SERVER FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")) {
                if (!own.next() || own.getString(1) != null) {
                    return false;
                }
            }
            try (ResultSet served = s.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL")) {
                return served.next() && served.getInt(1) > 0;
            }
        } catch (SQLException e) {
            return false;
        }
    }
}
