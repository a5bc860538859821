package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kaoping.normalize.Vocabulary;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Text;

/**
 * Reads an office's rubric table into a {@link RubricDraft}, by the same header words and merged cells as returned
 * workbooks are read, the header row anywhere in the first rows. The layouts of the seeds:
 * <ul>
 *   <li>山西 (seed 000): 项目 / 考核指标 / 考核内容及标准 / 考核方法 / 分值 / 得分, a category cell merged over its leaves;</li>
 *   <li>焦作 (seed 003): 考核项目 / 考核内容及标准 / 加（扣）分 / 得分, a leaf's points in its text ({@code 分值5分});</li>
 *   <li>益阳 (seed 004): 序号 / 考评内容 / 考评标准 / 考评方法 / 责任部门, the category in the first two, a leaf's
 *       points the sum of its parts' {@code (2分)}, the 特色加分项目 below as rules;</li>
 *   <li>湖南 (seed 001): 考评项目 / 考评内容 / 考评标准 / 责任部门, three levels, a leaf's points at the end of its text.</li>
 * </ul>
 * Leaves are coded by the numbers the table shows ({@code （1）}, and {@code （一）1} where they restart in every
 * category), else by position ({@code 类别序号.位置}), as the bundled rubrics code them.
 */
final class RubricTable {
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s、，,；;/]+");

    /**
     * Where the table's columns are, by their header words; -1 when it has none. {@code text} is the last
     * 考核内容-like column; an earlier one is the category (after a 序号 column) or the indicator (after a 项目 column).
     */
    private record Columns(int header, int number, int category, int indicator, int name, int text, int methods,
                           int max, int departments) {
        boolean pointsInText() {
            return max < 0;
        }
    }

    private RubricTable() {
    }

    /** The table in the first of {@code sheets} that has one; a table without the columns gets a cell-named error. */
    static RubricDraft read(String file, List<SheetGrid> sheets) {
        for (SheetGrid grid : sheets) {
            Optional<Columns> columns = columns(grid);
            if (columns.isPresent()) {
                return new Reading(file, grid, columns.get()).read();
            }
        }
        throw new AuthoringException(file + "：找不到评分表的表头（需要“分值”或“项目”一列，以及“考核指标”或“考核内容及标准”）");
    }

    private static Optional<Columns> columns(SheetGrid grid) {
        int last = Math.min(grid.lastRow(), Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            int number = -1, category = -1, name = -1, methods = -1, max = -1, departments = -1;
            List<Integer> texts = new ArrayList<>();
            for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                String cell = e.getValue().text();
                int col = e.getKey();
                if (number < 0 && Vocabulary.isOneOf(Vocabulary.NUMBER, cell)) {
                    number = col;
                } else if (category < 0 && Vocabulary.isOneOf(Vocabulary.CATEGORY, cell)) {
                    category = col;
                } else if (name < 0 && Vocabulary.isOneOf(Vocabulary.INDICATOR, cell)) {
                    name = col;
                } else if (Vocabulary.isOneOf(Vocabulary.ITEM_TEXT, cell)) {
                    texts.add(col);
                } else if (methods < 0 && Vocabulary.isOneOf(Vocabulary.METHOD, cell)) {
                    methods = col;
                } else if (max < 0 && Vocabulary.isOneOf(Vocabulary.MAX, cell)) {
                    max = col;
                } else if (departments < 0 && Vocabulary.isOneOf(Vocabulary.DEPARTMENT, cell)) {
                    departments = col;
                }
            }
            int text = texts.isEmpty() ? -1 : texts.get(texts.size() - 1);
            int before = texts.size() > 1 ? texts.get(0) : -1;
            int indicator = category >= 0 ? before : -1;
            category = category >= 0 ? category : before;
            if (max >= 0 && (category >= 0 || name >= 0 || text >= 0) || max < 0 && text >= 0 && category >= 0) {
                return Optional.of(new Columns(r, number, category, indicator, name, text, methods, max, departments));
            }
        }
        return Optional.empty();
    }

    /** One pass down the table below its header, closing a category or indicator when its label changes. */
    private static final class Reading {
        private final String file;
        private final SheetGrid grid;
        private final Columns c;
        private final List<RubricDraft.Category> categories = new ArrayList<>();
        private String categoryLabel;
        private final List<RubricDraft.Indicator> indicators = new ArrayList<>();
        private final List<RubricDraft.Leaf> categoryLeaves = new ArrayList<>();
        private String indicatorLabel;
        private final List<RubricDraft.Leaf> indicatorLeaves = new ArrayList<>();

        Reading(String file, SheetGrid grid, Columns c) {
            this.file = file;
            this.grid = grid;
            this.c = c;
        }

        RubricDraft read() {
            int r = c.header() + 1;
            for (; r <= grid.lastRow(); r++) {
                if (isTotalRow(r)) {
                    break;
                }
                if (isRepeatedHeader(r)) {
                    continue;
                }
                boolean leafRow = isLeafRow(r);
                String label = categoryLabel(r);
                if (!leafRow && !label.isEmpty() && rowHasOnly(r, c.category())) {
                    // A category on a row of its own (一、组织领导（20分）across the table).
                    label = TableText.oneLine(grid.own(r, c.category()).text());
                }
                if ((!leafRow || c.pointsInText()) && TableText.opensRules(label) && TableText.category(label).max() == null) {
                    break;
                }
                if (!label.isEmpty() && !label.equals(categoryLabel) && (leafRow || rowHasOnly(r, c.category()))) {
                    closeCategory();
                    categoryLabel = label;
                }
                if (!leafRow) {
                    continue;
                }
                if (categoryLabel == null) {
                    throw new AuthoringException(ref(r, Math.max(0, c.category())) + "：评分项之前没有一级指标（项目）");
                }
                String indicator = c.indicator() < 0 ? "" : TableText.oneLine(grid.get(r, c.indicator()).text());
                if (!Objects.equals(indicator, indicatorLabel)) {
                    closeIndicator();
                    indicatorLabel = indicator;
                }
                indicatorLeaves.add(leaf(r));
            }
            closeCategory();
            if (categories.isEmpty()) {
                throw new AuthoringException(ref(c.header(), Math.max(c.max(), c.text())) + "：表头下没有带分值的评分项");
            }
            return new RubricDraft(title(), LeafCodes.assign(categories), prose(r));
        }

        private RubricDraft.Leaf leaf(int r) {
            String cell = c.text() < 0 ? "" : grid.own(r, c.text()).text();
            // With a name column the text is the leaf's own list of items (1、… 2、…), not numbered leaves.
            TableText.LeafText text = c.name() >= 0
                    ? new TableText.LeafText(null, TableText.lines(cell), null)
                    : TableText.leaf(cell, c.pointsInText());
            BigDecimal max = text.points();
            if (!c.pointsInText()) {
                GridCell maxCell = grid.own(r, c.max());
                if (maxCell.number() == null) {
                    throw new AuthoringException(ref(r, c.max()) + "：分值“" + Text.oneLine(maxCell.text()) + "”不是数值");
                }
                max = maxCell.number();
            } else if (max == null) {
                throw new AuthoringException(ref(r, c.text()) + "：找不到分值（表中没有“分值”一列，文字中也没有“分值N分”"
                        + "“N分”或“（N分）”）");
            }
            String name = c.name() < 0 ? "" : TableText.oneLine(grid.own(r, c.name()).text());
            return new RubricDraft.Leaf(null, text.number(), name.isEmpty() ? TableText.shortName(text.text()) : name,
                    text.text(), max, list(r, c.methods()), list(r, c.departments()), text.parts(), r + 1);
        }

        private void closeIndicator() {
            if (!indicatorLeaves.isEmpty()) {
                if (c.indicator() >= 0) {
                    TableText.Label label = TableText.indicator(indicatorLabel);
                    indicators.add(new RubricDraft.Indicator(null, label.name(),
                            label.max() != null ? label.max() : sum(indicatorLeaves), List.copyOf(indicatorLeaves)));
                }
                categoryLeaves.addAll(indicatorLeaves);
                indicatorLeaves.clear();
            }
            indicatorLabel = null;
        }

        /** Ends a category: its code, name and maximum from its label ({@code 一  强化政治引领  领导班子好（16分）}). */
        private void closeCategory() {
            closeIndicator();
            if (categoryLabel != null && !categoryLeaves.isEmpty()) {
                TableText.Label label = TableText.category(categoryLabel);
                String code = label.code() != null ? label.code() : TableText.chinese(categories.size() + 1);
                categories.add(new RubricDraft.Category(code, label.name(),
                        label.max() != null ? label.max() : sum(categoryLeaves), List.copyOf(indicators),
                        List.copyOf(categoryLeaves)));
            }
            indicators.clear();
            categoryLeaves.clear();
        }

        private boolean isLeafRow(int r) {
            if (!c.pointsInText()) {
                return !grid.own(r, c.max()).isEmpty();
            }
            return !grid.own(r, c.text()).isEmpty() && !grid.isMergeContinuation(r, c.text());
        }

        /** The category as the row shows it: the 序号 and the category column's (merged) text, on one line. */
        private String categoryLabel(int r) {
            String number = c.number() < 0 || c.number() == c.category() ? ""
                    : TableText.oneLine(grid.get(r, c.number()).text());
            String category = c.category() < 0 ? "" : TableText.oneLine(grid.get(r, c.category()).text());
            return (number + " " + category).strip();
        }

        /** A header repeated on a new page: its text column says 考评标准 (or the like) again. */
        private boolean isRepeatedHeader(int r) {
            return c.text() >= 0 && Vocabulary.isOneOf(Vocabulary.ITEM_TEXT, grid.own(r, c.text()).text())
                    || c.max() >= 0 && Vocabulary.isOneOf(Vocabulary.MAX, grid.own(r, c.max()).text());
        }

        /** The table's title: the last text above the header in a row of one cell (《…自查打分表》), without its brackets. */
        private String title() {
            for (int r = c.header() - 1; r >= 0; r--) {
                List<String> texts = grid.row(r).values().stream().map(GridCell::text).map(Text::oneLine)
                        .filter(t -> !t.isEmpty()).toList();
                if (texts.size() == 1 && !texts.get(0).contains("：") && !texts.get(0).contains(":")) {
                    return texts.get(0).replaceAll("[《》]", "").replaceAll("(自查|自评)?打分表$", "").strip();
                }
            }
            return "";
        }

        /** Every text from row {@code from} down, a line each: the rules the table states in prose. */
        private List<String> prose(int from) {
            List<String> out = new ArrayList<>();
            for (int r = from; r <= grid.lastRow(); r++) {
                List<String> row = new ArrayList<>();
                for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                    GridCell cell = e.getValue();
                    String text = TableText.lines(cell.text());
                    if (!text.isEmpty() && !Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, text) && cell.number() == null
                            && !grid.isMergeContinuation(r, e.getKey())) {
                        List<String> lines = Arrays.asList(text.split("\n"));
                        // A label wrapped over short lines (特色加\n分项目) is one line again.
                        boolean label = lines.stream().allMatch(l -> l.length() <= 4);
                        row.addAll(label ? List.of(String.join("", lines)) : lines);
                    }
                }
                out.addAll(row);
            }
            return out;
        }

        private boolean isTotalRow(int r) {
            for (GridCell cell : grid.row(r).values()) {
                if (!cell.isEmpty()) {
                    return Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, cell.text());
                }
            }
            return false;
        }

        /** Whether row {@code r} has no text of its own but in column {@code col}. */
        private boolean rowHasOnly(int r, int col) {
            for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                if (e.getKey() != col && !e.getValue().isEmpty() && !grid.isMergeContinuation(r, e.getKey())) {
                    return false;
                }
            }
            return true;
        }

        private List<String> list(int r, int col) {
            if (col < 0) {
                return List.of();
            }
            return Arrays.stream(LIST_SEPARATORS.split(grid.own(r, col).text())).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }

        private String ref(int row, int col) {
            return new CellRef(file, grid.name(), CellRef.a1(row, col)).toString();
        }
    }

    private static BigDecimal sum(List<RubricDraft.Leaf> leaves) {
        return leaves.stream().map(RubricDraft.Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
