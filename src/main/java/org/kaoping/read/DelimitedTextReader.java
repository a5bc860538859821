package org.kaoping.read;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Text exported as a table (tab- or comma-separated, quoted fields as Excel writes them) as one sheet named by
 * the file's name without extension; each record a row, each field a text cell. The separator is a tab if any of
 * the first lines has one, else a comma; text with neither is one column. A stray quote that breaks the quoting
 * rules makes the file read again with quotes as plain characters, as some web systems write them.
 */
final class DelimitedTextReader {
    private static final int SNIFFED_LINES = 20;

    private DelimitedTextReader() {
    }

    static SheetGrid read(byte[] bytes, String baseName, ReadLimits limits) {
        String text = TextDecoding.decode(bytes, null);
        char delimiter = delimiter(text);
        try {
            return grid(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build(), baseName, limits);
        } catch (UncheckedIOException | IllegalStateException e) {
            return grid(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(null).build(), baseName, limits);
        }
    }

    /** Tab before comma: a tab is never part of a score table's text, a comma may be. */
    static char delimiter(String text) {
        List<String> lines = text.lines().limit(SNIFFED_LINES).toList();
        if (lines.stream().anyMatch(l -> l.indexOf('\t') >= 0)) {
            return '\t';
        }
        return lines.stream().anyMatch(l -> l.indexOf(',') >= 0) ? ',' : '\t';
    }

    private static SheetGrid grid(String text, CSVFormat format, String name, ReadLimits limits) {
        SheetGrid grid = new SheetGrid(name, 0);
        try (CSVParser parser = format.parse(new StringReader(text))) {
            int r = 0;
            for (CSVRecord record : parser) {
                if (r >= limits.maxRows()) {
                    throw new LimitExceeded(limits.tooManyRows(name));
                }
                for (int c = 0; c < record.size(); c++) {
                    grid.put(r, c, new GridCell(record.get(c), null));
                }
                r++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grid;
    }
}
