package org.kaoping.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitOutcome;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

/**
 * A unit's outcome as bytes ({@link Binary}), for {@code kp_unit_outcome}: a rerun decodes every unchanged unit's.
 * Outcomes are keyed by the {@link BuildFingerprint}, so a change here never reads an outcome stored by the code
 * before it.
 */
public final class UnitOutcomeCodec {

    private UnitOutcomeCodec() {
    }

    public static byte[] encode(UnitOutcome outcome) {
        Binary.Writer out = new Binary.Writer();
        UnitResult r = outcome.result();
        out.text(r.unit().name());
        out.count(r.status().ordinal());
        scored(out, r.official());
        scored(out, r.self());
        out.text(r.scoredBy());
        out.discrepancies(outcome.discrepancies());
        return out.bytes();
    }

    /** {@code units}: the roster's unit by name (the roster is part of the stored outcome's key). */
    public static UnitOutcome decode(byte[] encoded, Function<String, RosterUnit> units) {
        return decode(encoded, units, Binary.Canon.NONE);
    }

    /** {@code canon}: shared by the outcomes decoded together. */
    public static UnitOutcome decode(byte[] encoded, Function<String, RosterUnit> units, Binary.Canon canon) {
        Binary.Reader in = new Binary.Reader(encoded, canon);
        String name = in.text();
        RosterUnit unit = units.apply(name);
        if (unit == null) {
            throw new IllegalStateException("单位 " + name + " 不在名单中");
        }
        Status status = Status.values()[in.count()];
        Scored official = scored(in);
        Scored self = scored(in);
        String scoredBy = in.text();
        return new UnitOutcome(new UnitResult(unit, status, official, self, null, null, scoredBy), in.discrepancies());
    }

    private static void scored(Binary.Writer out, Scored s) {
        out.bool(s != null);
        if (s == null) {
            return;
        }
        out.count(s.source().ordinal());
        out.cell(s.origin());
        out.decimal(s.base());
        out.decimal(s.bonus());
        out.decimal(s.deduction());
        out.bool(s.vetoed());
        // A document of its own: a rerun decodes it only for the units that need their leaf scores.
        Binary.Writer leaves = new Binary.Writer();
        leaves.count(s.leafScores().size());
        for (Map.Entry<String, BigDecimal> e : s.leafScores().entrySet()) {
            leaves.text(e.getKey());
            leaves.decimal(e.getValue());
        }
        out.document(leaves);
        out.count(s.adjustments().size());
        for (AppliedAdjustment a : s.adjustments()) {
            out.count(a.source().ordinal());
            out.count(a.type().ordinal());
            out.text(a.item());
            out.text(a.level());
            out.decimal(a.count());
            out.decimal(a.pointsPerCase());
            out.decimal(a.factor());
            out.decimal(a.amount());
            out.text(a.evidence());
            out.cell(a.cell());
            out.text(a.note());
        }
        out.discrepancies(s.discrepancies());
    }

    private static Scored scored(Binary.Reader in) {
        if (!in.bool()) {
            return null;
        }
        Source source = Source.values()[in.count()];
        CellRef origin = in.cell();
        BigDecimal base = in.decimal();
        BigDecimal bonus = in.decimal();
        BigDecimal deduction = in.decimal();
        boolean vetoed = in.bool();
        byte[] leaves = in.document();
        Map<String, BigDecimal> leafScores = leafScores(leaves);
        int n = in.count();
        List<AppliedAdjustment> adjustments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            adjustments.add(new AppliedAdjustment(Source.values()[in.count()], AdjustmentType.values()[in.count()],
                    in.text(), in.text(), in.decimal(), in.decimal(), in.decimal(), in.decimal(), in.text(), in.cell(),
                    in.text()));
        }
        return new Scored(source, origin, base, bonus, deduction, vetoed, leafScores, adjustments, in.discrepancies());
    }

    private static Map<String, BigDecimal> leafScores(byte[] encoded) {
        Binary.Reader in = new Binary.Reader(encoded);
        int n = in.count();
        Map<String, BigDecimal> scores = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            scores.put(in.text(), in.decimal());
        }
        return scores;
    }
}
