package org.kaoping.scoring;

import static org.kaoping.scoring.Decimals.plain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaoping.rubric.BonusRule;
import org.kaoping.rubric.HighestLevel;
import org.kaoping.rubric.Leaf;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Text;

/**
 * A leaf whose score is earned case by case (山西 6.4: 0.2/0.5/0.8 per award by level, the same work once at its
 * highest level, at most 4), checked against the cases a sheet lists for it (加扣分 rows naming the leaf, the work in
 * 说明). The score counts as given; a difference is reported at the score's cell.
 */
final class EarnedScore {
    private EarnedScore() {
    }

    static void check(Leaf leaf, List<Adjustment> cases, BigDecimal counted, CellRef scoreCell, Tally t) {
        BonusRule rule = leaf.earned();
        BigDecimal sum = BigDecimal.ZERO;
        Map<String, BigDecimal> best = new LinkedHashMap<>();
        for (Adjustment a : cases) {
            Optional<BigDecimal> perCase = rule.levels().isEmpty() ? Optional.of(rule.points())
                    : UnitScorer.levelPoints(leaf.label(), rule.levels(), a, t, "不计入核对");
            if (perCase.isEmpty()) {
                continue;
            }
            String subject = switch (rule.highest()) {
                case ITEM, NONE -> "";
                case LEVEL -> Text.key(a.level());
                case SUBJECT -> Text.key(a.evidence());
            };
            if (rule.highest() == HighestLevel.NONE || subject.isEmpty() && rule.highest() == HighestLevel.SUBJECT) {
                sum = sum.add(perCase.get().multiply(a.count() == null ? BigDecimal.ONE : a.count()));
            } else {
                best.merge(subject, perCase.get(), BigDecimal::max);
            }
        }
        BigDecimal ceiling = rule.cap() == null ? leaf.scoreMax() : rule.cap().min(leaf.scoreMax());
        BigDecimal earned = best.values().stream().reduce(sum, BigDecimal::add).min(ceiling);
        BigDecimal given = counted == null ? BigDecimal.ZERO : counted;
        if (earned.compareTo(given) != 0) {
            t.flag(DiscrepancyKind.EARNED_SCORE_DIFFERS, scoreCell, leaf.label(), "得分 " + plain(given) + " 与所列 "
                    + cases.size() + " 项依据按细则应得的 " + plain(earned) + " 分不符（" + how(rule) + "，最多 "
                    + plain(ceiling) + " 分），按所填得分计");
        }
    }

    private static String how(BonusRule rule) {
        String each = rule.levels().isEmpty() ? "每项 " + plain(rule.points()) + " 分"
                : rule.levels().entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .map(e -> e.getKey() + " " + plain(e.getValue())).reduce((x, y) -> x + "、" + y).orElse("");
        return switch (rule.highest()) {
            case NONE -> each;
            case ITEM -> each + "，只按最高级别计一次";
            case SUBJECT -> each + "，同一内容只按最高级别计一次";
            case LEVEL -> each + "，每个级别只计一次";
        };
    }
}
