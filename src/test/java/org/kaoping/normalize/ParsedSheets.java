package org.kaoping.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;

/** Assertions on what a parsed workbook holds, shared by the reading tests. */
final class ParsedSheets {
    private ParsedSheets() {
    }

    static ScoreSheet onlySheet(ParsedWorkbook parsed) {
        assertThat(parsed.rejection()).as("rejection").isNull();
        assertThat(parsed.sheets()).hasSize(1);
        return parsed.sheets().get(0);
    }

    static LeafScore score(ScoreSheet sheet, String leafCode) {
        List<LeafScore> found = sheet.scores().stream().filter(s -> s.leafCode().equals(leafCode)).toList();
        assertThat(found).as("rows read as leaf " + leafCode).hasSize(1);
        return found.get(0);
    }

    static void assertScore(ScoreSheet sheet, String leafCode, String value, CellRef cell) {
        LeafScore s = score(sheet, leafCode);
        assertThat(s.value()).as("score of " + leafCode).isNotNull().isEqualByComparingTo(new BigDecimal(value));
        assertThat(s.cell()).as("cell of " + leafCode).isEqualTo(cell);
    }
}
