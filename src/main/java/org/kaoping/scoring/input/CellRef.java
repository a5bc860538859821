package org.kaoping.scoring.input;

/** Where a value came from, so staff can open the file and look: {@code 审计局自评表.xlsx!自评表!D7}. */
public record CellRef(String file, String sheet, String cell) {
    /** Excel's columns, A to XFD; {@link #parseA1} packs a reference as {@code row * COLUMNS + column}. */
    public static final int COLUMNS = 16_384;
    // Excel's rows: 1 to 1,048,576.
    private static final int MAX_ROWS = 1_048_576;
    // The references of a workbook's usual cells, made once per process: a reference is made for every score read
    // and decoded, and the same few thousand recur in every workbook.
    private static final int KEPT_COLUMNS = 64;
    private static final int KEPT_ROWS = 4096;
    private static final String[][] KEPT = new String[KEPT_COLUMNS][];

    /** The A1 reference ({@code D7}) of a cell by its 0-based row and column. */
    public static String a1(int row, int col) {
        if (row < 0 || row >= KEPT_ROWS || col < 0 || col >= KEPT_COLUMNS) {
            return letters(col) + (row + 1);
        }
        String[] column = KEPT[col];
        if (column == null) {
            // Racing threads may each make a column: they are equal, and one of them is kept.
            column = KEPT[col] = new String[KEPT_ROWS];
        }
        String a1 = column[row];
        if (a1 == null) {
            a1 = column[row] = letters(col) + (row + 1);
        }
        return a1;
    }

    /** A column's letters: A … Z, AA … for 0, 1 … */
    public static String letters(int col) {
        StringBuilder s = new StringBuilder(3);
        for (int n = col + 1; n > 0; n = (n - 1) / 26) {
            s.append((char) ('A' + (n - 1) % 26));
        }
        return s.reverse().toString();
    }

    /**
     * The 0-based row and column of an A1 reference as {@link #a1} spells it (capital letters, no leading zero, within
     * Excel's limits), as {@code row * 16384 + column}; -1 for anything else (a blank, a range, lower case).
     */
    public static long parseA1(String a1) {
        if (a1 == null) {
            return -1;
        }
        int i = 0;
        int col = 0;
        while (i < a1.length() && i < 3 && a1.charAt(i) >= 'A' && a1.charAt(i) <= 'Z') {
            col = col * 26 + (a1.charAt(i) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == a1.length() || a1.charAt(i) < '1' || a1.charAt(i) > '9' || a1.length() - i > 7) {
            return -1;
        }
        int row = 0;
        for (int j = i; j < a1.length(); j++) {
            char c = a1.charAt(j);
            if (c < '0' || c > '9') {
                return -1;
            }
            row = row * 10 + (c - '0');
        }
        if (col > COLUMNS || row > MAX_ROWS) {
            return -1;
        }
        return (long) (row - 1) * COLUMNS + (col - 1);
    }

    public static CellRef file(String file) {
        return new CellRef(file, "", "");
    }

    public CellRef at(String otherCell) {
        return new CellRef(file, sheet, otherCell);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (sheet != null && !sheet.isEmpty()) {
            s.append('!').append(sheet);
        }
        if (cell != null && !cell.isEmpty()) {
            s.append('!').append(cell);
        }
        return s.toString();
    }
}
