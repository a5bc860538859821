package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/**
 * The criterion-level rules of the Jiaozuo 2016 rubric, whose leaf codes carry full-width brackets
 * ({@code （一）1}), applied to 加扣分 rows that name the leaf by code.
 */
class UnitScorerSeedRulesTest {
    private static final Rubric JIAOZUO = new RubricLoader().load(Path.of("config/rubrics/jiaozuo-2016.yml"));
    private static final RosterUnit UNIT = new RosterUnit("市委办公室", List.of(), 45, "党群口", "第一考核调研组");

    /** Every leaf at its maximum: base 100. */
    private static ScoreSheet fullMarks() {
        List<LeafScore> scores = JIAOZUO.leaves().stream()
                .map(l -> LeafScore.of(l.code(), l.max(), l.max().toPlainString(), new CellRef("组.xlsx", "市委办公室", "D4")))
                .toList();
        return new ScoreSheet(Source.INSPECTION, UNIT.name(), UNIT.group(), new CellRef("组.xlsx", "市委办公室", ""), 0,
                scores, null, null, null, null, null, null);
    }

    private static Adjustment row(AdjustmentType type, String item, String level, String count, String a1) {
        return new Adjustment(Source.INSPECTION, UNIT.name(), UNIT.group(), 0, type, item, level,
                count == null ? null : new BigDecimal(count), null, "", new CellRef("组.xlsx", "加扣分", a1));
    }

    @Test
    void rowsNamingALeafByItsFullWidthCodeFollowThatLeafsRules() {
        Scored s = new UnitScorer(JIAOZUO).score(UNIT, fullMarks(), List.of(
                row(AdjustmentType.BONUS, "（一）1", "省级", "1", "C2"),
                row(AdjustmentType.BONUS, "（一）1", "国家级", "1", "C3"),
                row(AdjustmentType.DEDUCTION, "（六）2", "", "2", "C4"),
                row(AdjustmentType.VETO, "（六）1", "", null, "C5")));

        assertThat(s.discrepancies()).extracting(Discrepancy::kind).containsExactly(DiscrepancyKind.VETOED);
        assertThat(s.base()).isEqualByComparingTo("100");
        // （一）1: one commendation, at its highest level: 国家级 5, the 省级 3 not added
        assertThat(s.bonus()).isEqualByComparingTo("5");
        // （六）2: 通报批评 2 per case, twice
        assertThat(s.deduction()).isEqualByComparingTo("4");
        assertThat(s.vetoed()).isTrue();
    }

    @Test
    void leafCodeTypedWithHalfWidthBracketsIsTheSameLeaf() {
        Scored s = new UnitScorer(JIAOZUO).score(UNIT, fullMarks(), List.of(
                row(AdjustmentType.BONUS, "(三)4", "", "7", "C2")));

        // （三）4: 0.5 per adopted suggestion, at most 3
        assertThat(s.bonus()).isEqualByComparingTo("3");
        assertThat(s.discrepancies()).extracting(Discrepancy::kind).containsExactly(DiscrepancyKind.BONUS_OVER_CAP);
    }
}
