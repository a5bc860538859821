package org.kaoping.report.feedback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kaoping.report.feedback.PlainSheet.Style;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.ranking.DisplayRounding;

/**
 * One unit's 反馈表, as the committee sends it back: its result, each leaf with where it lost points, its bonuses and
 * deductions with the cells they came from, and the discrepancies about it. Nothing of any other unit.
 */
final class FeedbackSheet {
    /** 编号, 评分项, 分值, 考核得分, 自评得分, 失分, 考核方法, 责任部门, 责任人 (Latin characters). */
    private static final int[] WIDTHS = {11, 30, 10, 10, 10, 10, 26, 16, 12};
    static final List<String> LEAF_HEADER = List.of("编号", "评分项", "分值", "考核得分", "自评得分", "失分", "考核方法",
            "责任部门", "责任人");
    static final List<String> ADJUSTMENT_HEADER = List.of("来源", "类型", "项目", "级别", "次数", "每次分值", "计入分值",
            "说明", "出处");
    static final List<String> DISCREPANCY_HEADER = List.of("类型", "项目", "自评值", "考核值", "说明", "", "", "",
            "出处");
    static final String LEAVES = "一、分项得分";
    static final String ADJUSTMENTS = "二、加分和扣分";
    static final String DISCREPANCIES = "三、需要核对的差异";
    static final String NONE = "无";
    static final String TOTAL = "合计";

    private FeedbackSheet() {
    }

    /** A leaf row's cells that are the same for every unit: 编号, 评分项, 分值 and 考核方法, 责任部门, 责任人. */
    record LeafCells(byte[] start, byte[] end) {
    }

    /** The rows the sheet begins with, above the leaves: title, summary, a gap, the section title and header. */
    private static final int ROWS_ABOVE_LEAVES = 7;
    /** The columns of a leaf row that differ by unit: 考核得分, 自评得分, 失分. */
    private static final int FIRST_SCORE_COLUMN = 3;
    private static final int LAST_SCORE_COLUMN = 5;

    /** Each leaf's fixed cells, made once for all units' sheets. */
    static List<LeafCells> leafCells(Rubric rubric, DisplayRounding rounding, PlainSheet.Encoded encoded) {
        List<LeafCells> out = new ArrayList<>();
        List<Leaf> leaves = rubric.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            int row = ROWS_ABOVE_LEAVES + 1 + i;
            out.add(new LeafCells(
                    PlainSheet.fragment(encoded, row, 0, s -> s.text(Style.TEXT, leaf.code())
                            .text(Style.TEXT, leaf.name()).score(rounding.shown(leaf.max()))),
                    PlainSheet.fragment(encoded, row, LAST_SCORE_COLUMN + 1, s -> s
                            .text(Style.TEXT, String.join("、", leaf.methods())).text(Style.TEXT, leaf.departmentsShown())
                            .text(Style.TEXT, leaf.peopleShown()))));
        }
        return out;
    }

    /** The 反馈表 of {@code unit}, as a sheet; {@code discrepancies} are those about it alone. */
    static PlainSheet write(String campaignName, Rubric rubric, List<LeafCells> leafCells, DisplayRounding rounding,
                            UnitResult unit, List<Discrepancy> discrepancies, PlainSheet.Encoded encoded) {
        PlainSheet sheet = new PlainSheet(encoded, WIDTHS);
        sheet.row(24).text(Style.TITLE, campaignName + " 反馈表").merge(0, WIDTHS.length - 1);
        summary(sheet, rounding, unit);
        sheet.gap();
        leaves(sheet, rubric, leafCells, rounding, unit);
        sheet.gap();
        adjustments(sheet, rounding, unit);
        sheet.gap();
        discrepancies(sheet, discrepancies);
        return sheet;
    }

    private static void summary(PlainSheet sheet, DisplayRounding rounding, UnitResult u) {
        Scored official = u.official();
        sheet.row();
        pair(sheet, "单位名称", u.unit().name());
        pair(sheet, "分组", u.unit().division());
        pair(sheet, "考核组", u.scoredBy() != null ? u.scoredBy() : u.unit().group());
        pair(sheet, "状态", u.status().label());
        sheet.row();
        sheet.text(Style.LABEL, "总分").score(rounding.shown(u.total()));
        sheet.text(Style.LABEL, "排名").number(u.rank());
        sheet.text(Style.LABEL, "分组排名").number(u.divisionRank());
        pair(sheet, "等次", u.grade());
        sheet.row();
        sheet.text(Style.LABEL, "基础分").score(rounding.shown(official == null ? null : official.base()));
        sheet.text(Style.LABEL, "加分").score(rounding.shown(official == null ? null : official.bonus()));
        sheet.text(Style.LABEL, "扣分").score(rounding.shown(official == null ? null : official.deduction()));
        sheet.text(Style.LABEL, "自评总分").score(rounding.shown(u.selfTotal()));
    }

    private static void pair(PlainSheet sheet, String label, String value) {
        sheet.text(Style.LABEL, label).text(Style.TEXT, value);
    }

    /** Every leaf with its 分值, both scores and 失分 (分值 − 考核得分), then their sums. */
    private static void leaves(PlainSheet sheet, Rubric rubric, List<LeafCells> leafCells, DisplayRounding rounding,
                               UnitResult u) {
        section(sheet, LEAVES);
        header(sheet, LEAF_HEADER);
        Scored official = u.official();
        Scored self = u.self();
        BigDecimal max = BigDecimal.ZERO;
        BigDecimal lost = official == null ? null : BigDecimal.ZERO;
        List<Leaf> leaves = rubric.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            BigDecimal score = official == null ? null : official.leafScores().getOrDefault(leaf.code(), BigDecimal.ZERO);
            BigDecimal lostHere = score == null || leaf.max() == null ? null : leaf.max().subtract(score);
            if (leaf.max() != null) {
                max = max.add(leaf.max());
            }
            if (lostHere != null) {
                lost = lost.add(lostHere);
            }
            sheet.row(leafCells.get(i).start(), FIRST_SCORE_COLUMN).score(rounding.shown(score))
                    .score(rounding.shown(self == null ? null : self.leafScores().get(leaf.code())))
                    .score(rounding.shown(lostHere)).cells(leafCells.get(i).end(), LEAF_HEADER.size());
        }
        sheet.row().text(Style.LABEL, TOTAL).text(Style.LABEL, "").mergeFrom(0)
                .score(rounding.shown(max)).score(rounding.shown(official == null ? null : official.base()))
                .score(rounding.shown(self == null ? null : self.base())).score(rounding.shown(lost))
                .text(Style.TEXT, "").text(Style.TEXT, "").text(Style.TEXT, "");
    }

    /** Bonuses and deductions as counted, from the inspection group's sheet and from the unit's own. */
    private static void adjustments(PlainSheet sheet, DisplayRounding rounding, UnitResult u) {
        section(sheet, ADJUSTMENTS);
        header(sheet, ADJUSTMENT_HEADER);
        List<AppliedAdjustment> all = new ArrayList<>();
        for (Scored scored : new Scored[] {u.official(), u.self()}) {
            if (scored != null) {
                all.addAll(scored.adjustments());
            }
        }
        if (all.isEmpty()) {
            none(sheet, ADJUSTMENT_HEADER.size());
        }
        for (AppliedAdjustment a : all) {
            sheet.row().text(Style.TEXT, a.source().label()).text(Style.TEXT, a.type().label())
                    .text(Style.TEXT, a.item()).text(Style.TEXT, a.level()).number(plain(a.count()))
                    .score(rounding.shown(a.pointsPerCase())).score(rounding.shown(a.amount()))
                    .text(Style.TEXT, join(a.evidence(), a.note()))
                    .text(Style.TEXT, a.cell() == null ? null : a.cell().toString());
        }
    }

    private static void discrepancies(PlainSheet sheet, List<Discrepancy> discrepancies) {
        section(sheet, DISCREPANCIES);
        header(sheet, DISCREPANCY_HEADER);
        sheet.merge(4, 7);
        if (discrepancies.isEmpty()) {
            none(sheet, DISCREPANCY_HEADER.size());
        }
        for (Discrepancy d : discrepancies) {
            sheet.row().text(Style.TEXT, d.kind().label()).text(Style.TEXT, d.item()).text(Style.TEXT, d.selfValue())
                    .text(Style.TEXT, d.officialValue()).text(Style.TEXT, d.message()).text(Style.TEXT, "")
                    .text(Style.TEXT, "").text(Style.TEXT, "").mergeFrom(4)
                    .text(Style.TEXT, d.where() == null ? null : d.where().toString());
        }
    }

    private static void section(PlainSheet sheet, String title) {
        sheet.row(20).text(Style.SECTION, title);
    }

    private static void header(PlainSheet sheet, List<String> titles) {
        sheet.row();
        titles.forEach(t -> sheet.text(Style.HEADER, t));
    }

    private static void none(PlainSheet sheet, int columns) {
        sheet.row().text(Style.TEXT, NONE);
        for (int i = 1; i < columns; i++) {
            sheet.text(Style.TEXT, "");
        }
        sheet.mergeFrom(0);
    }

    private static BigDecimal plain(BigDecimal count) {
        return count == null ? null : count.stripTrailingZeros();
    }

    private static String join(String evidence, String note) {
        if (note == null || note.isBlank()) {
            return evidence;
        }
        return evidence == null || evidence.isBlank() ? note : evidence + "；" + note;
    }
}
