package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rules a leaf states about its own score, read from its node: {@code bonus:} (what it can gain besides its
 * score), {@code cap:} (a text that caps the score below its 分值: 山西 6.4 "此项最高分为4分") and {@code earned:} (how
 * the score itself is earned: 山西 6.4, 0.2/0.5/0.8 per award by level, the same work once at its highest level).
 */
final class LeafRules {
    static final List<String> RULE_KEYS = List.of("levels", "points", "highest-level-only", "cap");

    private LeafRules() {
    }

    /** {@code bonus:} on a leaf, or the older shorthand {@code bonus-cap:}. */
    static BonusRule bonus(RubricNode l) {
        RubricNode b = l.child("bonus");
        if (b.value() == null) {
            return BonusRule.capOnly(l.decimal("bonus-cap", null));
        }
        if (l.map().containsKey("bonus-cap")) {
            throw l.error("bonus 与 bonus-cap 只能写一个（上限写在 bonus.cap）");
        }
        return rule(b);
    }

    /** {@code earned:}: the score per case by level or fixed, and whether the same subject counts once. */
    static BonusRule earned(RubricNode l) {
        RubricNode e = l.child("earned");
        if (e.value() == null) {
            return null;
        }
        BonusRule rule = rule(e);
        if (rule.levels().isEmpty() && rule.points() == null) {
            throw e.error("earned 需写每例得分 levels 或 points");
        }
        return rule;
    }

    /** {@code cap:}, which must lie below the leaf's 分值 ({@code max}). */
    static BigDecimal cap(RubricNode l, BigDecimal max) {
        BigDecimal cap = l.decimal("cap", null);
        if (cap != null && (cap.signum() <= 0 || max == null || cap.compareTo(max) >= 0)) {
            throw l.error("cap（细则所述最高分）应大于 0 且小于分值 " + (max == null ? "" : max.toPlainString())
                    + "，实为 " + cap.toPlainString());
        }
        return cap;
    }

    /** Whether the node states a rule of its own (not allowed on a leaf scored in parts). */
    static boolean statesOwnRules(RubricNode l) {
        return List.of("cap", "earned", "deduction", "veto").stream().anyMatch(l.map()::containsKey);
    }

    private static BonusRule rule(RubricNode b) {
        b.allow(RULE_KEYS);
        Map<String, BigDecimal> levels = b.levels();
        BigDecimal points = b.decimal("points", null);
        if (!levels.isEmpty() && points != null) {
            throw b.error("levels 与 points 只能写一个");
        }
        if (points != null && points.signum() <= 0) {
            throw b.error("points 应大于 0，实为 " + points.toPlainString());
        }
        BigDecimal cap = b.decimal("cap", null);
        if (cap != null && cap.signum() <= 0) {
            throw b.error("cap 应大于 0，实为 " + cap.toPlainString());
        }
        return new BonusRule(levels, points, b.highest(), cap);
    }
}
