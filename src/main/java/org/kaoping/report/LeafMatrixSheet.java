package org.kaoping.report;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.UnitResult;

/**
 * 分项得分矩阵: a row per unit and a column per leaf, the leaves under their categories, as inspection groups lay out
 * their own 汇总表, so that staff can compare units item by item. Two header rows: the categories (merged over their
 * leaves) above the leaves with their 分值. Scores are the official ones; a unit 未考核 has a blank row.
 */
final class LeafMatrixSheet {
    static final String NAME = "分项得分矩阵";
    /** The columns before the leaves; 基础分 follows them. */
    static final List<SheetStyles.Column> LEADING = List.of(SheetStyles.column("排名", 6),
            SheetStyles.column("单位名称", SheetStyles.NAME), SheetStyles.column("分组", SheetStyles.SHORT),
            SheetStyles.column("状态", 8));
    private static final int LEAF_CHARS = 12;
    private static final int HEADER_LINES = 4;

    private LeafMatrixSheet() {
    }

    static void write(SheetStyles styles, RankingWorkbookWriter.Heading heading, CampaignResult result) {
        List<Category> categories = result.rubric().categories();
        List<Leaf> leaves = result.rubric().leaves();
        int columns = LEADING.size() + leaves.size() + 1;
        Sheet sheet = styles.sheet(NAME);
        Row top = sheet.createRow(0);
        Row bottom = sheet.createRow(1);
        bottom.setHeightInPoints(SheetStyles.LINE_POINTS * HEADER_LINES);
        for (int i = 0; i < LEADING.size(); i++) {
            spanned(styles, sheet, top, bottom, i, LEADING.get(i));
        }
        int col = LEADING.size();
        for (Category category : categories) {
            int first = col;
            for (Leaf leaf : category.leaves()) {
                sheet.setColumnWidth(col, LEAF_CHARS * 256);
                styles.headerCell(top, col, col == first ? categoryHeader(category) : "");
                styles.headerCell(bottom, col, leafHeader(leaf));
                col++;
            }
            if (col - first > 1) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, first, col - 1));
            }
        }
        spanned(styles, sheet, top, bottom, col, SheetStyles.column("基础分", SheetStyles.SCORE));
        sheet.createFreezePane(2, 2);
        styles.printed(sheet, 0, 1);
        SheetStyles.acrossPagesIfWide(sheet, col + 1, 2);
        Set<String> repeated = new LinkedHashSet<>();
        result.units().forEach(u -> repeated.add(u.unit().division()));
        styles.tableRows(sheet, columns, result.units(), repeated, true, (rows, u) -> {
            Scored official = u.official();
            rows.number(u.rank());
            rows.text(u.unit().name());
            rows.text(u.unit().division());
            rows.text(u.status().label());
            for (Leaf leaf : leaves) {
                rows.score(official == null ? null : official.leafScores().get(leaf.code()));
            }
            rows.score(official == null ? null : official.base());
        });
    }

    /** A column headed by one text over both header rows. */
    private static void spanned(SheetStyles styles, Sheet sheet, Row top, Row bottom, int col,
                                SheetStyles.Column column) {
        sheet.setColumnWidth(col, SheetStyles.width(column));
        styles.headerCell(top, col, column.title());
        styles.headerCell(bottom, col, "");
        sheet.addMergedRegion(new CellRangeAddress(0, 1, col, col));
    }

    /** {@code 一 领导班子好（16分）}. */
    static String categoryHeader(Category category) {
        String title = RankingWorkbookWriter.categoryTitle(category);
        return category.max() == null ? title : title + "（" + points(category.max()) + "分）";
    }

    /** {@code 1.1 组织领导（4分）}: the leaf as reports show it, with its 分值. */
    static String leafHeader(Leaf leaf) {
        return leaf.max() == null ? leaf.label() : leaf.label() + "（" + points(leaf.max()) + "分）";
    }

    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
