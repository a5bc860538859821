package org.kaoping.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.BonusItem;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.DeductionItem;
import org.kaoping.rubric.HeadcountBand;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.VetoItem;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/** A small rubric with every rule kind, built in code, in the shape of Hunan 2023. */
public final class Fixtures {
    private Fixtures() {
    }

    public static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** Two categories: 一 (1.1 max 6, 1.2 max 4 with bonus cap 1) and 二 (2.1 max 10). */
    public static Rubric rubric() {
        Leaf a = new Leaf("1.1", "思想建设", "", d("6"), "一", 1, 1, List.of(), List.of(), null);
        Leaf b = new Leaf("1.2", "民主建设", "", d("4"), "一", 1, 2, List.of(), List.of(), d("1"));
        Leaf c = new Leaf("2.1", "领导机制", "", d("10"), "二", 2, 1, List.of(), List.of(), null);
        List<Category> categories = List.of(
                new Category("一", "领导班子好", d("10"), 1, List.of(), List.of(a, b)),
                new Category("二", "工作制度好", d("10"), 2, List.of(), List.of(c)));
        List<BonusItem> bonus = List.of(
                new BonusItem("荣誉称号", List.of(), Map.of("国家级", d("5"), "省部级", d("3")), null, null),
                new BonusItem("特色创建", List.of(), Map.of("国家级", d("3"), "省部级", d("2")), null, d("10")));
        List<DeductionItem> deductions = List.of(
                new DeductionItem("通报批评", List.of(), Map.of(), d("3"), null, null, false),
                new DeductionItem("党纪处分", List.of("受党纪处分"), Map.of(), null, d("2"), d("6"), true),
                new DeductionItem("虚假信息", List.of(), Map.of(), d("5"), null, null, false));
        List<HeadcountBand> bands = List.of(new HeadcountBand(200, 500, d("0.6")), new HeadcountBand(501, null, d("0.4")));
        return new Rubric("test", "测试细则", d("20"), categories, d("20"), bonus, deductions,
                List.of(new VetoItem("虚假信息", List.of(), "取消晋级资格")), bands);
    }

    public static RosterUnit unit(String name, Integer headcount, String division, String group) {
        return new RosterUnit(name, List.of(), headcount, division, group);
    }

    public static CellRef cell(String file, String a1) {
        return new CellRef(file, "评分表", a1);
    }

    /** A sheet scoring 1.1, 1.2, 2.1 with the given values ("" = blank, non-numbers = unreadable). */
    public static ScoreSheet sheet(Source source, String unit, String group, String file, long modified, String... values) {
        String[] codes = {"1.1", "1.2", "2.1"};
        List<LeafScore> scores = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            BigDecimal v = values[i].matches("-?\\d+(\\.\\d+)?") ? d(values[i]) : null;
            scores.add(LeafScore.of(codes[i], v, values[i], cell(file, "F" + (5 + i))));
        }
        return new ScoreSheet(source, unit, group, new CellRef(file, "评分表", ""), modified, scores, null, null, null,
                null, null, null);
    }

    public static Adjustment adjustment(String unit, AdjustmentType type, String item, String level, String count,
                                 String points, String a1) {
        return new Adjustment(Source.INSPECTION, unit, "考核一组", 0, type, item, level,
                count == null ? null : d(count), points == null ? null : d(points), "佐证", cell("组.xlsx", a1));
    }
}
