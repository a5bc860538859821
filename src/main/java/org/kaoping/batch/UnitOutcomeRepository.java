package org.kaoping.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.report.LeafRows;
import org.kaoping.scoring.UnitOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units' scored outcomes by fingerprint, with their 分项得分 rows, stored in shards ({@code kp_unit_outcome_shard}:
 * a row per campaign and shard, the shard's outcomes as one document). A row per outcome cost H2 three index entries
 * and an undo-log entry per unit, each visited again at commit: storing a first run's 5,000 outcomes took about a
 * third of its report step (0.25–0.35 s, measured). A rerun that scores one unit again rewrites the one or two
 * shards its new and stale outcomes fall in. The campaign's outcomes are loaded in one query; only the latest run's
 * are kept, so a campaign holds about one outcome per roster unit.
 *
 * <p>The outcomes of the campaign run last, and the ones its last run used (decoded), are also kept in memory as
 * committed: in a process that reruns a campaign ({@code serve}), the next run then neither queries nor decodes the
 * thousands of outcomes it takes back. Softly, so that memory pressure takes them back before it fails anything;
 * for one campaign only, so that a process running many does not hold them all.
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
    /**
     * Outcomes of more bytes than this (a first run's; at 5,000 units some 12 MB) are stored in parts of about this
     * size, each committed on its own: H2 serialises a commit into one buffer, which it keeps for the next commit up to
     * 4 MB and otherwise grows in steps of half a MB or more, each a humongous object for G1 (at -Xmx512m), and the
     * 12 MB commit that ended a first run's report step allocated some 30 MB of them, one thread writing while the
     * other core waited. A rerun's one or two shards stay in the caller's transaction.
     */
    static final long PART_BYTES = 2L << 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final long partBytes;
    private final Map<String, SoftReference<Map<String, Stored>>> rows = new ConcurrentHashMap<>();
    private final Map<String, SoftReference<Map<String, UnitOutcome>>> decoded = new ConcurrentHashMap<>();

    /** Everything in the caller's transaction. */
    public UnitOutcomeRepository(JdbcTemplate jdbc) {
        this(jdbc, null, Long.MAX_VALUE);
    }

    @Autowired
    public UnitOutcomeRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, PART_BYTES);
    }

    /**
     * {@code partBytes}: outcomes of more bytes are stored in parts of about this size, each in a transaction of its
     * own.
     */
    UnitOutcomeRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, long partBytes) {
        this.jdbc = jdbc;
        this.partBytes = partBytes;
        if (transactions == null) {
            this.ownTransaction = null;
        } else {
            this.ownTransaction = new TransactionTemplate(transactions);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /** An encoded outcome and, when a report was written from it, the unit's rows there. */
    public record Stored(String fingerprint, byte[] outcome, LeafRows leafRows) {
    }

    /** The campaign's stored outcomes by fingerprint (a read-only view). */
    public Map<String, Stored> load(String campaign) {
        Map<String, Stored> kept = kept(rows, campaign);
        if (kept != null) {
            return Collections.unmodifiableMap(kept);
        }
        keepOnly(campaign);
        Map<String, Stored> out = new ConcurrentHashMap<>();
        jdbc.query("SELECT outcomes FROM kp_unit_outcome_shard WHERE campaign = ?", (RowCallbackHandler) rs ->
                decode(rs.getBytes(1)).forEach(o -> out.put(o.fingerprint(), o)), campaign);
        rows.put(campaign, new SoftReference<>(out));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Forgets what is kept for any campaign but {@code campaign}: another campaign's turn has come. Kept for every
     * campaign, a 20,000-unit campaign's outcomes and the last one's together came near -Xmx512m, and the collector
     * traces all of them while it waits for memory to run short.
     */
    public void keepOnly(String campaign) {
        rows.keySet().removeIf(c -> !c.equals(campaign));
        decoded.keySet().removeIf(c -> !c.equals(campaign));
    }

    /** The outcomes the campaign's last run used, decoded, by fingerprint; empty when none are kept. */
    public Map<String, UnitOutcome> decoded(String campaign) {
        Map<String, UnitOutcome> kept = kept(decoded, campaign);
        return kept == null ? Map.of() : kept;
    }

    /** Keeps the outcomes a run used, once its transaction has committed. */
    public void keepDecoded(String campaign, Map<String, UnitOutcome> outcomes) {
        Map<String, UnitOutcome> copy = Map.copyOf(outcomes);
        AfterCommit.run(() -> decoded.put(campaign, new SoftReference<>(copy)));
    }

    private static <T> Map<String, T> kept(Map<String, SoftReference<Map<String, T>>> byCampaign, String campaign) {
        SoftReference<Map<String, T>> ref = byCampaign.get(campaign);
        return ref == null ? null : ref.get();
    }

    /**
     * Stores {@code added} (replacing an outcome stored under the same fingerprint) and drops the outcomes under
     * {@code removed}, in one go: each shard they fall in is written once, with the outcomes it keeps. Many outcomes
     * (more than {@link #PART_BYTES}) are written in parts, each committed on its own before the caller's transaction
     * is: they are a cache by fingerprint, and a run that fails after storing some only finds them stored when it
     * runs again.
     */
    public void save(String campaign, Collection<Stored> added, Collection<String> removed) {
        Map<Integer, Map<String, Stored>> shards = new TreeMap<>();
        removed.forEach(f -> shards.computeIfAbsent(shard(f), s -> new HashMap<>()));
        added.forEach(o -> shards.computeIfAbsent(shard(o.fingerprint()), s -> new HashMap<>()));
        if (shards.isEmpty()) {
            return;
        }
        for (Stored o : load(campaign).values()) {
            Map<String, Stored> shard = shards.get(shard(o.fingerprint()));
            if (shard != null) {
                shard.put(o.fingerprint(), o);
            }
        }
        removed.forEach(f -> shards.get(shard(f)).remove(f));
        added.forEach(o -> shards.get(shard(o.fingerprint())).put(o.fingerprint(), o));

        List<Integer> emptied = new ArrayList<>();
        Map<Integer, Long> sizes = new HashMap<>();
        shards.forEach((shard, outcomes) -> sizes.put(shard, size(outcomes.values())));
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        Set<Integer> part = new TreeSet<>();
        long partSize = 0;
        for (Map.Entry<Integer, Map<String, Stored>> shard : shards.entrySet()) {
            if (shard.getValue().isEmpty()) {
                emptied.add(shard.getKey());
                continue;
            }
            part.add(shard.getKey());
            partSize += sizes.get(shard.getKey());
            if (partSize >= partBytes && total > partBytes && ownTransaction != null) {
                Set<Integer> committed = new TreeSet<>(part);
                ownTransaction.executeWithoutResult(status -> write(campaign, committed, shards, added, removed));
                part.clear();
                partSize = 0;
            }
        }
        // The emptied shards go with the last part, in the caller's transaction, so that what they held is forgotten
        // when it commits.
        part.addAll(emptied);
        write(campaign, part, shards, added, removed);
        jdbc.batchUpdate("DELETE FROM kp_unit_outcome_shard WHERE campaign = ? AND shard = ?",
                emptied.stream().map(shard -> new Object[] {campaign, shard}).toList());
    }

    /**
     * Writes the shards numbered {@code part} (those of them with outcomes left), and remembers their outcomes once
     * the transaction it runs in has committed.
     */
    private void write(String campaign, Set<Integer> part, Map<Integer, Map<String, Stored>> shards,
                       Collection<Stored> added, Collection<String> removed) {
        List<Object[]> written = new ArrayList<>();
        for (Integer shard : part) {
            if (shards.get(shard).isEmpty()) {
                continue;
            }
            // Encoded and written a few shards at a time: a large campaign's documents are never all in memory at
            // once.
            written.add(new Object[] {campaign, shard, encode(shards.get(shard).values())});
            if (written.size() == WRITE_BATCH) {
                merge(written);
            }
        }
        merge(written);
        List<Stored> saved = added.stream().filter(o -> part.contains(shard(o.fingerprint()))).toList();
        List<String> dropped = removed.stream().filter(f -> part.contains(shard(f))).toList();
        AfterCommit.run(() -> {
            Map<String, Stored> kept = kept(rows, campaign);
            if (kept != null) {
                dropped.forEach(kept::remove);
                saved.forEach(o -> kept.put(o.fingerprint(), o));
            }
        });
    }

    private void merge(List<Object[]> shards) {
        jdbc.batchUpdate("MERGE INTO kp_unit_outcome_shard (campaign, shard, outcomes) KEY (campaign, shard)"
                + " VALUES (?, ?, ?)", shards);
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
