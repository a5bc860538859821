package org.kaoping.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kaoping.store.SqlDialect;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The campaign lock in the database, beside the home's lock file ({@link CampaignLock}): on PostgreSQL, which
 * several machines and homes share, one run of a campaign at a time across all of them. It is a session-level
 * advisory lock, taken without waiting and held by a connection of its own for the run; the server releases it when
 * that connection ends, so a process that dies (kill -9, a machine lost) frees it. The holder writes who it is to
 * {@code kp_campaign_lock}, so that a refused run can name it. On H2 the database is one home's file, and the lock
 * file is the lock: nothing more is taken.
 */
@Component
public class DatabaseCampaignLock {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DataSource dataSource;
    private final SqlDialect dialect;

    public DatabaseCampaignLock(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** A lock taken, released by closing it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The campaign's lock, or empty when another process holds it ({@link #refusal} says who). */
    public Optional<Held> tryAcquire(String campaign) {
        if (dialect != SqlDialect.POSTGRESQL) {
            return Optional.of(() -> { });
        }
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            long key = key(c.getSchema(), campaign);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        c.close();
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(dialect.upsert("kp_campaign_lock", List.of("campaign"),
                    List.of("campaign", "holder", "since")))) {
                s.setString(1, campaign);
                s.setString(2, holder());
                s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
                s.executeUpdate();
            }
            Connection held = c;
            return Optional.of(() -> release(held, key));
        } catch (SQLException e) {
            closeQuietly(c);
            throw new DataAccessResourceFailureException("无法在数据库中锁定考核“" + campaign + "”：" + e.getMessage(), e);
        }
    }

    /** Why a run was refused: the campaign runs elsewhere, and who runs it, as its holder wrote. */
    public String refusal(String campaign) {
        String holder = "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT holder, since FROM kp_campaign_lock WHERE campaign = ?")) {
            s.setString(1, campaign);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    holder = "（" + r.getString(1) + "，" + r.getTimestamp(2).toLocalDateTime().format(TIME) + " 开始）";
                }
            }
        } catch (SQLException e) {
            // the message just says less
        }
        return "考核“" + campaign + "”正在另一个 kaoping 进程中运行" + holder
                + "，同一考核不能同时运行两次（共用的数据库中已锁定）；请等它结束后再运行";
    }

    private static void release(Connection c, long key) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            // closing the connection below ends the session, and the lock with it
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * The advisory lock's key, the same in every process: the first 8 bytes of the SHA-256 of the schema kaoping's
     * tables are in (homes that store in different schemas of one database are apart) and the campaign code.
     */
    static long key(String schema, String campaign) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("kaoping campaign " + schema + "/" + campaign)
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String holder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "?";
        }
        return "主机 " + host + "，进程 " + ProcessHandle.current().pid();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to release
            }
        }
    }
}
