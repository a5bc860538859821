package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitOutcome;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.Source;

class UnitOutcomeCodecTest {
    private static final RosterUnit UNIT = new RosterUnit("审计局", List.of("市审计局"), 120, "政府口", "第一考核组");

    @Test
    void decodedOutcomeEqualsTheEncodedOneWithScalesNullsAndLongTexts() {
        CellRef cell = new CellRef("inspection/第一考核组.xlsx", "审计局", "D7");
        Discrepancy gap = new Discrepancy(DiscrepancyKind.SELF_OFFICIAL_GAP, "审计局", cell, "1.1 学习", "5.00", "3.0",
                "自评比考核高 2 分");
        Discrepancy noCell = Discrepancy.of(DiscrepancyKind.NOT_SUBMITTED, "审计局", null, "", "未提交自评表");
        String longEvidence = "证明材料".repeat(20_000);
        AppliedAdjustment bonus = new AppliedAdjustment(Source.INSPECTION, AdjustmentType.BONUS, "荣誉称号", "省级",
                new BigDecimal("2"), new BigDecimal("1.50"), null, new BigDecimal("3.000"), longEvidence,
                cell.at("F9"), null);
        Scored official = new Scored(Source.INSPECTION, cell, new BigDecimal("80.5"), new BigDecimal("3.000"),
                new BigDecimal("123456789012345678901234567890.1"), false,
                Map.of("1.1", new BigDecimal("3.0"), "1.2", BigDecimal.ZERO, "2.1", new BigDecimal("-0.25"),
                        "2.2", new BigDecimal("1E+3"), "2.3", BigDecimal.valueOf(Long.MIN_VALUE, 2),
                        "2.4", BigDecimal.valueOf(Long.MAX_VALUE)),
                List.of(bonus), List.of(gap));
        Scored self = new Scored(Source.SELF, CellRef.file("self/审计局.xls"), new BigDecimal("85"), BigDecimal.ZERO,
                BigDecimal.ZERO, true, Map.of(), List.of(), List.of());
        UnitOutcome outcome = new UnitOutcome(new UnitResult(UNIT, Status.VETOED, official, self, null, null,
                "第二考核组"), List.of(gap, noCell));

        UnitOutcome decoded = UnitOutcomeCodec.decode(UnitOutcomeCodec.encode(outcome), name -> UNIT);

        assertThat(decoded).isEqualTo(outcome);
        assertThat(decoded.result().official().base().scale()).isEqualTo(1);
        assertThat(decoded.result().official().leafScores().get("2.2").scale()).isEqualTo(-3);
        assertThat(decoded.result().official().adjustments().get(0).evidence()).hasSize(80_000);
    }

    @Test
    void unscoredUnitWithoutSheetsRoundTrips() {
        UnitOutcome outcome = new UnitOutcome(new UnitResult(UNIT, Status.UNSCORED, null, null, null, null, null),
                List.of());
        assertThat(UnitOutcomeCodec.decode(UnitOutcomeCodec.encode(outcome), name -> UNIT)).isEqualTo(outcome);
    }
}
