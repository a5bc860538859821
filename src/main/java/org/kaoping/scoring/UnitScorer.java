package org.kaoping.scoring;

import static org.kaoping.scoring.Decimals.plain;
import static org.kaoping.scoring.DiscrepancyKind.*;
import static org.kaoping.scoring.Notes.join;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.BonusItem;
import org.kaoping.rubric.BonusRule;
import org.kaoping.rubric.DeductionItem;
import org.kaoping.rubric.HighestLevel;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;
import org.kaoping.text.Text;

/**
 * Computes one unit's result from one source (scoring-rules.md, "One unit's official result"):
 * base from the clamped leaf scores, bonus from item-level adjustments and bonus items under their caps,
 * deduction from item-level adjustments and deduction items scaled by headcount, and vetoes.
 * Every clamp, cap and unreadable value becomes a {@link Discrepancy}.
 */
public final class UnitScorer {
    private final Rubric rubric;
    // The rubric's leaves are a view gathered from its categories: gathered once, not once per unit.
    private final List<Leaf> leaves;
    // Whether any rule of the rubric grants a bonus, or states a deduction: a matrix's 加分/扣分 total needs one.
    private final boolean grantsBonuses;
    private final boolean statesDeductions;

    public UnitScorer(Rubric rubric) {
        this.rubric = rubric;
        this.leaves = rubric.leaves();
        this.grantsBonuses = !rubric.bonusItems().isEmpty() || leaves.stream().anyMatch(l -> l.bonus() != null);
        this.statesDeductions = !rubric.deductionItems().isEmpty();
    }

    public Scored score(RosterUnit unit, ScoreSheet sheet, List<Adjustment> adjustments) {
        Tally t = new Tally(unit.name(), sheet.source());
        Map<String, LeafScore> byLeaf = new LinkedHashMap<>();
        for (LeafScore s : sheet.scores()) {
            byLeaf.putIfAbsent(s.leafCode(), s);
        }
        // Bonus claims are gathered per leaf or bonus item first: highest-level-only rules and caps look at them together.
        Map<Object, List<Claim>> claims = new LinkedHashMap<>();
        BigDecimal rawSum = BigDecimal.ZERO;
        for (Leaf leaf : leaves) {
            LeafScore s = byLeaf.get(leaf.code());
            BigDecimal counted = BigDecimal.ZERO;
            if (s == null) {
                t.flag(UNMATCHED_LEAF, sheet.origin(), leaf.label(), "表中没有与此评分项对应的行，按 0 分计");
            } else if (s.blank()) {
                t.flag(MISSING_SCORE, s.cell(), leaf.label(), "得分为空，按 0 分计");
            } else if (s.unreadable()) {
                t.flag(UNREADABLE_SCORE, s.cell(), leaf.label(), "得分“" + s.raw() + "”不是数值，按 0 分计");
            } else {
                rawSum = rawSum.add(s.value());
                BigDecimal ceiling = leaf.scoreMax();
                counted = Decimals.clamp(s.value(), BigDecimal.ZERO, ceiling);
                if (s.value().compareTo(ceiling) > 0) {
                    t.flag(SCORE_ABOVE_MAX, s.cell(), leaf.label(), "得分 " + plain(s.value()) + " 超过"
                            + (leaf.cap() == null ? "满分 " + plain(ceiling)
                                    : "细则所述本项最高分 " + plain(ceiling) + "（分值 " + plain(leaf.max()) + "）")
                            + "，按 " + plain(ceiling) + " 分计");
                } else if (s.value().signum() < 0) {
                    t.flag(SCORE_BELOW_ZERO, s.cell(), leaf.label(), "得分 " + plain(s.value()) + " 为负，按 0 分计");
                }
            }
            t.leafScores.put(leaf.code(), counted);
            t.base = t.base.add(counted);
            if (s != null && s.adjustment() != null && s.adjustment().signum() != 0) {
                if (s.adjustment().signum() > 0) {
                    if (!bonusAllowed(leaf, s.adjustmentCell(), s.adjustment(), t)) {
                        continue;
                    }
                    // The 加（扣）分 column holds the leaf's bonus as a total, not a case: no level rule applies to it.
                    claims.computeIfAbsent(leaf, k -> new ArrayList<>()).add(new Claim(new AppliedAdjustment(sheet.source(),
                            AdjustmentType.BONUS, leaf.label(), "", BigDecimal.ONE, s.adjustment(), BigDecimal.ONE,
                            s.adjustment(), "", s.adjustmentCell(), "评分项加分"), null));
                } else {
                    BigDecimal points = s.adjustment().negate();
                    checkWholeCases(leaf, points, s.adjustmentCell(), t);
                    t.deduction = t.deduction.add(points);
                    t.fromLeaf(leaf.code());
                    t.applied.add(new AppliedAdjustment(sheet.source(), AdjustmentType.DEDUCTION, leaf.label(), "",
                            BigDecimal.ONE, points, BigDecimal.ONE, points, "", s.adjustmentCell(), "评分项扣分"));
                }
            }
        }

        boolean detailedBonus = false;
        boolean detailedDeduction = false;
        Map<Leaf, List<Adjustment>> cases = new LinkedHashMap<>();
        for (Adjustment a : adjustments) {
            BigDecimal count = a.count() == null ? BigDecimal.ONE : a.count();
            Optional<Leaf> leaf = rubric.leaf(a.item());
            switch (a.type()) {
                case VETO -> {
                    if (rubric.vetoItems().isEmpty()) {
                        t.flag(UNKNOWN_ITEM, a.cell(), a.item(), "评分细则没有一票否决项目，否决“" + Text.oneLine(a.item())
                                + "”未执行");
                        continue;
                    }
                    String consequence = leaf.flatMap(l -> rubric.vetoFor(l.code())).or(() -> rubric.vetoItem(a.item()))
                            .map(v -> v.consequence()).orElse("");
                    String item = leaf.map(Leaf::label)
                            .orElseGet(() -> rubric.vetoItem(a.item()).map(v -> v.name()).orElse(a.item()));
                    t.applied.add(new AppliedAdjustment(a.source(), a.type(), item, a.level(), count, null, null,
                            BigDecimal.ZERO, a.evidence(), a.cell(), consequence));
                    t.veto(a.cell(), item, join("一票否决：" + item, consequence, a.evidence()));
                }
                case BONUS -> {
                    if (leaf.isPresent() && leaf.get().earned() != null) {
                        // The cases a score is earned by (山西 6.4's awards): checked against the score, never added.
                        cases.computeIfAbsent(leaf.get(), k -> new ArrayList<>()).add(a);
                        continue;
                    }
                    detailedBonus = true;
                    if (leaf.isPresent()) {
                        if (bonusAllowed(leaf.get(), a.cell(), a.points(), t)) {
                            claim(leaf.get(), leaf.get().label(), leaf.get().bonus(), a, count, claims, t);
                        }
                        continue;
                    }
                    Optional<BonusItem> item = rubric.bonusItem(a.item());
                    if (item.isEmpty()) {
                        t.flag(UNKNOWN_ITEM, a.cell(), a.item(), "评分细则中没有加分项目“" + a.item() + "”，未计分");
                        continue;
                    }
                    claim(item.get(), item.get().name(), item.get().rule(), a, count, claims, t);
                }
                case DEDUCTION -> {
                    detailedDeduction = true;
                    Optional<DeductionItem> stated = leaf.flatMap(l -> rubric.deductionFor(l.code()));
                    if (leaf.isPresent() && stated.isEmpty()) {
                        BigDecimal points = a.points() == null ? BigDecimal.ZERO : a.points().abs();
                        BigDecimal amount = points.multiply(count);
                        t.deduction = t.deduction.add(amount);
                        t.fromLeaf(leaf.get().code());
                        t.applied.add(new AppliedAdjustment(a.source(), a.type(), leaf.get().label(), a.level(), count,
                                points, BigDecimal.ONE, amount, a.evidence(), a.cell(), "评分项扣分"));
                        continue;
                    }
                    Optional<DeductionItem> item = stated.or(() -> rubric.deductionItem(a.item()));
                    if (item.isEmpty()) {
                        t.flag(UNKNOWN_ITEM, a.cell(), a.item(), "评分细则中没有扣分项目“" + a.item() + "”，未扣分");
                        continue;
                    }
                    deduct(item.get(), a, count, unit, t);
                }
            }
        }
        cases.forEach((leaf, rows) -> EarnedScore.check(leaf, rows, t.leafScores.get(leaf.code()),
                byLeaf.containsKey(leaf.code()) ? byLeaf.get(leaf.code()).cell() : sheet.origin(), t));
        if (!detailedBonus && sheet.bonusTotal() != null && sheet.bonusTotal().signum() != 0 && !grantsBonuses) {
            t.flag(UNKNOWN_ITEM, sheet.bonusCell(), "加分", "评分细则没有任何加分规定，汇总表加分 " + plain(sheet.bonusTotal())
                    + " 未计");
        } else if (!detailedBonus && sheet.bonusTotal() != null && sheet.bonusTotal().signum() != 0) {
            t.bonus = t.bonus.add(sheet.bonusTotal());
            t.applied.add(new AppliedAdjustment(sheet.source(), AdjustmentType.BONUS, "加分", "", BigDecimal.ONE,
                    sheet.bonusTotal(), BigDecimal.ONE, sheet.bonusTotal(), "", sheet.bonusCell(), "汇总表加分栏"));
        }
        if (!detailedDeduction && sheet.deductionTotal() != null && sheet.deductionTotal().signum() != 0
                && !statesDeductions) {
            t.flag(UNKNOWN_ITEM, sheet.deductionCell(), "扣分", "评分细则没有任何扣分项目，汇总表扣分 "
                    + plain(sheet.deductionTotal().abs()) + " 未扣；扣评分项的分请填在该项得分中");
        } else if (!detailedDeduction && sheet.deductionTotal() != null && sheet.deductionTotal().signum() != 0) {
            BigDecimal d = sheet.deductionTotal().abs();
            t.deduction = t.deduction.add(d);
            t.applied.add(new AppliedAdjustment(sheet.source(), AdjustmentType.DEDUCTION, "扣分", "", BigDecimal.ONE,
                    d, BigDecimal.ONE, d, "", sheet.deductionCell(), "汇总表扣分栏"));
        }

        boundLeafDeductions(t);
        for (Map.Entry<Object, List<Claim>> e : claims.entrySet()) {
            countBonus(e.getKey(), e.getValue(), t);
        }
        if (rubric.bonusCap() != null && t.bonus.compareTo(rubric.bonusCap()) > 0) {
            t.flag(BONUS_OVER_CAP, sheet.origin(), "加分合计", "加分合计 " + plain(t.bonus) + " 超过总上限 "
                    + plain(rubric.bonusCap()) + "，按上限计");
            List<Integer> bonusRows = new ArrayList<>();
            for (int i = 0; i < t.applied.size(); i++) {
                if (t.applied.get(i).type() == AdjustmentType.BONUS) {
                    bonusRows.add(i);
                }
            }
            t.capRows(bonusRows, rubric.bonusCap(), "加分合计最多 " + plain(rubric.bonusCap()));
            t.bonus = rubric.bonusCap();
        }

        checkOwnTotal(sheet, rawSum, t);
        return new Scored(sheet.source(), sheet.origin(), t.base, t.bonus, t.deduction, t.vetoed, t.leafScores,
                t.applied, t.discrepancies);
    }

    /**
     * One bonus row for a leaf or bonus item, valued by its rule: points per case by level, fixed points, or
     * (with no rule) the 分值 as claimed. {@code subject} groups rows for highest-level-only rules.
     */
    private void claim(Object target, String label, BonusRule rule, Adjustment a, BigDecimal count,
                       Map<Object, List<Claim>> claims, Tally t) {
        BonusRule r = rule == null ? new BonusRule(Map.of(), null, HighestLevel.NONE, null) : rule;
        BigDecimal perCase;
        if (!r.levels().isEmpty()) {
            Optional<BigDecimal> points = levelPoints(label, r.levels(), a, t, "未计分");
            if (points.isEmpty()) {
                return;
            }
            perCase = points.get();
        } else if (r.points() != null) {
            perCase = r.points();
        } else if (a.points() != null) {
            perCase = a.points().abs();
        } else {
            t.flag(UNKNOWN_ITEM, a.pointsCell(), label, "“" + label + "”需填写分值，未计分");
            return;
        }
        if (!r.levels().isEmpty() || r.points() != null) {
            checkTypedPoints(label, a, perCase, t);
        }
        String subject = Text.key(a.evidence());
        claims.computeIfAbsent(target, k -> new ArrayList<>()).add(new Claim(new AppliedAdjustment(a.source(), a.type(),
                label, a.level(), count, perCase, BigDecimal.ONE, perCase.multiply(count), a.evidence(), a.cell(), ""),
                subject.isEmpty() ? "#" + claims.values().stream().mapToInt(List::size).sum() : subject));
    }

    /** Applies the highest-level-only rule, then the cap, to one leaf's or item's bonus rows, and counts them. */
    private void countBonus(Object target, List<Claim> rows, Tally t) {
        BonusRule rule = target instanceof Leaf leaf ? leaf.bonus() : ((BonusItem) target).rule();
        String label = target instanceof Leaf leaf ? leaf.label() : ((BonusItem) target).name();
        HighestLevel highest = rule == null ? HighestLevel.NONE : rule.highest();
        List<AppliedAdjustment> counted = new ArrayList<>();
        Map<String, Integer> best = new LinkedHashMap<>();
        for (Claim c : rows) {
            if (c.subject() == null || highest == HighestLevel.NONE) {
                counted.add(c.row());
                continue;
            }
            String group = switch (highest) {
                case ITEM -> "";
                case LEVEL -> Text.key(c.row().level());
                default -> c.subject();
            };
            Integer previous = best.get(group);
            AppliedAdjustment once = withAmount(c.row(), c.row().pointsPerCase(),
                    c.row().count().compareTo(BigDecimal.ONE) > 0 ? "按 1 次计" : "");
            if (previous == null) {
                best.put(group, counted.size());
                counted.add(once);
            } else if (c.row().pointsPerCase().compareTo(counted.get(previous).pointsPerCase()) > 0) {
                counted.set(previous, withAmount(counted.get(previous), BigDecimal.ZERO, lowerNote(highest)));
                best.put(group, counted.size());
                counted.add(once);
            } else {
                counted.add(withAmount(c.row(), BigDecimal.ZERO, lowerNote(highest)));
            }
        }
        int first = t.applied.size();
        t.applied.addAll(counted);
        BigDecimal amount = counted.stream().map(AppliedAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cap = target instanceof Leaf leaf ? leaf.bonusCap() : ((BonusItem) target).cap();
        if (cap != null && amount.compareTo(cap) > 0) {
            t.flag(BONUS_OVER_CAP, counted.get(counted.size() - 1).cell(), label, "“" + label + "”加分 " + plain(amount)
                    + " 超过本项上限 " + plain(cap) + "，按上限计");
            List<Integer> indices = new ArrayList<>();
            for (int i = first; i < t.applied.size(); i++) {
                indices.add(i);
            }
            t.capRows(indices, cap, "本项最多加 " + plain(cap));
            amount = cap;
        }
        t.bonus = t.bonus.add(amount);
    }

    /**
     * A leaf gains a bonus only where the rubric grants it one (焦作's criteria state theirs; 山西, 湖南 and 益阳 grant
     * none): otherwise the bonus is reported and not counted.
     */
    private boolean bonusAllowed(Leaf leaf, CellRef cell, BigDecimal amount, Tally t) {
        if (leaf.bonus() != null) {
            return true;
        }
        t.flag(UNKNOWN_ITEM, cell, leaf.label(), "评分细则未规定此项可加分，加分" + (amount == null ? "" : " " + plain(amount))
                + "未计");
        return false;
    }

    /** A 分值 typed beside an item whose points per case the rubric fixes counts the rubric's; a difference is reported. */
    private static void checkTypedPoints(String item, Adjustment a, BigDecimal perCase, Tally t) {
        if (a.points() != null && a.points().abs().compareTo(perCase) != 0) {
            t.flag(POINTS_DIFFER, a.pointsCell(), item, "分值 " + plain(a.points().abs()) + " 与细则规定的每例 "
                    + plain(perCase) + " 分不符，按 " + plain(perCase) + " 分计");
        }
    }

    /** A deduction typed beside a criterion that fixes points per case should be a whole number of cases. */
    private void checkWholeCases(Leaf leaf, BigDecimal points, CellRef cell, Tally t) {
        rubric.deductionFor(leaf.code()).map(DeductionItem::points).ifPresent(perCase -> {
            if (points.remainder(perCase).signum() != 0) {
                t.flag(DEDUCTION_OUT_OF_RANGE, cell, leaf.label(), "扣分 " + plain(points) + " 不是每例 " + plain(perCase)
                        + " 分的整数倍，按所填计");
            }
        });
    }

    private static String lowerNote(HighestLevel highest) {
        return switch (highest) {
            case ITEM -> "只按最高级别计一次";
            case LEVEL -> "每个级别只计一次";
            default -> "同一内容只按最高级别计一次";
        };
    }

    private static AppliedAdjustment withAmount(AppliedAdjustment row, BigDecimal amount, String note) {
        return new AppliedAdjustment(row.source(), row.type(), row.item(), row.level(), row.count(), row.pointsPerCase(),
                row.factor(), amount, row.evidence(), row.cell(), join(row.note(), note));
    }

    /** A bonus row before rules and caps; {@code subject} is null for a 加（扣）分 column total. */
    private record Claim(AppliedAdjustment row, String subject) {
    }

    private void deduct(DeductionItem item, Adjustment a, BigDecimal count, RosterUnit unit, Tally t) {
        BigDecimal perCase;
        String note = "";
        if (!item.levels().isEmpty()) {
            Optional<BigDecimal> points = levelPoints(item.name(), item.levels(), a, t, "未扣分");
            if (points.isEmpty()) {
                return;
            }
            perCase = points.get();
        } else if (item.ranged()) {
            if (a.points() == null) {
                perCase = item.rangeMin();
                note = "未填分值，按最低 " + plain(perCase) + " 分计";
                t.flag(DEDUCTION_OUT_OF_RANGE, a.pointsCell(), item.name(), "“" + item.name() + "”应在 " + plain(item.rangeMin())
                        + "–" + plain(item.rangeMax()) + " 分之间填写分值；" + note);
            } else {
                BigDecimal given = a.points().abs();
                perCase = Decimals.clamp(given, item.rangeMin(), item.rangeMax());
                if (perCase.compareTo(given) != 0) {
                    note = "分值 " + plain(given) + " 超出范围，按 " + plain(perCase) + " 分计";
                    t.flag(DEDUCTION_OUT_OF_RANGE, a.pointsCell(), item.name(), "“" + item.name() + "”分值 " + plain(given)
                            + " 不在 " + plain(item.rangeMin()) + "–" + plain(item.rangeMax()) + " 之间，按 "
                            + plain(perCase) + " 分计");
                }
            }
        } else if (item.points() != null) {
            perCase = item.points();
        } else if (a.points() != null) {
            perCase = a.points().abs();
        } else {
            t.flag(UNKNOWN_ITEM, a.pointsCell(), item.name(), "“" + item.name() + "”需填写分值，未扣分");
            return;
        }
        if (!item.ranged()) {
            checkTypedPoints(item.name(), a, perCase, t);
        }
        BigDecimal factor = BigDecimal.ONE;
        if (item.scaled()) {
            if (unit.headcount() == null) {
                // Counted in full, never silently: the roster must give the headcount the rubric scales by.
                note = join(note, "在职人数未知，未折算");
                t.flag(MISSING_HEADCOUNT, a.cell(), item.name(), "“" + item.name() + "”按在职人数折算，但单位名单没有"
                        + "该单位的在职人数：按未折算的分值计，请在单位名单中补上在职人数");
            } else {
                factor = rubric.headcountFactor(unit.headcount());
                if (factor.compareTo(BigDecimal.ONE) != 0) {
                    note = join(note, "在职 " + unit.headcount() + " 人，按 " + factor.movePointRight(2).stripTrailingZeros().toPlainString() + "% 扣分");
                }
            }
        }
        BigDecimal amount = perCase.multiply(count).multiply(factor);
        t.deduction = t.deduction.add(amount);
        if (item.leafCode() != null) {
            t.fromLeaf(item.leafCode());
        }
        if (item.disqualifies()) {
            // One rule that deducts and disqualifies: a 否决 row naming it only disqualifies, deducting nothing more.
            String consequence = rubric.vetoItem(item.name()).map(v -> v.consequence()).orElse("");
            t.veto(a.cell(), item.name(), join("一票否决：" + item.name(), consequence, a.evidence()));
        }
        t.applied.add(new AppliedAdjustment(a.source(), a.type(), item.name(), a.level(), count, perCase, factor, amount,
                a.evidence(), a.cell(), note));
    }

    /** The workbook's own 合计 is right if it is the sum as written, the computed base, or the computed total. */
    private void checkOwnTotal(ScoreSheet sheet, BigDecimal rawSum, Tally t) {
        if (sheet.ownTotal() == null) {
            return;
        }
        BigDecimal own = sheet.ownTotal();
        BigDecimal total = t.base.add(t.bonus).subtract(t.deduction);
        if (own.compareTo(rawSum) == 0 || own.compareTo(t.base) == 0 || own.compareTo(total) == 0) {
            return;
        }
        String ownShown = plain(own);
        t.discrepancies.add(new Discrepancy(OWN_TOTAL_DIFFERS, t.unit, sheet.ownTotalCell(), "合计",
                sheet.source() == Source.SELF ? ownShown : "", sheet.source() == Source.INSPECTION ? ownShown : "",
                sheet.source().label() + "：表内合计 " + ownShown + "，按评分项计算基础分 " + plain(t.base) + "、总分 "
                        + plain(total)));
    }

    /** Points per case for the adjustment's 级别; an unknown level is reported and counts nothing. */
    static Optional<BigDecimal> levelPoints(String item, Map<String, BigDecimal> levels, Adjustment a, Tally t,
                                                    String consequence) {
        String key = Text.key(a.level());
        Optional<BigDecimal> points = levels.entrySet().stream().filter(e -> Text.key(e.getKey()).equals(key))
                .map(Map.Entry::getValue).findFirst();
        if (points.isEmpty()) {
            t.flag(UNKNOWN_ITEM, a.levelCell(), item, "“" + item + "”没有级别“" + Text.oneLine(a.level()) + "”（可选："
                    + String.join("、", levels.keySet()) + "），" + consequence);
        }
        return points;
    }

    /**
     * A deduction taken out of an item is bounded by that item's 分值 (seed 003 （六）2, 分值 4, 2 per 通报批评: three
     * reprimands take 4): its rows are cut, last first, and the excess is reported at the last row's cell.
     */
    private void boundLeafDeductions(Tally t) {
        t.leafDeductionRows.forEach((code, rows) -> {
            Leaf leaf = rubric.leaf(code).orElseThrow();
            BigDecimal sum = rows.stream().map(i -> t.applied.get(i).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(leaf.max()) <= 0) {
                return;
            }
            t.flag(DEDUCTION_OUT_OF_RANGE, t.applied.get(rows.get(rows.size() - 1)).cell(), leaf.label(), "扣分合计 "
                    + plain(sum) + " 超过该项分值 " + plain(leaf.max()) + "，按 " + plain(leaf.max()) + " 分扣");
            t.capRows(rows, leaf.max(), "以该项分值 " + plain(leaf.max()) + " 为限");
            t.deduction = t.deduction.subtract(sum.subtract(leaf.max()));
        });
    }
}
