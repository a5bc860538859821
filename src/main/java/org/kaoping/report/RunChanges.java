package org.kaoping.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kaoping.scoring.ranking.DisplayRounding;

/**
 * What changed since the previous completed run of the campaign, for the 运行信息 sheet and the log: input
 * files added, changed (a correction sent in under the same name) and removed, and every unit whose total or
 * rank moved. {@code previousRunId} is null on a campaign's first run; {@code inputsUnchanged} means the same
 * files, content and configuration, hence the same results.
 */
public record RunChanges(String previousRunId, boolean inputsUnchanged, List<String> added, List<String> changed,
                         List<String> removed, List<UnitChange> units) {
    public static final RunChanges FIRST_RUN = new RunChanges(null, false, List.of(), List.of(), List.of(), List.of());

    public RunChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        units = List.copyOf(units);
    }

    /** A unit's total and rank before and after; null where it had none (未考核, 否决, or not on the roster). */
    public record UnitChange(String unit, BigDecimal oldTotal, BigDecimal newTotal, Integer oldRank, Integer newRank) {

        /** {@code 省财政厅：总分 84.00 → 79.00，排名 5 → 10}; only the parts that moved. */
        public String describe(DisplayRounding rounding) {
            List<String> parts = new ArrayList<>();
            if (!same(oldTotal, newTotal)) {
                parts.add("总分 " + shown(oldTotal, rounding) + " → " + shown(newTotal, rounding));
            }
            if (!java.util.Objects.equals(oldRank, newRank)) {
                parts.add("排名 " + (oldRank == null ? "无" : oldRank) + " → " + (newRank == null ? "无" : newRank));
            }
            return unit + "：" + String.join("，", parts);
        }

        public boolean moved() {
            return !same(oldTotal, newTotal) || !java.util.Objects.equals(oldRank, newRank);
        }

        private static boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }

        private static String shown(BigDecimal v, DisplayRounding rounding) {
            return v == null ? "无" : rounding.format(v);
        }
    }
}
