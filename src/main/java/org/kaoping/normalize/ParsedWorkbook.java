package org.kaoping.normalize;

import java.util.List;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.ScoreSheet;

/**
 * Everything read from one input file: the unit sheets, the adjustment rows, and the problems found
 * (each with file, sheet and cell). {@code rejection} is set when the file could not be used at all.
 */
public record ParsedWorkbook(String path, List<ScoreSheet> sheets, List<Adjustment> adjustments,
                             List<Discrepancy> findings, String rejection, String summary) {
    public ParsedWorkbook {
        sheets = List.copyOf(sheets);
        adjustments = List.copyOf(adjustments);
        findings = List.copyOf(findings);
    }

    public boolean rejected() {
        return rejection != null;
    }
}
