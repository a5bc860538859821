package org.kaoping.report;

import java.io.IOException;

/** The rows of a streamed sheet, produced while the workbook is saved (see {@link SheetStyles#appendRows}). */
@FunctionalInterface
interface StreamedRows {
    void write(RowWriter rows) throws IOException;
}
