package org.kaoping.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaoping.scoring.Fixtures.adjustment;
import static org.kaoping.scoring.Fixtures.d;
import static org.kaoping.scoring.Fixtures.sheet;
import static org.kaoping.scoring.Fixtures.unit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Consolidator;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Fixtures;
import org.kaoping.scoring.GapThresholds;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/** Ranking rules a campaign configures: method, tie-breakers, 等次 and display rounding, through Consolidator. */
class ConfiguredRankingTest {
    private static final Roster ROSTER = new Roster(List.of(
            unit("甲局", 100, "机关", "考核一组"),
            unit("乙局", 100, "机关", "考核一组"),
            unit("丙局", 100, "事业", "考核二组"),
            unit("丁局", 100, "事业", "考核二组"),
            unit("戊局", 100, "事业", "考核二组")));

    private static ScoreSheet official(String unit, String... values) {
        String group = ROSTER.units().stream().filter(u -> u.name().equals(unit)).findFirst().orElseThrow().group();
        return sheet(Source.INSPECTION, unit, group, group + ".xlsx", 0, values);
    }

    private static RankingRules rules(RankingMethod method, TieBreaker... tieBreakers) {
        return new RankingRules(method, List.of(tieBreakers), DisplayRounding.HALF_UP, List.of());
    }

    private static RankingRules breakers(TieBreaker... tieBreakers) {
        return rules(RankingMethod.COMPETITION, tieBreakers);
    }

    private static TieBreaker category(String code) {
        return new TieBreaker(TieBreaker.Kind.CATEGORY, code);
    }

    private static TieBreaker leaf(String code) {
        return new TieBreaker(TieBreaker.Kind.LEAF, code);
    }

    private static CampaignResult run(Roster roster, RankingRules rules, List<ScoreSheet> sheets, Adjustment... adjustments) {
        return new Consolidator(Fixtures.rubric(), roster, GapThresholds.DEFAULT, rules)
                .consolidate(sheets, List.of(adjustments), List.of());
    }

    private static List<String> ranks(CampaignResult r) {
        return r.units().stream().map(u -> u.unit().name() + ":" + u.rank() + "/" + u.divisionRank()).toList();
    }

    // 甲局 15 − 3 (通报批评) = 12, base 15, deduction 3; 乙局 12, base 12, deduction 0.
    private static final List<ScoreSheet> BASE_VS_DEDUCTION = List.of(official("甲局", "6", "4", "5"),
            official("乙局", "5", "2", "5"));
    private static final Adjustment CRITICISM = adjustment("甲局", AdjustmentType.DEDUCTION, "通报批评", null, "1", null, "C3");

    @Test
    void withoutTieBreakersEqualTotalsShareTheRank() {
        CampaignResult r = run(ROSTER, RankingRules.DEFAULT, BASE_VS_DEDUCTION, CRITICISM);
        assertThat(ranks(r)).containsExactly("甲局:1/1", "乙局:1/1", "丙局:null/null", "丁局:null/null", "戊局:null/null");
    }

    @Test
    void baseBreaksATieInFavourOfTheHigherBase() {
        CampaignResult r = run(ROSTER, breakers(TieBreaker.of(TieBreaker.Kind.BASE)), BASE_VS_DEDUCTION, CRITICISM);
        assertThat(ranks(r)).startsWith("甲局:1/1", "乙局:2/2");
    }

    @Test
    void deductionAscBreaksATieInFavourOfTheSmallerDeduction() {
        CampaignResult r = run(ROSTER, breakers(TieBreaker.of(TieBreaker.Kind.DEDUCTION_ASC)), BASE_VS_DEDUCTION,
                CRITICISM);
        assertThat(ranks(r)).startsWith("乙局:1/1", "甲局:2/2");
    }

    @Test
    void bonusBreaksATieInFavourOfTheHigherBonus() {
        // 甲局 10 + 3 (荣誉称号 省部级) = 13; 乙局 13 without bonus.
        List<ScoreSheet> sheets = List.of(official("甲局", "4", "2", "4"), official("乙局", "5", "3", "5"));
        Adjustment honour = adjustment("甲局", AdjustmentType.BONUS, "荣誉称号", "省部级", "1", null, "C2");
        assertThat(ranks(run(ROSTER, breakers(TieBreaker.of(TieBreaker.Kind.BONUS)), sheets, honour)))
                .startsWith("甲局:1/1", "乙局:2/2");
        assertThat(ranks(run(ROSTER, breakers(TieBreaker.of(TieBreaker.Kind.BASE)), sheets, honour)))
                .startsWith("乙局:1/1", "甲局:2/2");
    }

    @Test
    void categoryBreaksATieByTheSumOfItsLeafScores() {
        // Both 15: 甲局 一 = 10, 二 = 5; 乙局 一 = 5, 二 = 10.
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "5"), official("乙局", "5", "0", "10"));
        assertThat(ranks(run(ROSTER, breakers(category("二")), sheets))).startsWith("乙局:1/1", "甲局:2/2");
        assertThat(ranks(run(ROSTER, breakers(category("一")), sheets))).startsWith("甲局:1/1", "乙局:2/2");
    }

    @Test
    void leafDecidesWhatTheCategoryLeftTied() {
        // Both 15 and both 8 in 一; 乙局 has more in 1.2.
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "2", "7"), official("乙局", "5", "3", "7"));
        assertThat(ranks(run(ROSTER, breakers(category("一")), sheets))).startsWith("甲局:1/1", "乙局:1/1");
        assertThat(ranks(run(ROSTER, breakers(category("一"), leaf("1.2")), sheets)))
                .startsWith("乙局:1/1", "甲局:2/2");
    }

    @Test
    void categoryScoresUseClampedLeafScores() {
        // 甲局's 1.1 of 9 counts 6 (its max): 一 = 10 for both, so 二 (5 each) and the tie stands.
        List<ScoreSheet> sheets = List.of(official("甲局", "9", "4", "5"), official("乙局", "6", "4", "5"));
        assertThat(ranks(run(ROSTER, breakers(category("一")), sheets))).startsWith("甲局:1/1", "乙局:1/1");
    }

    @Test
    void unitsEqualOnEveryTieBreakerShareARankAndTheNextRankIsSkipped() {
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "5"), official("乙局", "6", "4", "5"),
                official("丙局", "6", "4", "4"));
        RankingRules all = breakers(TieBreaker.of(TieBreaker.Kind.BASE), TieBreaker.of(TieBreaker.Kind.BONUS),
                TieBreaker.of(TieBreaker.Kind.DEDUCTION_ASC), category("一"), category("二"), leaf("1.1"), leaf("2.1"));
        assertThat(ranks(run(ROSTER, all, sheets))).startsWith("甲局:1/1", "乙局:1/1", "丙局:3/1");
    }

    @Test
    void divisionRanksUseTheSameMethodAndTieBreakers() {
        // All 12 but 甲局 (12 after a deduction of 3) and 戊局 (10); 丙局 and 丁局 stay tied.
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "5"), official("乙局", "5", "2", "5"),
                official("丙局", "5", "2", "5"), official("丁局", "6", "4", "2"), official("戊局", "4", "4", "2"));
        TieBreaker deduction = TieBreaker.of(TieBreaker.Kind.DEDUCTION_ASC);
        assertThat(ranks(run(ROSTER, rules(RankingMethod.COMPETITION, deduction), sheets, CRITICISM)))
                .containsExactly("乙局:1/1", "丙局:1/1", "丁局:1/1", "甲局:4/2", "戊局:5/3");
        assertThat(ranks(run(ROSTER, rules(RankingMethod.DENSE, deduction), sheets, CRITICISM)))
                .containsExactly("乙局:1/1", "丙局:1/1", "丁局:1/1", "甲局:2/2", "戊局:3/2");
    }

    @Test
    void quotaOfTenPercentOf25UnitsTakesRanksUpToTwoAndATieAcrossTheCutIsAllIn() {
        // 25 ranked units: floor(25 × 10 / 100) = 2. Totals 20, 19, 19, 18, 17.75, … — ranks 1, 2, 2, 4, 5, …
        // A vetoed unit with the best total and a unit without scores are not counted and get no 等次.
        List<RosterUnit> units = new ArrayList<>();
        List<ScoreSheet> sheets = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            String name = "单位" + i;
            units.add(unit(name, 100, "", "考核一组"));
            String leaf21 = i == 1 ? "10" : i <= 3 ? "9" : new BigDecimal("8").subtract(new BigDecimal("0.25")
                    .multiply(BigDecimal.valueOf(i - 4))).toPlainString();
            sheets.add(sheet(Source.INSPECTION, name, "考核一组", "组.xlsx", 0, "6", "4", leaf21));
        }
        units.add(unit("否决局", 100, "", "考核一组"));
        sheets.add(sheet(Source.INSPECTION, "否决局", "考核一组", "组.xlsx", 0, "6", "4", "10"));
        units.add(unit("未考核局", 100, "", "考核一组"));
        Adjustment veto = adjustment("否决局", AdjustmentType.VETO, "虚假信息", null, null, null, "C9");
        RankingRules graded = new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_UP,
                List.of(new Grade("优秀", new Grade.Quota(d("10"), true), null), new Grade("其他", null, null)));

        CampaignResult r = run(new Roster(units), graded, sheets, veto);

        assertThat(r.units()).extracting(u -> u.unit().name() + ":" + u.rank() + ":" + u.grade()).startsWith(
                "单位1:1:优秀", "单位2:2:优秀", "单位3:2:优秀", "单位4:4:其他", "单位5:5:其他");
        assertThat(r.units()).filteredOn(u -> "优秀".equals(u.grade())).hasSize(3);
        assertThat(r.units().subList(25, 27)).extracting(u -> u.unit().name() + ":" + u.grade())
                .containsExactly("否决局:null", "未考核局:null");
    }

    @Test
    void bandsApplyToTheExactTotalInOrderAndTheFirstMatchWins() {
        // Totals 甲 20, 乙 17.995, 丙 18, 丁 11.999, 戊 not scored.
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "10"), official("乙局", "6", "4", "7.995"),
                official("丙局", "6", "4", "8"), official("丁局", "6", "4", "1.999"));
        RankingRules graded = new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_UP, List.of(
                new Grade("优秀", new Grade.Quota(d("1"), false), d("19")),
                new Grade("良好", null, d("18")),
                new Grade("合格", null, d("12"))));
        CampaignResult r = run(ROSTER, graded, sheets);
        // 乙局 shows 18.00 but its exact total is below the band; 丁局 matches no grade.
        assertThat(r.units()).extracting(u -> u.unit().name() + ":" + u.grade())
                .containsExactly("甲局:优秀", "丙局:良好", "乙局:合格", "丁局:null", "戊局:null");
    }

    @Test
    void quotaAndBandMustBothHold() {
        // 甲局 is first but under 19.5: the combined grade goes to nobody, the next grade applies.
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "9"), official("乙局", "6", "4", "8"));
        RankingRules graded = new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_UP, List.of(
                new Grade("优秀", new Grade.Quota(d("50"), true), d("19.5")), new Grade("良好", null, null)));
        assertThat(run(ROSTER, graded, sheets).units()).extracting(u -> u.unit().name() + ":" + u.grade())
                .startsWith("甲局:良好", "乙局:良好");
    }

    @Test
    void countQuotaIsRankBasedToo() {
        List<ScoreSheet> sheets = List.of(official("甲局", "6", "4", "9"), official("乙局", "6", "4", "8"),
                official("丙局", "6", "4", "8"), official("丁局", "6", "4", "7"));
        RankingRules graded = new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_UP,
                List.of(new Grade("优秀", new Grade.Quota(d("2"), false), null)));
        assertThat(run(ROSTER, graded, sheets).units()).extracting(u -> u.unit().name() + ":" + u.grade())
                .containsExactly("甲局:优秀", "乙局:优秀", "丙局:优秀", "丁局:null", "戊局:null");
    }

    @Test
    void percentQuotaIsAtLeastOneUnitAndFloorsOtherwise() {
        Grade.Quota tenPercent = new Grade.Quota(d("10"), true);
        assertThat(tenPercent.lastRank(25)).isEqualTo(2);
        assertThat(tenPercent.lastRank(5)).isEqualTo(1);
        assertThat(tenPercent.lastRank(0)).isZero();
        assertThat(new Grade.Quota(d("12.5"), true).lastRank(8)).isEqualTo(1);
        assertThat(new Grade.Quota(d("100"), true).lastRank(7)).isEqualTo(7);
    }

    @Test
    void gapMessagesUseTheCampaignsDisplayRounding() {
        // self − official on 1.1: 5.125 − 3 = 2.125, both ending in an exact half.
        List<ScoreSheet> sheets = List.of(official("甲局", "3", "4", "10"),
                sheet(Source.SELF, "甲局", null, "甲局自评.xlsx", 0, "5.125", "4", "10"));
        RankingRules halfEven = new RankingRules(RankingMethod.COMPETITION, List.of(), DisplayRounding.HALF_EVEN,
                List.of());
        List<String> even = gapTexts(run(ROSTER, halfEven, sheets));
        List<String> up = gapTexts(run(ROSTER, RankingRules.DEFAULT, sheets));
        assertThat(even).containsExactly("1.1 思想建设 5.12>3.00 自评比考核高 2.12 分（自评见 甲局自评.xlsx!评分表!F5）");
        assertThat(up).containsExactly("1.1 思想建设 5.13>3.00 自评比考核高 2.13 分（自评见 甲局自评.xlsx!评分表!F5）");
    }

    private static List<String> gapTexts(CampaignResult r) {
        return r.discrepancies().stream().filter(d -> d.kind() == DiscrepancyKind.SELF_OFFICIAL_GAP)
                .map(d -> d.item() + " " + d.selfValue() + ">" + d.officialValue() + " " + d.message()).toList();
    }
}
