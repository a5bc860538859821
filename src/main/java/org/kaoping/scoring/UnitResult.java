package org.kaoping.scoring;

import java.math.BigDecimal;
import org.kaoping.roster.RosterUnit;

/**
 * A unit's consolidated result: the official score (from its inspection group, null when 未考核), its
 * self-assessment (null when not submitted), its rank overall and within its 分组 (null when not ranked),
 * the group whose scores were used, and its 等次 (null when the campaign has no grades or none applies).
 */
public record UnitResult(RosterUnit unit, Status status, Scored official, Scored self, Integer rank,
                         Integer divisionRank, String scoredBy, String grade) {

    public UnitResult(RosterUnit unit, Status status, Scored official, Scored self, Integer rank,
                      Integer divisionRank, String scoredBy) {
        this(unit, status, official, self, rank, divisionRank, scoredBy, null);
    }

    public BigDecimal total() {
        return official == null ? null : official.total();
    }

    public BigDecimal selfTotal() {
        return self == null ? null : self.total();
    }
}
