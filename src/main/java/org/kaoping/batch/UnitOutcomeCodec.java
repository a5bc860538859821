package org.kaoping.batch;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.AdjustmentType;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.CellRef;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Source;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitOutcome;
import org.kaoping.scoring.UnitResult;

/**
 * A unit's outcome as bytes, for {@code kp_unit_outcome}: written field by field, because a rerun decodes every
 * unchanged unit's outcome and a generic mapper spent more on that than scoring the unit again would. Decimals keep
 * their scale, so a decoded outcome equals the one encoded, and enums are written by ordinal. {@link #VERSION} is part
 * of every stored outcome's key, so an old encoding is never read: bump it with any change here; it follows the
 * enums' constants by itself.
 */
final class UnitOutcomeCodec {
    static final String VERSION = "1/" + (Arrays.toString(Status.values()) + Arrays.toString(Source.values())
            + Arrays.toString(AdjustmentType.values()) + Arrays.toString(DiscrepancyKind.values())).hashCode();

    private UnitOutcomeCodec() {
    }

    static byte[] encode(UnitOutcome outcome) {
        Out out = new Out();
        UnitResult r = outcome.result();
        text(out, r.unit().name());
        out.writeByte(r.status().ordinal());
        scored(out, r.official());
        scored(out, r.self());
        text(out, r.scoredBy());
        discrepancies(out, outcome.discrepancies());
        return out.bytes();
    }

    /** {@code units}: the roster's unit by name (the roster is part of the stored outcome's key). */
    static UnitOutcome decode(byte[] encoded, Function<String, RosterUnit> units) {
        In in = new In(ByteBuffer.wrap(encoded));
        String name = text(in);
        RosterUnit unit = units.apply(name);
        if (unit == null) {
            throw new IllegalStateException("单位 " + name + " 不在名单中");
        }
        Status status = Status.values()[in.readByte()];
        Scored official = scored(in);
        Scored self = scored(in);
        String scoredBy = text(in);
        return new UnitOutcome(new UnitResult(unit, status, official, self, null, null, scoredBy), discrepancies(in));
    }

    private static void scored(Out out, Scored s) {
        out.writeBoolean(s != null);
        if (s == null) {
            return;
        }
        out.writeByte(s.source().ordinal());
        cell(out, s.origin());
        decimal(out, s.base());
        decimal(out, s.bonus());
        decimal(out, s.deduction());
        out.writeBoolean(s.vetoed());
        out.writeInt(s.leafScores().size());
        for (Map.Entry<String, BigDecimal> e : s.leafScores().entrySet()) {
            text(out, e.getKey());
            decimal(out, e.getValue());
        }
        out.writeInt(s.adjustments().size());
        for (AppliedAdjustment a : s.adjustments()) {
            out.writeByte(a.source().ordinal());
            out.writeByte(a.type().ordinal());
            text(out, a.item());
            text(out, a.level());
            decimal(out, a.count());
            decimal(out, a.pointsPerCase());
            decimal(out, a.factor());
            decimal(out, a.amount());
            text(out, a.evidence());
            cell(out, a.cell());
            text(out, a.note());
        }
        discrepancies(out, s.discrepancies());
    }

    private static Scored scored(In in) {
        if (!in.readBoolean()) {
            return null;
        }
        Source source = Source.values()[in.readByte()];
        CellRef origin = cell(in);
        BigDecimal base = decimal(in);
        BigDecimal bonus = decimal(in);
        BigDecimal deduction = decimal(in);
        boolean vetoed = in.readBoolean();
        int leaves = in.readInt();
        Map<String, BigDecimal> leafScores = new HashMap<>(leaves * 2);
        for (int i = 0; i < leaves; i++) {
            leafScores.put(text(in), decimal(in));
        }
        int n = in.readInt();
        List<AppliedAdjustment> adjustments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adjustments.add(new AppliedAdjustment(Source.values()[in.readByte()], AdjustmentType.values()[in.readByte()],
                    text(in), text(in), decimal(in), decimal(in), decimal(in), decimal(in), text(in), cell(in), text(in)));
        }
        return new Scored(source, origin, base, bonus, deduction, vetoed, leafScores, adjustments, discrepancies(in));
    }

    private static void discrepancies(Out out, List<Discrepancy> list) {
        out.writeInt(list.size());
        for (Discrepancy d : list) {
            out.writeShort(d.kind().ordinal());
            text(out, d.unit());
            cell(out, d.where());
            text(out, d.item());
            text(out, d.selfValue());
            text(out, d.officialValue());
            text(out, d.message());
        }
    }

    private static List<Discrepancy> discrepancies(In in) {
        int n = in.readInt();
        List<Discrepancy> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Discrepancy(DiscrepancyKind.values()[in.readShort()], text(in), cell(in), text(in), text(in),
                    text(in), text(in)));
        }
        return list;
    }

    private static void cell(Out out, CellRef c) {
        out.writeBoolean(c != null);
        if (c != null) {
            text(out, c.file());
            text(out, c.sheet());
            text(out, c.cell());
        }
    }

    private static CellRef cell(In in) {
        return in.readBoolean() ? new CellRef(text(in), text(in), text(in)) : null;
    }

    /** Null, a long unscaled value with its scale (nearly every score), or the digits of a larger one. */
    private static void decimal(Out out, BigDecimal d) {
        if (d == null) {
            out.writeByte(0);
        } else if (d.unscaledValue().bitLength() < 64) {
            out.writeByte(1);
            out.writeLong(d.unscaledValue().longValue());
            out.writeInt(d.scale());
        } else {
            out.writeByte(2);
            text(out, d.unscaledValue().toString());
            out.writeInt(d.scale());
        }
    }

    private static BigDecimal decimal(In in) {
        return switch (in.readByte()) {
            case 0 -> null;
            case 1 -> BigDecimal.valueOf(in.readLong(), in.readInt());
            default -> new BigDecimal(new BigInteger(text(in)), in.readInt());
        };
    }

    /** Length-prefixed UTF-8 ({@code writeUTF} stops at 64 KB, and a cell's text may be longer); -1 for null. */
    private static void text(Out out, String s) {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** A growing buffer: encoding is single-threaded and in memory, so unlike DataOutputStream it takes no locks. */
    private static final class Out {
        private ByteBuffer buffer = ByteBuffer.allocate(2048);

        private ByteBuffer room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
                buffer.flip();
                larger.put(buffer);
                buffer = larger;
            }
            return buffer;
        }

        void writeByte(int v) {
            room(1).put((byte) v);
        }

        void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }

        void writeShort(int v) {
            room(2).putShort((short) v);
        }

        void writeInt(int v) {
            room(4).putInt(v);
        }

        void writeLong(long v) {
            room(8).putLong(v);
        }

        void write(byte[] b) {
            room(b.length).put(b);
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    private record In(ByteBuffer buffer) {
        byte readByte() {
            return buffer.get();
        }

        boolean readBoolean() {
            return buffer.get() != 0;
        }

        short readShort() {
            return buffer.getShort();
        }

        int readInt() {
            return buffer.getInt();
        }

        long readLong() {
            return buffer.getLong();
        }

        String readText(int length) {
            String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return s;
        }
    }

    private static String text(In in) {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return in.readText(n);
    }
}
