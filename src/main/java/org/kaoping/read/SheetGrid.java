package org.kaoping.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellRangeAddress;

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
    private static final int DENSE_MERGED = 1 << 16;

    private final TreeMap<Integer, TreeMap<Integer, GridCell>> rows = new TreeMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    // The cells by row and column, made at the first lookup once the sheet is read: readers look up every cell of
    // a table several times, and two tree lookups of boxed indexes a cell were a third of normalising a workbook.
    // Beside them, for each cell a merged region covers, the region's top-left cell (where its value is).
    private GridCell[][] dense;
    private GridCell[][] mergedValues;
    private boolean indexed;
    private int lastColumn = -1;

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
            lastColumn = Math.max(lastColumn, col);
            indexed = false;
        }
    }

    void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol));
        indexed = false;
    }

    public GridCell own(int row, int col) {
        GridCell[][] cells = cells();
        if (cells != null) {
            return own(cells, row, col);
        }
        Map<Integer, GridCell> r = rows.get(row);
        GridCell c = r == null ? null : r.get(col);
        return c == null ? GridCell.EMPTY : c;
    }

    /** The dense copy of the cells, made once (in one pass over the rows); null for a sheet too large for one. */
    private GridCell[][] cells() {
        if (!indexed) {
            indexed = true;
            dense = null;
            mergedValues = null;
            if (!rows.isEmpty() && rows.firstKey() >= 0 && rows.lastKey() < DENSE_ROWS && lastColumn < DENSE_COLUMNS) {
                GridCell[][] cells = new GridCell[rows.lastKey() + 1][];
                for (Map.Entry<Integer, TreeMap<Integer, GridCell>> row : rows.entrySet()) {
                    TreeMap<Integer, GridCell> r = row.getValue();
                    if (r.firstKey() < 0) {
                        return null;
                    }
                    GridCell[] copy = new GridCell[r.lastKey() + 1];
                    for (Map.Entry<Integer, GridCell> cell : r.entrySet()) {
                        copy[cell.getKey()] = cell.getValue();
                    }
                    cells[row.getKey()] = copy;
                }
                dense = cells;
                mergedValues = mergedValues(cells);
            }
        }
        return dense;
    }

    /**
     * For each cell a merged region covers, the region's value (its top-left cell); no rows when no region, null
     * when a region lies outside the dense bounds or the regions cover more than {@link #DENSE_MERGED} cells (then
     * {@link #get} scans the regions).
     */
    private GridCell[][] mergedValues(GridCell[][] cells) {
        int rowsCovered = 0;
        long covered = 0;
        for (CellRangeAddress m : merges) {
            if (m.getFirstRow() < 0 || m.getFirstColumn() < 0 || m.getLastRow() >= DENSE_ROWS
                    || m.getLastColumn() >= DENSE_COLUMNS) {
                return null;
            }
            rowsCovered = Math.max(rowsCovered, m.getLastRow() + 1);
            covered += (long) m.getNumberOfCells();
        }
        if (covered > DENSE_MERGED) {
            return null;
        }
        GridCell[][] values = new GridCell[rowsCovered][];
        for (CellRangeAddress m : merges) {
            GridCell value = own(cells, m.getFirstRow(), m.getFirstColumn());
            for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
                if (values[r] == null || values[r].length <= m.getLastColumn()) {
                    values[r] = values[r] == null ? new GridCell[m.getLastColumn() + 1]
                            : Arrays.copyOf(values[r], m.getLastColumn() + 1);
                }
                for (int c = m.getFirstColumn(); c <= m.getLastColumn(); c++) {
                    // Where two regions overlap, the one listed first gives the value, as a scan of the list does.
                    if (values[r][c] == null) {
                        values[r][c] = value;
                    }
                }
            }
        }
        return values;
    }

    private static GridCell own(GridCell[][] cells, int row, int col) {
        GridCell[] r = row >= 0 && row < cells.length ? cells[row] : null;
        GridCell c = r != null && col >= 0 && col < r.length ? r[col] : null;
        return c == null ? GridCell.EMPTY : c;
    }

    public GridCell get(int row, int col) {
        GridCell[][] cells = cells();
        if (cells != null && mergedValues != null) {
            GridCell[] merged = row >= 0 && row < mergedValues.length ? mergedValues[row] : null;
            GridCell value = merged != null && col >= 0 && col < merged.length ? merged[col] : null;
            return value != null ? value : own(cells, row, col);
        }
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
        return lastColumn;
    }

    /** The row's non-empty cells by column, in column order. */
    public Map<Integer, GridCell> row(int row) {
        TreeMap<Integer, GridCell> r = rows.get(row);
        return r == null ? Map.of() : r;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
