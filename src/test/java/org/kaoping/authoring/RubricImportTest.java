package org.kaoping.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.ExitCodes;

/**
 * {@code rubric import} on the blank 自查打分表 of seed 000 (山西省直文明单位), laid out as the seed lays it out and
 * generated here from the bundled rubric: the rubric it writes must be the bundled one, code for code.
 */
class RubricImportTest {
    private static final Rubric SHANXI = new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml"));

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theShanxiTableImportsAsTheBundledRubricWithItsProseAsCommentsForAPerson() throws IOException {
        Path table = shanxiTable("自查打分表.xlsx", (category, leaf) -> null);

        assertThat(importTable(table, "shanxi-import", false)).isEqualTo(ExitCodes.OK);

        Path written = home.resolve("config/rubrics/shanxi-import.yml");
        Rubric imported = new RubricLoader().load(written);
        assertThat(imported.code()).isEqualTo("shanxi-import");
        assertThat(imported.name()).isEqualTo("山西省直文明单位考核指标体系");
        assertThat(imported.max()).isEqualByComparingTo(SHANXI.max());
        assertThat(imported.categories()).extracting(Category::code, Category::name)
                .containsExactlyElementsOf(SHANXI.categories().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.code(), c.name())).toList());
        for (int i = 0; i < SHANXI.categories().size(); i++) {
            assertThat(imported.categories().get(i).max()).isEqualByComparingTo(SHANXI.categories().get(i).max());
        }
        assertThat(imported.leaves()).hasSize(SHANXI.leaves().size());
        for (int i = 0; i < SHANXI.leaves().size(); i++) {
            Leaf expected = SHANXI.leaves().get(i);
            Leaf actual = imported.leaves().get(i);
            assertThat(actual.code()).isEqualTo(expected.code());
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.max()).as(expected.code()).isEqualByComparingTo(expected.max());
            assertThat(actual.methods()).as(expected.code()).isEqualTo(expected.methods());
            assertThat(lines(actual.text())).as(expected.code()).isEqualTo(lines(expected.text()));
        }
        String yaml = Files.readString(written);
        assertThat(yaml).contains("# 需人工转为规则：加分项目：1、获评全国文明单位的加 2 分；")
                .contains("# 需人工转为规则：一票否决：发生重大安全责任事故的，取消评选资格。");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已写出 config/rubrics/shanxi-import.yml：6 个一级指标，"
                + SHANXI.leaves().size() + " 个评分项，满分 100；表中 2 行文字规定照录为注释");
    }

    @Test
    void anExistingRubricIsReplacedOnlyWhenAskedTo() throws IOException {
        Path table = shanxiTable("自查打分表.xlsx", (category, leaf) -> null);
        Path target = home.resolve("config/rubrics/shanxi-import.yml");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "# mine\n");

        assertThat(importTable(table, "shanxi-import", false)).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("已有 config/rubrics/shanxi-import.yml，未覆盖；要以表格重新生成请加 --force");
        assertThat(target).hasContent("# mine");

        assertThat(importTable(table, "shanxi-import", true)).isEqualTo(ExitCodes.OK);
        assertThat(new RubricLoader().load(target).leaves()).hasSize(SHANXI.leaves().size());
    }

    @Test
    void aPointValueThatIsNotANumberIsNamedByItsCell() throws IOException {
        // 1.3 廉政建设 is the third leaf: row 9 of the sheet (a title, four lines, the header, then the leaves).
        Path table = shanxiTable("自查打分表.xlsx", (category, leaf) -> leaf.code().equals("1.3") ? "四分" : null);

        assertThat(importTable(table, "shanxi-import", false)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法导入：自查打分表.xlsx!自查打分表!E9：分值“四分”不是数值");
        assertThat(home.resolve("config/rubrics/shanxi-import.yml")).doesNotExist();
    }

    @Test
    void aCategoryWhoseStatedPointsDisagreeWithItsLeavesIsRefusedAndNothingIsWritten() throws IOException {
        Path table = shanxiTable("自查打分表.xlsx", (category, leaf) -> leaf.code().equals("1.1") ? "2" : null);

        assertThat(importTable(table, "shanxi-import", false)).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("无法导入：由表格生成的评分细则有误，未写出：")
                .contains("shanxi-import.yml");
        assertThat(home.resolve("config/rubrics/shanxi-import.yml")).doesNotExist();
    }

    @Test
    void aWorkbookWithoutTheTablesHeaderIsRefusedWithTheReason() throws IOException {
        Path table = home.resolve("名单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(table)) {
            wb.createSheet("名单").createRow(0).createCell(0).setCellValue("单位名称");
            wb.write(o);
        }
        assertThat(importTable(table, "x", false)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("名单.xlsx：找不到评分表的表头");
    }

    private int importTable(Path table, String id, boolean force) {
        return new RubricImport(new KaopingHome(home)).run(table, id, force,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /**
     * The seed's layout: four lines of title, the 《…自查打分表》 line, the header, a category cell merged down over its
     * leaves, methods a line each, blank lines between a leaf's numbered items, a 合计 row, then the rules in prose.
     * {@code points} gives a leaf's 分值 cell other text than its own (null: its own).
     */
    private Path shanxiTable(String name, BiFunction<Category, Leaf, String> points) throws IOException {
        Path file = home.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("自查打分表");
            int r = 0;
            for (String line : List.of("山西省直文明单位", "考核指标体系", "填报单位：", "填报时间： 2020 年    月    日",
                    "《山西省直文明单位考核指标体系自查打分表》")) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
            }
            Row header = sheet.createRow(r++);
            String[] titles = {"项目", "考核指标", "考核内容及标准", "考核方法", "分值", "得分"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            for (Category category : SHANXI.categories()) {
                int first = r;
                for (Leaf leaf : category.leaves()) {
                    Row row = sheet.createRow(r++);
                    if (row.getRowNum() == first) {
                        row.createCell(0).setCellValue(category.code() + "  " + category.name().replace(" ", "  ")
                                + "（" + category.max().stripTrailingZeros().toPlainString() + "分）");
                    }
                    row.createCell(1).setCellValue(leaf.name());
                    row.createCell(2).setCellValue(String.join("\n\n", lines(leaf.text())));
                    row.createCell(3).setCellValue(String.join("\n\n", leaf.methods()));
                    String other = points.apply(category, leaf);
                    if (other == null) {
                        row.createCell(4).setCellValue(leaf.max().doubleValue());
                    } else if (other.matches("\\d+")) {
                        row.createCell(4).setCellValue(Double.parseDouble(other));
                    } else {
                        row.createCell(4).setCellValue(other);
                    }
                }
                if (r - 1 > first) {
                    sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 0, 0));
                }
            }
            Row total = sheet.createRow(r++);
            total.createCell(0).setCellValue("合计");
            total.createCell(4).setCellValue(100);
            sheet.createRow(r++).createCell(0).setCellValue("加分项目：1、获评全国文明单位的加 2 分；");
            sheet.createRow(r).createCell(0).setCellValue("一票否决：发生重大安全责任事故的，取消评选资格。");
            wb.write(o);
        }
        return file;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
