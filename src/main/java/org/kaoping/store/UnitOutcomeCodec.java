package org.kaoping.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.DeferredLeafScores;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitOutcome;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;

/**
 * A unit's outcome as a stored document ({@link StoredJson}), for {@code kp_unit_outcome}: a rerun decodes every
 * unchanged unit's. The unit is stored by name and looked up in the roster when decoded. Outcomes are keyed by the
 * {@link BuildFingerprint}, so a change here never reads an outcome stored by the code before it.
 */
public final class UnitOutcomeCodec {
    private static final ObjectReader OUTCOME = StoredJson.MAPPER.readerFor(Outcome.class);
    private static final ObjectReader LEAVES = StoredJson.MAPPER.readerFor(new TypeReference<Map<String, BigDecimal>>() {
    });

    private UnitOutcomeCodec() {
    }

    /** The stored form of a {@link UnitOutcome}: the unit by name, ranks and grade left out (never set yet). */
    record Outcome(String unit, Status status, Side official, Side self, String scoredBy,
                   List<Discrepancy> discrepancies) {
    }

    /**
     * The stored form of a {@link Scored}. {@code leafScores}: a JSON document of its own, held as text, so that a
     * rerun decodes it only for the units that need their leaf scores.
     */
    record Side(Source source, CellRef origin, BigDecimal base, BigDecimal bonus, BigDecimal deduction,
                boolean vetoed, String leafScores, List<AppliedAdjustment> adjustments,
                List<Discrepancy> discrepancies) {
    }

    public static byte[] encode(UnitOutcome outcome) {
        UnitResult r = outcome.result();
        return StoredJson.write(new Outcome(r.unit().name(), r.status(), side(r.official()), side(r.self()),
                r.scoredBy(), outcome.discrepancies()));
    }

    /** {@code units}: the roster's unit by name (the roster is part of the stored outcome's key). */
    public static UnitOutcome decode(byte[] encoded, Function<String, RosterUnit> units) {
        return decode(encoded, units, Canon.NONE);
    }

    /** {@code canon}: shared by the outcomes decoded together. */
    public static UnitOutcome decode(byte[] encoded, Function<String, RosterUnit> units, Canon canon) {
        Outcome o = StoredJson.read(encoded, OUTCOME, canon);
        RosterUnit unit = units.apply(o.unit());
        if (unit == null) {
            throw new IllegalStateException("单位 " + o.unit() + " 不在名单中");
        }
        return new UnitOutcome(new UnitResult(unit, o.status(), scored(o.official()), scored(o.self()), null, null,
                o.scoredBy()), o.discrepancies() == null ? List.of() : o.discrepancies());
    }

    private static Side side(Scored s) {
        if (s == null) {
            return null;
        }
        return new Side(s.source(), s.origin(), s.base(), s.bonus(), s.deduction(), s.vetoed(),
                StoredJson.MAPPER.writeValueAsString(s.leafScores()), s.adjustments(), s.discrepancies());
    }

    private static Scored scored(Side s) {
        if (s == null) {
            return null;
        }
        String leaves = s.leafScores();
        // Decoded on its own (no shared canon): the few outcomes whose leaf scores are looked at must not keep a
        // whole bulk decode's canon alive in a process that keeps outcomes from run to run.
        Map<String, BigDecimal> leafScores = DeferredLeafScores.of(() -> LEAVES.readValue(leaves));
        return new Scored(s.source(), s.origin(), s.base(), s.bonus(), s.deduction(), s.vetoed(), leafScores,
                s.adjustments() == null ? List.of() : s.adjustments(),
                s.discrepancies() == null ? List.of() : s.discrepancies());
    }
}
