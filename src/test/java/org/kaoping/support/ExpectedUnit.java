package org.kaoping.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One unit's row of 总排名 as worked out by hand: scores as decimal text ("" when the column must be empty), rank
 * ("" when unranked) and status.
 */
public record ExpectedUnit(String name, String base, String bonus, String deduction, String total, String rank,
                           String status, String selfTotal) {

    /** Finds the unit's row and compares every column; decimals compare by value, so "99" equals "99.00". */
    public void assertIn(List<Map<String, String>> rows) {
        Map<String, String> row = rows.stream().filter(r -> r.get("单位名称").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name));
        decimal(row, "基础分", base);
        decimal(row, "加分", bonus);
        decimal(row, "扣分", deduction);
        decimal(row, "总分", total);
        decimal(row, "自评总分", selfTotal);
        assertThat(row.get("排名")).as(name + " 排名").isEqualTo(rank);
        assertThat(row.get("状态")).as(name + " 状态").isEqualTo(status);
    }

    private void decimal(Map<String, String> row, String column, String expected) {
        if (expected.isEmpty()) {
            assertThat(row.get(column)).as(name + " " + column).isEmpty();
        } else {
            assertThat(new BigDecimal(row.get(column))).as(name + " " + column)
                    .isEqualByComparingTo(new BigDecimal(expected));
        }
    }
}
