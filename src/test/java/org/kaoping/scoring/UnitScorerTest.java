package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaoping.scoring.Fixtures.adjustment;
import static org.kaoping.scoring.Fixtures.d;
import static org.kaoping.scoring.Fixtures.sheet;
import static org.kaoping.scoring.Fixtures.unit;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

class UnitScorerTest {
    private final UnitScorer scorer = new UnitScorer(Fixtures.rubric());
    private final RosterUnit small = unit("省地质院", 120, "科研院所", "考核一组");

    private Scored score(RosterUnit unit, ScoreSheet sheet, Adjustment... adjustments) {
        return scorer.score(unit, sheet, List.of(adjustments));
    }

    private static ScoreSheet plain(String... values) {
        return sheet(Source.INSPECTION, "省地质院", "考核一组", "组.xlsx", 0, values);
    }

    @Test
    void baseIsTheSumOfLeafScores() {
        Scored s = score(small, plain("5.5", "3", "8.25"));
        assertThat(s.base()).isEqualByComparingTo("16.75");
        assertThat(s.total()).isEqualByComparingTo("16.75");
        assertThat(s.discrepancies()).isEmpty();
    }

    @Test
    void scoreAboveMaximumCountsTheMaximumAndIsReportedWithItsCell() {
        Scored s = score(small, plain("8", "3", "10"));
        assertThat(s.base()).isEqualByComparingTo("19");
        assertThat(s.leafScores().get("1.1")).isEqualByComparingTo("6");
        assertThat(s.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.SCORE_ABOVE_MAX);
            assertThat(d.where().toString()).isEqualTo("组.xlsx!评分表!F5");
            assertThat(d.item()).isEqualTo("1.1 思想建设");
        });
    }

    @Test
    void negativeScoreCountsZero() {
        Scored s = score(small, plain("-1", "3", "10"));
        assertThat(s.base()).isEqualByComparingTo("13");
        assertThat(s.discrepancies()).extracting(Discrepancy::kind).containsExactly(DiscrepancyKind.SCORE_BELOW_ZERO);
    }

    @Test
    void blankAndUnreadableScoresCountZeroAndAreReportedSeparately() {
        Scored s = score(small, plain("", "良好", "10"));
        assertThat(s.base()).isEqualByComparingTo("10");
        assertThat(s.discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.MISSING_SCORE, DiscrepancyKind.UNREADABLE_SCORE);
        assertThat(s.discrepancies().get(1).where().cell()).isEqualTo("F6");
    }

    @Test
    void leafWithoutAnyRowIsReportedAsUnmatched() {
        Scored s = score(small, plain("6", "4"));
        assertThat(s.base()).isEqualByComparingTo("10");
        assertThat(s.discrepancies()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNMATCHED_LEAF));
    }

    @Test
    void bonusByLevelIsPointsPerCaseTimesCount() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.BONUS, "荣誉称号", "国家级", "1", null, "C2"),
                adjustment("省地质院", AdjustmentType.BONUS, "特色创建", "省部级", "2", null, "C3"));
        assertThat(s.bonus()).isEqualByComparingTo("9");
        assertThat(s.total()).isEqualByComparingTo("29");
    }

    @Test
    void bonusItemIsCutToItsCap() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.BONUS, "特色创建", "国家级", "4", null, "C3"));
        assertThat(s.bonus()).isEqualByComparingTo("10");
        assertThat(s.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.BONUS_OVER_CAP);
            assertThat(d.where().cell()).isEqualTo("C3");
        });
        assertThat(s.adjustments()).singleElement()
                .satisfies(a -> assertThat(a.amount()).isEqualByComparingTo("10"));
    }

    @Test
    void allBonusesTogetherAreCutToTheRubricCap() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.BONUS, "荣誉称号", "国家级", "3", null, "C2"),
                adjustment("省地质院", AdjustmentType.BONUS, "特色创建", "国家级", "3", null, "C3"));
        assertThat(s.bonus()).isEqualByComparingTo("20");
        assertThat(s.adjustments().stream().map(AppliedAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("20");
    }

    @Test
    void itemLevelBonusIsCutToTheLeafBonusCap() {
        ScoreSheet sheet = new ScoreSheet(Source.INSPECTION, "省地质院", "考核一组", Fixtures.cell("组.xlsx", ""), 0,
                List.of(LeafScore.of("1.1", d("6"), "6", Fixtures.cell("组.xlsx", "F5")),
                        new LeafScore("1.2", d("4"), "4", Fixtures.cell("组.xlsx", "F6"), d("2.5"), Fixtures.cell("组.xlsx", "G6")),
                        new LeafScore("2.1", d("10"), "10", Fixtures.cell("组.xlsx", "F7"), d("-1.5"), Fixtures.cell("组.xlsx", "G7"))),
                null, null, null, null, null, null);
        Scored s = score(small, sheet);
        assertThat(s.bonus()).isEqualByComparingTo("1");
        assertThat(s.deduction()).isEqualByComparingTo("1.5");
        assertThat(s.total()).isEqualByComparingTo("19.5");
        assertThat(s.discrepancies()).extracting(d -> d.kind() + "@" + d.where().cell())
                .containsExactly("BONUS_OVER_CAP@G6");
    }

    @Test
    void fixedDeductionIsNotScaledByHeadcount() {
        Scored s = score(unit("省农科院", 820, null, "考核一组"), plain("6", "4", "10"),
                adjustment("省农科院", AdjustmentType.DEDUCTION, "通报批评", null, "1", null, "C4"));
        assertThat(s.deduction()).isEqualByComparingTo("3");
    }

    @Test
    void rangedDeductionIsScaledByTheHeadcountBand() {
        Scored at350 = score(unit("省测绘院", 350, null, null), plain("6", "4", "10"),
                adjustment("省测绘院", AdjustmentType.DEDUCTION, "党纪处分", null, "1", "4", "C4"));
        Scored at820 = score(unit("省农科院", 820, null, null), plain("6", "4", "10"),
                adjustment("省农科院", AdjustmentType.DEDUCTION, "受党纪处分", null, "1", "5", "C4"));
        Scored at120 = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.DEDUCTION, "党纪处分", null, "2", "4", "C4"));
        assertThat(at350.deduction()).isEqualByComparingTo("2.40");
        assertThat(at820.deduction()).isEqualByComparingTo("2.00");
        assertThat(at120.deduction()).isEqualByComparingTo("8");
        assertThat(at350.adjustments().get(0).factor()).isEqualByComparingTo("0.6");
    }

    @Test
    void deductionOutsideItsRangeIsClampedAndReported() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.DEDUCTION, "党纪处分", null, "1", "9", "F4"));
        assertThat(s.deduction()).isEqualByComparingTo("6");
        assertThat(s.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.DEDUCTION_OUT_OF_RANGE);
            assertThat(d.where().cell()).isEqualTo("F4");
        });
    }

    @Test
    void unknownItemOrLevelCountsNothingAndIsReported() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.BONUS, "优秀组织奖", "国家级", "1", null, "C2"),
                adjustment("省地质院", AdjustmentType.BONUS, "荣誉称号", "县级", "1", null, "C3"));
        assertThat(s.bonus()).isEqualByComparingTo("0");
        assertThat(s.discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.UNKNOWN_ITEM, DiscrepancyKind.UNKNOWN_ITEM);
    }

    @Test
    void vetoKeepsScoresAndMarksTheUnit() {
        Scored s = score(small, plain("6", "4", "10"),
                adjustment("省地质院", AdjustmentType.DEDUCTION, "虚假信息", null, "2", null, "C10"),
                adjustment("省地质院", AdjustmentType.VETO, "虚假信息", null, null, null, "C11"));
        assertThat(s.vetoed()).isTrue();
        assertThat(s.total()).isEqualByComparingTo("10");
        assertThat(s.discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.VETOED);
            assertThat(d.message()).contains("取消晋级资格").contains("佐证");
        });
    }

    @Test
    void ownTotalIsAcceptedWhenItIsTheSumAsWrittenOrTheComputedBaseOrTotal() {
        ScoreSheet asWritten = withOwnTotal(plain("8", "4", "10"), "22");
        ScoreSheet clamped = withOwnTotal(plain("8", "4", "10"), "20");
        ScoreSheet wrong = withOwnTotal(plain("6", "4", "10"), "21");
        assertThat(score(small, asWritten).discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.SCORE_ABOVE_MAX);
        assertThat(score(small, clamped).discrepancies()).extracting(Discrepancy::kind)
                .containsExactly(DiscrepancyKind.SCORE_ABOVE_MAX);
        assertThat(score(small, wrong).discrepancies()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DiscrepancyKind.OWN_TOTAL_DIFFERS);
            assertThat(d.where().cell()).isEqualTo("F8");
            assertThat(d.officialValue()).isEqualTo("21");
        });
    }

    private static ScoreSheet withOwnTotal(ScoreSheet s, String total) {
        return new ScoreSheet(s.source(), s.unit(), s.group(), s.origin(), s.modified(), s.scores(), d(total),
                Fixtures.cell("组.xlsx", "F8"), null, null, null, null);
    }
}
