package org.kaoping.normalize;

import java.util.List;
import java.util.Set;
import org.kaoping.text.Text;

/**
 * The words units and inspection groups use in their workbooks (workbook-formats.md), and offices in the blank tables
 * rubrics are imported from, kept in one place. All comparisons go through {@link Text#key}, so line breaks, spaces
 * and full-width forms do not matter.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    static final Set<String> SCORE = keys("得分", "自评得分", "自查得分", "自评分", "评分", "实得分", "考核得分");
    static final Set<String> ADJUSTMENT = keys("加（扣）分", "加扣分", "加减分");
    public static final Set<String> MAX = keys("分值", "标准分", "满分");
    public static final Set<String> ITEM_TEXT = keys("考核内容及标准", "考核内容", "考评标准", "测评标准", "考评内容", "考核指标", "测评内容");
    public static final Set<String> CATEGORY = keys("项目", "考核项目", "考评项目", "测评项目");
    static final Set<String> NOTES = keys("备注", "说明", "扣分原因", "责任部门");
    public static final Set<String> TOTAL_ROW = keys("合计", "总分", "总计", "得分合计");

    /** A rubric table's (自查打分表) columns besides those above: a leaf's name, how it is checked, who answers for it. */
    public static final Set<String> INDICATOR = keys("考核指标", "评价指标", "测评指标", "二级指标", "指标名称");
    public static final Set<String> METHOD = keys("考核方法", "考评方法", "评价方法", "检查方法", "考核方式");
    public static final Set<String> NUMBER = keys("序号", "编号");
    public static final Set<String> DEPARTMENT = keys("责任部门", "责任单位", "责任科室", "牵头部门");

    /** Labels above a table that name the unit: {@code 填报单位：省财政厅}, or the name in the next cell. */
    static final List<String> UNIT_LABELS = List.of("填报单位", "单位名称", "被考核单位", "申报单位");
    static final List<String> GROUP_LABELS = List.of("考核组", "考核调研组", "考评组");

    /** Matrix (汇总表) columns besides the leaves. */
    static final Set<String> MATRIX_UNIT = keys("单位名称", "被考核单位");
    static final Set<String> MATRIX_BONUS = keys("加分");
    static final Set<String> MATRIX_DEDUCTION = keys("扣分");
    static final Set<String> MATRIX_TOTAL = keys("合计", "总分", "得分合计");

    /** Adjustment (加扣分) sheets: by sheet name, and by header. */
    static final List<String> ADJUSTMENT_SHEET_NAMES = List.of("加扣分", "加分申报", "加减分", "扣分申报");
    static final Set<String> ADJ_UNIT = keys("单位名称", "被考核单位");
    static final Set<String> ADJ_TYPE = keys("类型");
    static final Set<String> ADJ_ITEM = keys("项目", "加扣分项目");
    static final Set<String> ADJ_LEVEL = keys("级别");
    static final Set<String> ADJ_COUNT = keys("次数", "数量");
    static final Set<String> ADJ_POINTS = keys("分值");
    static final Set<String> ADJ_EVIDENCE = keys("说明", "佐证", "佐证材料");

    /** Header rows are looked for in the first rows only. */
    public static final int HEADER_SEARCH_ROWS = 15;

    /**
     * Whether {@code text}'s key is one of {@code words}. Most cells a reader checks (an item's text, a category)
     * begin with an ideograph that begins none of the words, and are told apart without making their key.
     */
    public static boolean isOneOf(Set<String> words, String text) {
        if (Text.startsWithIdeograph(text)) {
            char first = text.charAt(0);
            boolean possible = false;
            for (String word : words) {
                possible |= word.charAt(0) == first;
            }
            if (!possible) {
                return false;
            }
        }
        return words.contains(Text.key(text));
    }

    private static Set<String> keys(String... words) {
        return java.util.Arrays.stream(words).map(Text::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
