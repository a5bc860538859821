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
    // Past these, a sheet is looked up in its sparse maps only (a stray cell far out must not cost a dense copy).
    private static final int DENSE_ROWS = 4096;
    private static final int DENSE_COLUMNS = 1024;

    private final TreeMap<Integer, TreeMap<Integer, GridCell>> rows = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    // The cells by row and column, made at the first lookup once the sheet is read: readers look up every cell of
    // a table several times, and two tree lookups of boxed indexes a cell were a third of normalising a workbook.
    private GridCell[][] dense;
    private boolean indexed;

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
            dense = null;
            indexed = false;
        }
    }

    void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
    }

    public GridCell own(int row, int col) {
        GridCell[][] cells = cells();
        if (cells != null) {
            GridCell[] r = row >= 0 && row < cells.length ? cells[row] : null;
            GridCell c = r != null && col >= 0 && col < r.length ? r[col] : null;
            return c == null ? GridCell.EMPTY : c;
        }
        Map<Integer, GridCell> r = rows.get(row);
        GridCell c = r == null ? null : r.get(col);
        return c == null ? GridCell.EMPTY : c;
    }

    /** The dense copy of the cells, made once; null for a sheet too large for one. */
    private GridCell[][] cells() {
        if (!indexed) {
            indexed = true;
            dense = null;
            if (!rows.isEmpty() && rows.firstKey() >= 0 && rows.lastKey() < DENSE_ROWS && lastColumn() < DENSE_COLUMNS
                    && rows.values().stream().allMatch(row -> row.firstKey() >= 0)) {
                GridCell[][] cells = new GridCell[rows.lastKey() + 1][];
                rows.forEach((r, row) -> {
                    GridCell[] copy = new GridCell[row.lastKey() + 1];
                    row.forEach((c, cell) -> copy[c] = cell);
                    cells[r] = copy;
                });
                dense = cells;
            }
        }
        return dense;
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
