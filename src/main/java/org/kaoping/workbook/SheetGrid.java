package org.kaoping.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One sheet's cells, sparse, with its merged regions. {@link #get} gives a merged region's value in every
 * cell it spans (only the top-left cell holds it in the file); {@link #own} gives just the cell itself.
 * Sheets of returned workbooks are small (tens of rows), so holding one is cheap; the file is streamed.
 */
public final class SheetGrid {
    private final String name;
    private final int index;
    private final TreeMap<Integer, TreeMap<Integer, GridCell>> rows = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();

    public SheetGrid(String name, int index) {
        this.name = name;
        this.index = index;
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    void put(int row, int col, GridCell cell) {
        if (!cell.isEmpty()) {
            rows.computeIfAbsent(row, r -> new TreeMap<>()).put(col, cell);
        }
    }

    void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
    }

    public GridCell own(int row, int col) {
        Map<Integer, GridCell> r = rows.get(row);
        GridCell c = r == null ? null : r.get(col);
        return c == null ? GridCell.EMPTY : c;
    }

    public GridCell get(int row, int col) {
        for (CellRangeAddress m : merges) {
            if (m.isInRange(row, col)) {
                return own(m.getFirstRow(), m.getFirstColumn());
            }
        }
        return own(row, col);
    }

    /** True when the cell lies inside a merged region but is not its top-left cell. */
    public boolean isMergeContinuation(int row, int col) {
        for (CellRangeAddress m : merges) {
            if (m.isInRange(row, col)) {
                return m.getFirstRow() != row || m.getFirstColumn() != col;
            }
        }
        return false;
    }

    public int lastRow() {
        return rows.isEmpty() ? -1 : rows.lastKey();
    }

    public int lastColumn() {
        return rows.values().stream().mapToInt(TreeMap::lastKey).max().orElse(-1);
    }

    /** The row's non-empty cells by column, in column order. */
    public Map<Integer, GridCell> row(int row) {
        TreeMap<Integer, GridCell> r = rows.get(row);
        return r == null ? Map.of() : r;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public static String a1(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }
}
