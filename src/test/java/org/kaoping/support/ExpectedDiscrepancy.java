package org.kaoping.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * A row 差异明细 must hold: 类型, 单位名称, 文件, 工作表, 单元格 exactly, and 项目 beginning with {@code item} (the leaf's
 * code or the adjustment item). Empty strings mean the column is empty.
 */
public record ExpectedDiscrepancy(String kind, String unit, String file, String sheet, String cell, String item) {

    public void assertIn(List<Map<String, String>> rows) {
        assertThat(rows).as(this.toString()).anySatisfy(r -> {
            assertThat(r.get("类型")).isEqualTo(kind);
            assertThat(r.get("单位名称")).isEqualTo(unit);
            assertThat(r.get("文件")).isEqualTo(file);
            assertThat(r.get("工作表")).isEqualTo(sheet);
            assertThat(r.get("单元格")).isEqualTo(cell);
            assertThat(r.get("项目")).startsWith(item);
        });
    }
}
