package org.kaoping.scoring;

import static org.kaoping.scoring.DiscrepancyKind.VETOED;
import static org.kaoping.scoring.Notes.join;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

/** What one unit's result from one source comes to while {@link UnitScorer} counts it. */
final class Tally {
    final String unit;
    final Source source;
    BigDecimal base = BigDecimal.ZERO;
    BigDecimal bonus = BigDecimal.ZERO;
    BigDecimal deduction = BigDecimal.ZERO;
    boolean vetoed;
    final Map<String, BigDecimal> leafScores = new LinkedHashMap<>();
    final List<AppliedAdjustment> applied = new ArrayList<>();
    final List<Discrepancy> discrepancies = new ArrayList<>();
    // The rows of applied deductions taken out of each leaf, by leaf code.
    final Map<String, List<Integer>> leafDeductionRows = new LinkedHashMap<>();

    Tally(String unit, Source source) {
        this.unit = unit;
        this.source = source;
    }

    /** The deduction about to be added to {@link #applied} is taken out of leaf {@code code}. */
    void fromLeaf(String code) {
        leafDeductionRows.computeIfAbsent(code, c -> new ArrayList<>()).add(applied.size());
    }

    /** Vetoes the unit, reported once per item however many rows (a 扣分 and a 否决 row) name it. */
    void veto(CellRef where, String item, String message) {
        vetoed = true;
        if (discrepancies.stream().noneMatch(d -> d.kind() == VETOED && d.item().equals(item))) {
            flag(VETOED, where, item, message);
        }
    }

    void flag(DiscrepancyKind kind, CellRef where, String item, String message) {
        discrepancies.add(Discrepancy.of(kind, unit, where, item, source.label() + "：" + message));
    }

    /** Cuts the listed rows, last first, so that together they come to {@code cap}. */
    void capRows(List<Integer> rows, BigDecimal cap, String note) {
        BigDecimal sum = rows.stream().map(i -> applied.get(i).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal excess = sum.subtract(cap);
        for (int k = rows.size() - 1; k >= 0 && excess.signum() > 0; k--) {
            AppliedAdjustment row = applied.get(rows.get(k));
            BigDecimal cut = row.amount().min(excess);
            excess = excess.subtract(cut);
            applied.set(rows.get(k), new AppliedAdjustment(row.source(), row.type(), row.item(), row.level(),
                    row.count(), row.pointsPerCase(), row.factor(), row.amount().subtract(cut), row.evidence(),
                    row.cell(), join(row.note(), note)));
        }
    }
}
