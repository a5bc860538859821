package org.kaoping.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SheetGridTest {

    private static GridCell text(String s) {
        return new GridCell(s, null);
    }

    /** A sheet with each of {@code texts} at the {row, column} of {@code places} with the same index. */
    private static SheetGrid sheet(int[][] places, String... texts) {
        SheetGrid grid = new SheetGrid("自评表", 0);
        for (int i = 0; i < texts.length; i++) {
            grid.put(places[i][0], places[i][1], text(texts[i]));
        }
        return grid;
    }

    @Test
    void cellsAreFoundWhereTheyWereReadAndEmptyEverywhereElse() {
        SheetGrid grid = sheet(new int[][] {{0, 0}, {0, 3}, {2, 1}}, "序号", "得分", "党建工作");

        assertThat(grid.own(0, 3).text()).isEqualTo("得分");
        assertThat(grid.own(2, 1).text()).isEqualTo("党建工作");
        assertThat(grid.own(1, 0)).isSameAs(GridCell.EMPTY);
        assertThat(grid.own(0, 4)).isSameAs(GridCell.EMPTY);
        assertThat(grid.own(2, 7)).isSameAs(GridCell.EMPTY);
        assertThat(grid.own(3, 0)).isSameAs(GridCell.EMPTY);
        assertThat(grid.own(-1, 0)).isSameAs(GridCell.EMPTY);
        assertThat(grid.own(0, -1)).isSameAs(GridCell.EMPTY);
    }

    @Test
    void aCellReadAfterALookupIsFoundToo() {
        SheetGrid grid = sheet(new int[][] {{0, 0}}, "序号");
        assertThat(grid.own(5, 2)).isSameAs(GridCell.EMPTY);

        grid.put(5, 2, text("95"));

        assertThat(grid.own(5, 2).text()).isEqualTo("95");
        assertThat(grid.own(0, 0).text()).isEqualTo("序号");
    }

    @Test
    void aSheetWithACellFarOutIsLookedUpAllTheSame() {
        SheetGrid grid = sheet(new int[][] {{1, 1}, {60_000, 2}, {2, 15_000}}, "项目", "远处", "右边");

        assertThat(grid.own(60_000, 2).text()).isEqualTo("远处");
        assertThat(grid.own(2, 15_000).text()).isEqualTo("右边");
        assertThat(grid.own(1, 1).text()).isEqualTo("项目");
        assertThat(grid.own(59_999, 2)).isSameAs(GridCell.EMPTY);
    }

    @Test
    void aMergedRegionGivesItsTopLeftValueInEveryCellItSpansAndTheFirstListedWinsWhereTwoOverlap() {
        SheetGrid grid = sheet(new int[][] {{1, 0}, {2, 0}, {1, 2}, {4, 4}}, "一、党建工作", "残留", "说明", "95");
        grid.merge(1, 3, 0, 0);
        grid.merge(3, 4, 0, 1);
        grid.merge(1, 1, 2, 3);

        assertThat(grid.get(1, 0).text()).isEqualTo("一、党建工作");
        assertThat(grid.get(2, 0).text()).isEqualTo("一、党建工作");
        assertThat(grid.get(3, 0).text()).isEqualTo("一、党建工作");
        assertThat(grid.get(3, 1)).isSameAs(GridCell.EMPTY);
        assertThat(grid.get(4, 0)).isSameAs(GridCell.EMPTY);
        assertThat(grid.get(1, 3).text()).isEqualTo("说明");
        assertThat(grid.get(4, 4).text()).isEqualTo("95");
        assertThat(grid.own(2, 0).text()).isEqualTo("残留");
        assertThat(grid.isMergeContinuation(2, 0)).isTrue();
        assertThat(grid.lastColumn()).isEqualTo(4);
        assertThat(grid.lastRow()).isEqualTo(4);
    }

    @Test
    void aMergedRegionTooLargeOrTooFarOutForTheDenseCopyIsFoundAllTheSame() {
        SheetGrid huge = sheet(new int[][] {{0, 0}, {5, 5}}, "标题", "95");
        huge.merge(0, 4000, 0, 1000);
        SheetGrid far = sheet(new int[][] {{0, 0}, {5, 5}}, "标题", "95");
        far.merge(0, 5000, 0, 0);

        for (SheetGrid grid : new SheetGrid[] {huge, far}) {
            assertThat(grid.get(3000, 0).text()).isEqualTo("标题");
            assertThat(grid.get(5, 5).text()).isEqualTo(grid == huge ? "标题" : "95");
            assertThat(grid.get(4999, 7)).isSameAs(GridCell.EMPTY);
        }
    }
}
