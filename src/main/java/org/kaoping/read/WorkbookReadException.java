package org.kaoping.read;

/**
 * A workbook that cannot be read at all (corrupt, truncated, encrypted, not a spreadsheet). Carries the
 * file, and where known the sheet and cell, like spring-batch-excel's ExcelFileParseException.
 */
public class WorkbookReadException extends RuntimeException {
    private final String file;
    private final String sheet;
    private final String cell;

    public WorkbookReadException(String file, String sheet, String cell, String reason, Throwable cause) {
        super(reason, cause);
        this.file = file;
        this.sheet = sheet;
        this.cell = cell;
    }

    public String file() {
        return file;
    }

    public String sheet() {
        return sheet;
    }

    public String cell() {
        return cell;
    }
}
