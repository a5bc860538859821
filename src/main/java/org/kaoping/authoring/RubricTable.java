package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaoping.normalize.Vocabulary;
import org.kaoping.read.GridCell;
import org.kaoping.read.SheetGrid;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.text.Text;

/**
 * Reads a blank 自查打分表 (seed 000's layout: 项目 / 考核指标 / 考核内容及标准 / 考核方法 / 分值 / 得分) into a
 * {@link RubricDraft}, by the same header words and merged cells as returned workbooks are read: the header row anywhere
 * in the first rows, a category in a cell merged over its leaves ({@code 一  强化政治引领  领导班子好（16分）}) or on a row
 * of its own, one leaf a row with its 分值. Leaves are coded as the bundled rubrics code them, {@code 类别序号.位置}.
 */
final class RubricTable {
    private static final Pattern CATEGORY = Pattern.compile(
            "^\\s*([一二三四五六七八九十]+|\\d+)\\s*[、.．，,\\s]*(.*?)\\s*(?:[（(]\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[）)])?\\s*$");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\n、，,；;/]+");
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** Where the table's columns are, by their header words; -1 when it has none. */
    private record Columns(int header, int category, int name, int text, int methods, int max, int departments) {
    }

    private RubricTable() {
    }

    /** The table in the first of {@code sheets} that has one; a table without the columns gets a cell-named error. */
    static RubricDraft read(String file, List<SheetGrid> sheets) {
        for (SheetGrid grid : sheets) {
            Optional<Columns> columns = columns(grid);
            if (columns.isPresent()) {
                return read(file, grid, columns.get());
            }
        }
        throw new AuthoringException(file + "：找不到评分表的表头（需要“分值”一列，以及“项目”“考核指标”或“考核内容及标准”）");
    }

    private static Optional<Columns> columns(SheetGrid grid) {
        int last = Math.min(grid.lastRow(), Vocabulary.HEADER_SEARCH_ROWS - 1);
        for (int r = 0; r <= last; r++) {
            int category = -1, name = -1, text = -1, methods = -1, max = -1, departments = -1;
            for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
                String cell = e.getValue().text();
                int col = e.getKey();
                if (category < 0 && Vocabulary.isOneOf(Vocabulary.CATEGORY, cell)) {
                    category = col;
                } else if (name < 0 && Vocabulary.isOneOf(Vocabulary.INDICATOR, cell)) {
                    name = col;
                } else if (text < 0 && Vocabulary.isOneOf(Vocabulary.ITEM_TEXT, cell)) {
                    text = col;
                } else if (methods < 0 && Vocabulary.isOneOf(Vocabulary.METHOD, cell)) {
                    methods = col;
                } else if (max < 0 && Vocabulary.isOneOf(Vocabulary.MAX, cell)) {
                    max = col;
                } else if (departments < 0 && Vocabulary.isOneOf(Vocabulary.DEPARTMENT, cell)) {
                    departments = col;
                }
            }
            if (max >= 0 && (category >= 0 || name >= 0 || text >= 0)) {
                return Optional.of(new Columns(r, category, name, text, methods, max, departments));
            }
        }
        return Optional.empty();
    }

    private static RubricDraft read(String file, SheetGrid grid, Columns c) {
        List<RubricDraft.Category> categories = new ArrayList<>();
        List<RubricDraft.Leaf> leaves = new ArrayList<>();
        String categoryCell = null;
        int lastLeafRow = -1;
        for (int r = c.header() + 1; r <= grid.lastRow(); r++) {
            if (isTotalRow(grid, r)) {
                break;
            }
            GridCell maxCell = grid.own(r, c.max());
            String category = c.category() < 0 ? "" : oneLine(grid.get(r, c.category()).text());
            boolean leafRow = !maxCell.isEmpty();
            if (!leafRow && !category.isEmpty() && rowHasOnly(grid, r, c.category())) {
                // A category on a row of its own (焦作's 一、组织领导（20分）across the table).
                category = oneLine(grid.own(r, c.category()).text());
            }
            if (!category.isEmpty() && !category.equals(categoryCell) && (leafRow || rowHasOnly(grid, r, c.category()))) {
                close(file, grid, categoryCell, leaves, categories);
                categoryCell = category;
                leaves = new ArrayList<>();
            }
            if (!leafRow) {
                continue;
            }
            if (maxCell.number() == null) {
                throw new AuthoringException(ref(file, grid, r, c.max()) + "：分值“" + Text.oneLine(maxCell.text())
                        + "”不是数值");
            }
            if (categoryCell == null) {
                throw new AuthoringException(ref(file, grid, r, Math.max(0, c.category())) + "：评分项之前没有一级指标（项目）");
            }
            String text = c.text() < 0 ? "" : lines(grid.own(r, c.text()).text());
            String name = c.name() < 0 ? "" : oneLine(grid.own(r, c.name()).text());
            leaves.add(new RubricDraft.Leaf(null, name.isEmpty() ? firstLine(text) : name, text, maxCell.number(),
                    list(grid, r, c.methods()), list(grid, r, c.departments()), r + 1));
            lastLeafRow = r;
        }
        close(file, grid, categoryCell, leaves, categories);
        if (categories.isEmpty()) {
            throw new AuthoringException(ref(file, grid, c.header(), c.max()) + "：表头下没有带分值的评分项");
        }
        return new RubricDraft(title(grid, c.header()), coded(categories), prose(grid, lastLeafRow + 1));
    }

    /** Ends a category: its code, name and maximum from its cell ({@code 一  强化政治引领  领导班子好（16分）}). */
    private static void close(String file, SheetGrid grid, String cell, List<RubricDraft.Leaf> leaves,
                              List<RubricDraft.Category> categories) {
        if (cell == null || leaves.isEmpty()) {
            return;
        }
        Matcher m = CATEGORY.matcher(cell);
        String code = NUMERALS[Math.min(categories.size(), NUMERALS.length - 1)];
        String name = cell;
        BigDecimal max = null;
        if (m.matches()) {
            code = m.group(1);
            name = m.group(2).replaceAll("\\s+", " ").strip();
            max = m.group(3) == null ? null : new BigDecimal(m.group(3));
        }
        BigDecimal sum = leaves.stream().map(RubricDraft.Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        categories.add(new RubricDraft.Category(code, name, max == null ? sum : max, List.copyOf(leaves)));
    }

    /** Leaves coded {@code 类别序号.位置}, as the bundled rubrics and inspection matrices number them. */
    private static List<RubricDraft.Category> coded(List<RubricDraft.Category> categories) {
        List<RubricDraft.Category> out = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            RubricDraft.Category c = categories.get(i);
            List<RubricDraft.Leaf> leaves = new ArrayList<>();
            for (int j = 0; j < c.leaves().size(); j++) {
                RubricDraft.Leaf l = c.leaves().get(j);
                leaves.add(new RubricDraft.Leaf((i + 1) + "." + (j + 1), l.name(), l.text(), l.max(), l.methods(),
                        l.departments(), l.row()));
            }
            out.add(new RubricDraft.Category(c.code(), c.name(), c.max(), leaves));
        }
        return out;
    }

    /** The table's title: the last text above the header in a row of one cell (《…自查打分表》), without its brackets. */
    private static String title(SheetGrid grid, int header) {
        for (int r = header - 1; r >= 0; r--) {
            Map<Integer, GridCell> row = grid.row(r);
            List<String> texts = row.values().stream().map(GridCell::text).map(Text::oneLine)
                    .filter(t -> !t.isEmpty()).toList();
            if (texts.size() == 1 && !texts.get(0).contains("：") && !texts.get(0).contains(":")) {
                return texts.get(0).replaceAll("[《》]", "").replaceAll("(自查|自评)?打分表$", "").strip();
            }
        }
        return "";
    }

    /** Every text below the table, a line each: the rules it states in prose. */
    private static List<String> prose(SheetGrid grid, int from) {
        List<String> out = new ArrayList<>();
        for (int r = from; r <= grid.lastRow(); r++) {
            for (GridCell cell : grid.row(r).values()) {
                String text = lines(cell.text());
                if (!text.isEmpty() && !Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, text) && cell.number() == null) {
                    out.addAll(Arrays.asList(text.split("\n")));
                }
            }
        }
        return out;
    }

    private static boolean isTotalRow(SheetGrid grid, int r) {
        for (GridCell cell : grid.row(r).values()) {
            if (!cell.isEmpty()) {
                return Vocabulary.isOneOf(Vocabulary.TOTAL_ROW, cell.text());
            }
        }
        return false;
    }

    /** Whether row {@code r} has no text of its own but in column {@code col}. */
    private static boolean rowHasOnly(SheetGrid grid, int r, int col) {
        for (Map.Entry<Integer, GridCell> e : grid.row(r).entrySet()) {
            if (e.getKey() != col && !e.getValue().isEmpty() && !grid.isMergeContinuation(r, e.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> list(SheetGrid grid, int r, int col) {
        if (col < 0) {
            return List.of();
        }
        return Arrays.stream(LIST_SEPARATORS.split(grid.own(r, col).text())).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A cell's lines, each stripped, the empty ones left out. */
    private static String lines(String text) {
        return String.join("\n", Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** The text on one line, as the table writes it (full-width brackets stay full-width). */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String ref(String file, SheetGrid grid, int row, int col) {
        return new CellRef(file, grid.name(), CellRef.a1(row, col)).toString();
    }
}
