package org.kaoping.scoring;

/** Where a value came from, so staff can open the file and look: {@code 审计局自评表.xlsx!自评表!D7}. */
public record CellRef(String file, String sheet, String cell) {

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
