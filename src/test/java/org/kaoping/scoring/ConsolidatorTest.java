package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaoping.scoring.Fixtures.adjustment;
import static org.kaoping.scoring.Fixtures.sheet;
import static org.kaoping.scoring.Fixtures.unit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.Roster;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

class ConsolidatorTest {
    private final Roster roster = new Roster(List.of(
            unit("甲局", 100, "机关", "考核一组"),
            unit("乙局", 100, "机关", "考核一组"),
            unit("丙局", 100, "事业", "考核二组"),
            unit("丁局", 100, "事业", "考核二组"),
            unit("戊局", 100, "事业", "考核二组")));
    private final Consolidator consolidator = new Consolidator(Fixtures.rubric(), roster, GapThresholds.DEFAULT);

    private static ScoreSheet official(String unit, String group, String file, long modified, String... values) {
        return sheet(Source.INSPECTION, unit, group, file, modified, values);
    }

    private static UnitResult result(CampaignResult r, String unit) {
        return r.units().stream().filter(u -> u.unit().name().equals(unit)).findFirst().orElseThrow();
    }

    @Test
    void tiedUnitsShareARankOverallAndWithinTheirDivision() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "6", "4", "9"),
                official("乙局", "考核一组", "一组.xlsx", 0, "5", "4", "9"),
                official("丙局", "考核二组", "二组.xlsx", 0, "5", "4", "9"),
                official("丁局", "考核二组", "二组.xlsx", 0, "4", "4", "9")), List.of(), List.of());
        assertThat(r.units()).extracting(u -> u.unit().name() + ":" + u.rank() + "/" + u.divisionRank())
                .containsExactly("甲局:1/1", "乙局:2/2", "丙局:2/1", "丁局:4/2", "戊局:null/null");
        assertThat(result(r, "戊局").status()).isEqualTo(Status.UNSCORED);
    }

    @Test
    void vetoedUnitIsListedButNotRanked() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "6", "4", "10"),
                official("乙局", "考核一组", "一组.xlsx", 0, "5", "4", "9")),
                List.of(adjustment("甲局", AdjustmentType.VETO, "虚假信息", null, null, null, "C2")), List.of());
        UnitResult vetoed = result(r, "甲局");
        assertThat(vetoed.status()).isEqualTo(Status.VETOED);
        assertThat(vetoed.rank()).isNull();
        assertThat(vetoed.total()).isEqualByComparingTo("20");
        assertThat(result(r, "乙局").rank()).isEqualTo(1);
        assertThat(r.units()).extracting(u -> u.unit().name()).containsExactly("乙局", "甲局", "丙局", "丁局", "戊局");
    }

    @Test
    void newestFileOfTheAssignedGroupWinsAndTheOlderIsSuperseded() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组-初稿.xlsx", 1000, "6", "4", "5"),
                official("甲局", "考核一组", "一组-更正.xlsx", 2000, "6", "4", "8")), List.of(), List.of());
        assertThat(result(r, "甲局").total()).isEqualByComparingTo("18");
        assertThat(r.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.SUPERSEDED_FILE)
                .singleElement().satisfies(d -> assertThat(d.where().file()).isEqualTo("一组-初稿.xlsx"));
    }

    @Test
    void scoresFromAnotherGroupAreReportedAndNotUsed() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "6", "4", "5"),
                official("甲局", "考核二组", "二组.xlsx", 9000, "6", "4", "10")), List.of(), List.of());
        assertThat(result(r, "甲局").total()).isEqualByComparingTo("15");
        assertThat(result(r, "甲局").scoredBy()).isEqualTo("考核一组");
        assertThat(r.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.SCORED_BY_OTHER_GROUP)
                .singleElement().satisfies(d -> assertThat(d.where().file()).isEqualTo("二组.xlsx"));
    }

    @Test
    void unassignedGroupIsUsedWhenItIsTheOnlyOneAndFlagged() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核二组", "二组.xlsx", 0, "6", "4", "10")), List.of(), List.of());
        assertThat(result(r, "甲局").total()).isEqualByComparingTo("20");
        assertThat(result(r, "甲局").scoredBy()).isEqualTo("考核二组");
        assertThat(r.discrepancies()).extracting(Discrepancy::kind).contains(DiscrepancyKind.SCORED_BY_OTHER_GROUP);
    }

    @Test
    void selfAssessmentHigherThanOfficialIsReportedPerLeafAndPerTotal() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "3", "4", "6"),
                sheet(Source.SELF, "甲局", null, "甲局自评.xlsx", 0, "6", "3.5", "10")), List.of(), List.of());
        assertThat(result(r, "甲局").selfTotal()).isEqualByComparingTo("19.5");
        assertThat(r.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.SELF_OFFICIAL_GAP)
                .extracting(d -> d.item() + " " + d.selfValue() + ">" + d.officialValue())
                .containsExactly("1.1 思想建设 6.00>3.00", "2.1 领导机制 10.00>6.00", "总分 19.50>13.00");
    }

    @Test
    void unitsWithoutSelfAssessmentOrInspectionAreReportedAsNotSubmitted() {
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "6", "4", "10")), List.of(), List.of());
        assertThat(r.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.NOT_SUBMITTED)
                .extracting(d -> d.unit() + ":" + d.message())
                .contains("甲局:未提交自评表", "乙局:未提交自评表")
                .anyMatch(s -> s.startsWith("乙局:没有考核组评分"));
    }

    @Test
    void onlyTheChosenGroupsAdjustmentsCount() {
        Adjustment other = new Adjustment(Source.INSPECTION, "甲局", "考核二组", 0, AdjustmentType.DEDUCTION, "通报批评",
                "", null, null, "", Fixtures.cell("二组.xlsx", "C2"));
        CampaignResult r = consolidator.consolidate(List.of(
                official("甲局", "考核一组", "一组.xlsx", 0, "6", "4", "10")), List.of(other), List.of());
        assertThat(result(r, "甲局").official().deduction()).isEqualByComparingTo("0");
    }

    @Test
    void adjustmentsForAUnitWithoutInspectionScoresAreReportedNotLost() {
        CampaignResult r = consolidator.consolidate(List.of(),
                List.of(adjustment("乙局", AdjustmentType.DEDUCTION, "通报批评", null, "1", null, "C5")), List.of());
        assertThat(result(r, "乙局").status()).isEqualTo(Status.UNSCORED);
        assertThat(r.discrepancies()).filteredOn(d -> d.where() != null && "C5".equals(d.where().cell()))
                .singleElement().satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(DiscrepancyKind.NOT_SUBMITTED);
                    assertThat(d.item()).isEqualTo("通报批评");
                });
    }
}
