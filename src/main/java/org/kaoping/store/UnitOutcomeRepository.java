package org.kaoping.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kaoping.report.LeafRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Units' scored outcomes by fingerprint, with their 分项得分 rows, stored in shards ({@code kp_unit_outcome_shard}:
 * a row per campaign and shard, the shard's outcomes as one document). A row per outcome cost H2 three index entries
 * and an undo-log entry per unit, each visited again at commit: storing a first run's 5,000 outcomes took about a
 * third of its report step (0.25–0.35 s, measured). A rerun that scores one unit again rewrites the one or two
 * shards its new and stale outcomes fall in. The campaign's outcomes are loaded in one query; only the latest run's
 * are kept, so a campaign holds about one outcome per roster unit.
 *
 */
@Repository
public class UnitOutcomeRepository {
    /**
     * Shards per campaign: about 5 outcomes a shard at 5,000 units, 20 at 20,000, so that a shard's document stays
     * well under half a MB (larger, each is a humongous object for G1, given a whole region).
     */
    static final int SHARDS = 1024;
    private static final byte FORMAT = 1;
    private static final int WRITE_BATCH = 16;
    private final JdbcTemplate jdbc;
    private final String upsert;

    public UnitOutcomeRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.upsert = dialect.upsert("kp_unit_outcome_shard", List.of("campaign", "shard"),
                List.of("campaign", "shard", "outcomes"));
    }

    /** An encoded outcome and, when a report was written from it, the unit's rows there. */
    public record Stored(String fingerprint, byte[] outcome, LeafRows leafRows) {
    }

    /** The campaign's stored outcomes by fingerprint. */
    public Map<String, Stored> load(String campaign) {
        Map<String, Stored> out = new HashMap<>();
        jdbc.query("SELECT outcomes FROM kp_unit_outcome_shard WHERE campaign = ?", (RowCallbackHandler) rs ->
                decode(rs.getBytes(1)).forEach(o -> out.put(o.fingerprint(), o)), campaign);
        return out;
    }

    /**
     * Stores {@code added} (replacing an outcome stored under the same fingerprint) and drops the outcomes under
     * {@code removed}, in one go: each shard they fall in is written once, with the outcomes it keeps.
     * {@code before}: the campaign's outcomes as {@link #load} gave them.
     */
    public void save(String campaign, Map<String, Stored> before, Collection<Stored> added, Collection<String> removed) {
        Map<Integer, Map<String, Stored>> shards = new TreeMap<>();
        removed.forEach(f -> shards.computeIfAbsent(shard(f), s -> new HashMap<>()));
        added.forEach(o -> shards.computeIfAbsent(shard(o.fingerprint()), s -> new HashMap<>()));
        for (Stored o : before.values()) {
            Map<String, Stored> shard = shards.get(shard(o.fingerprint()));
            if (shard != null) {
                shard.put(o.fingerprint(), o);
            }
        }
        removed.forEach(f -> shards.get(shard(f)).remove(f));
        added.forEach(o -> shards.get(shard(o.fingerprint())).put(o.fingerprint(), o));
        List<Object[]> written = new ArrayList<>();
        List<Object[]> emptied = new ArrayList<>();
        shards.forEach((shard, outcomes) -> {
            if (outcomes.isEmpty()) {
                emptied.add(new Object[] {campaign, shard});
                return;
            }
            // Encoded and written a few shards at a time: a large campaign's documents are never all in memory.
            written.add(new Object[] {campaign, shard, encode(outcomes.values())});
            if (written.size() == WRITE_BATCH) {
                merge(written);
            }
        });
        merge(written);
        jdbc.batchUpdate("DELETE FROM kp_unit_outcome_shard WHERE campaign = ? AND shard = ?", emptied);
    }

    private void merge(List<Object[]> shards) {
        if (shards.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(upsert, shards);
        shards.clear();
    }

    /** A fingerprint's shard: its string hash, which Java fixes for every string, so the same in every process. */
    static int shard(String fingerprint) {
        return Math.floorMod(fingerprint.hashCode(), SHARDS);
    }

    /** A shard's document: a format byte, the count, then each outcome and, if any, its rows with their CRC and length. */
    static byte[] encode(Collection<Stored> outcomes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) size(outcomes));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(outcomes.size());
            for (Stored o : outcomes) {
                out.writeUTF(o.fingerprint());
                out.writeInt(o.outcome().length);
                out.write(o.outcome());
                LeafRows rows = o.leafRows();
                out.writeBoolean(rows != null);
                if (rows != null) {
                    out.writeInt(rows.firstRow());
                    out.writeLong(rows.crc());
                    out.writeLong(rows.length());
                    out.writeInt(rows.deflated().length);
                    out.write(rows.deflated());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The size of {@code outcomes}' document, or a little more. */
    private static long size(Collection<Stored> outcomes) {
        long size = 8;
        for (Stored o : outcomes) {
            size += 96 + o.outcome().length + (o.leafRows() == null ? 0 : o.leafRows().deflated().length);
        }
        return size;
    }

    static List<Stored> decode(byte[] document) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(document))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalStateException("unknown format of stored outcomes");
            }
            int count = in.readInt();
            List<Stored> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String fingerprint = in.readUTF();
                byte[] outcome = in.readNBytes(in.readInt());
                LeafRows rows = null;
                if (in.readBoolean()) {
                    int firstRow = in.readInt();
                    long crc = in.readLong();
                    long length = in.readLong();
                    rows = new LeafRows(firstRow, in.readNBytes(in.readInt()), crc, length);
                }
                out.add(new Stored(fingerprint, outcome, rows));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
