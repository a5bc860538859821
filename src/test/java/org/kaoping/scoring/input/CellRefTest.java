package org.kaoping.scoring.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

class CellRefTest {

    @Test
    void a1ReferencesAreSpeltAsExcelSpellsThemAndReadBack() {
        int[] columns = {0, 1, 25, 26, 51, 52, 63, 64, 701, 702, 16_383};
        int[] rows = {0, 6, 4095, 4096, 1_048_575};
        for (int col : columns) {
            for (int row : rows) {
                String a1 = CellRef.a1(row, col);
                assertThat(a1).isEqualTo(new CellReference(row, col).formatAsString(false));
                assertThat(CellRef.parseA1(a1)).isEqualTo((long) row * CellRef.COLUMNS + col);
            }
        }
    }

    @Test
    void theUsualCellsAreOneInstanceEach() {
        assertThat(CellRef.a1(6, 3)).isEqualTo("D7").isSameAs(CellRef.a1(6, 3));
    }

    @Test
    void anythingButAnA1ReferenceAsA1SpellsItIsNotRead() {
        for (String other : new String[] {null, "", "D", "7", "d7", "D07", "D0", "AAAA1", "XFE1", "A1048577", "B2:C3",
                "D7 ", "一"}) {
            assertThat(CellRef.parseA1(other)).as(String.valueOf(other)).isEqualTo(-1);
        }
    }
}
