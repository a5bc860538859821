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
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.campaign.KaopingHome;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Indicator;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.run.ExitCodes;

/**
 * {@code rubric import} on the tables of seeds 003 (焦作), 004 (益阳) and 001 (湖南), generated here from the bundled
 * rubrics in the layouts the seeds print them in (columns, merged category cells, points written into the text, a
 * header repeated on a new page, rules below the table). What is imported must be the bundled rubric: codes, 分值,
 * texts, methods and 责任部门 (names the tables do not state are left to the office).
 */
class SeedLayoutImportTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void jiaozuosTableWithPointsInItsTextImportsAsTheBundledRubric() throws IOException {
        Rubric bundled = bundled("jiaozuo-2016");
        Path table = write("百分考评细则.xlsx", bundled, (sheet, rubric) -> {
            int r = header(sheet, 0, "2016年度市直机关创建“五型机关”百分考评细则", "考核项目", "考核内容及标准", "加（扣）分", "得  分");
            for (Category category : rubric.categories()) {
                int first = r;
                int n = 1;
                for (Leaf leaf : category.leaves()) {
                    Row row = sheet.createRow(r++);
                    if (row.getRowNum() == first) {
                        // （一）\n\n组\n\n织\n\n领\n\n导\n\n（25分）: a character a line, as the seed prints it.
                        row.createCell(0).setCellValue("（" + category.code() + "）\n\n"
                                + category.name().chars().mapToObj(ch -> String.valueOf((char) ch))
                                .collect(Collectors.joining("\n\n")) + "\n\n（" + points(category.max()) + "分）");
                    }
                    row.createCell(1).setCellValue((n++) + "、" + String.join("\n", lines(leaf.text())));
                }
                merge(sheet, first, r - 1, 0);
            }
            sheet.createRow(r).createCell(0).setCellValue("总计");
        });

        Rubric imported = importAndLoad(table, "jiaozuo-import");

        assertSameRubric(imported, bundled);
        assertThat(imported.leaves().get(0).code()).isEqualTo("（一）1");
        assertThat(imported.leaves().get(0).name()).isEqualTo("切实加强组织领导");
    }

    @Test
    void yiyangsTableWithPointsInItsPartsImportsAsTheBundledRubricAndItsBonusBlockAsComments() throws IOException {
        Rubric bundled = bundled("yiyang-2021");
        Path table = write("测评细则.xlsx", bundled, (sheet, rubric) -> {
            int r = header(sheet, 0, "中共益阳市委党校2021年创建市级文明单位测评细则", "序号", "考评内容", "考评标准", "考评方法",
                    "责任部门");
            for (Category category : rubric.categories()) {
                int first = r;
                for (List<Leaf> criterion : criteria(category)) {
                    Leaf leaf = criterion.get(0);
                    Row row = sheet.createRow(r++);
                    if (row.getRowNum() == first) {
                        row.createCell(0).setCellValue(category.ordinal());
                        row.createCell(1).setCellValue(category.name() + "\n" + points(category.max()) + "分");
                    }
                    // A criterion scored in parts is one row, its parts' texts one after another: 1)…(2分);…(2分)。
                    row.createCell(2).setCellValue((leaf.criterion() == null ? leaf.code() : leaf.criterion()) + ")"
                            + criterion.stream().map(l -> String.join("\n", lines(l.text())))
                            .collect(Collectors.joining()));
                    row.createCell(3).setCellValue(String.join("\n", leaf.methods()));
                    row.createCell(4).setCellValue(String.join("\n", leaf.departments()));
                }
                merge(sheet, first, r - 1, 0);
                merge(sheet, first, r - 1, 1);
            }
            Row bonus = sheet.createRow(r++);
            bonus.createCell(0).setCellValue("特色加\n分项目");
            bonus.createCell(1).setCellValue("荣誉称号");
            bonus.createCell(2).setCellValue("单位获国家级荣誉称号的，每一项加2分；该项累计最多加10分。");
            Row more = sheet.createRow(r);
            more.createCell(1).setCellValue("经验推介");
            more.createCell(2).setCellValue("单位文明创建经验在中央主流媒体推介的，每次加1分。");
            merge(sheet, r - 1, r, 0);
        });

        Rubric imported = importAndLoad(table, "yiyang-import");

        assertSameRubric(imported, bundled);
        assertThat(imported.categories().get(0).code()).isEqualTo("一");
        String yaml = Files.readString(home.resolve("config/rubrics/yiyang-import.yml"));
        assertThat(yaml).contains("# 需人工转为规则：特色加分项目\n# 需人工转为规则：荣誉称号\n"
                + "# 需人工转为规则：单位获国家级荣誉称号的，每一项加2分；该项累计最多加10分。\n"
                + "# 需人工转为规则：经验推介\n# 需人工转为规则：单位文明创建经验在中央主流媒体推介的，每次加1分。\n");
    }

    @Test
    void hunansThreeLevelTableWithAHeaderOnEveryPageImportsAsTheBundledRubric() throws IOException {
        Rubric bundled = bundled("hunan-2023");
        Path table = write("任务分解表.xlsx", bundled, (sheet, rubric) -> {
            String[] titles = {"考评\n项目", "考评内容", "考评标准", "责任部门"};
            int r = header(sheet, 0, "2023年度院机关文明创建任务分解表", titles);
            for (Category category : rubric.categories()) {
                if (category.ordinal() == 2) {
                    Row again = sheet.createRow(r++);
                    for (int i = 0; i < titles.length; i++) {
                        again.createCell(i).setCellValue(titles[i]);
                    }
                }
                int first = r;
                for (Indicator indicator : category.indicators()) {
                    int top = r;
                    for (Leaf leaf : indicator.leaves()) {
                        Row row = sheet.createRow(r++);
                        if (row.getRowNum() == first) {
                            row.createCell(0).setCellValue(category.code() + "、\n" + category.name()
                                    + points(category.max()) + " 分");
                        }
                        if (row.getRowNum() == top) {
                            row.createCell(1).setCellValue(indicator.name() + "\n" + points(indicator.max()) + "分");
                        }
                        row.createCell(2).setCellValue("（" + leaf.code() + "） " + String.join("\n", lines(leaf.text()))
                                + points(leaf.max()) + " 分");
                        row.createCell(3).setCellValue(String.join("\n", leaf.departments()));
                    }
                    merge(sheet, top, r - 1, 1);
                }
                merge(sheet, first, r - 1, 0);
            }
        });

        Rubric imported = importAndLoad(table, "hunan-import");

        assertSameRubric(imported, bundled);
        for (int i = 0; i < bundled.categories().size(); i++) {
            List<Indicator> expected = bundled.categories().get(i).indicators();
            List<Indicator> actual = imported.categories().get(i).indicators();
            assertThat(actual).extracting(Indicator::code, Indicator::name)
                    .containsExactlyElementsOf(expected.stream()
                            .map(x -> org.assertj.core.groups.Tuple.tuple(x.code(), x.name())).toList());
            for (int k = 0; k < expected.size(); k++) {
                assertThat(actual.get(k).max()).isEqualByComparingTo(expected.get(k).max());
                assertThat(actual.get(k).leaves()).extracting(Leaf::code)
                        .containsExactlyElementsOf(expected.get(k).leaves().stream().map(Leaf::code).toList());
            }
        }
    }

    @Test
    void aLeafWhoseTextStatesNoPointsIsNamedByItsCell() throws IOException {
        Rubric bundled = bundled("jiaozuo-2016");
        Path table = write("百分考评细则.xlsx", bundled, (sheet, rubric) -> {
            int r = header(sheet, 0, "百分考评细则", "考核项目", "考核内容及标准", "得分");
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue("（一）组织领导（25分）");
            row.createCell(1).setCellValue("1、切实加强组织领导，有创建活动领导小组。");
        });

        assertThat(importTable(table, "x")).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("无法导入：百分考评细则.xlsx!细则!B3：找不到分值"
                + "（表中没有“分值”一列，文字中也没有“分值N分”“N分”或“（N分）”）");
    }

    /** A category's criteria: a leaf on its own, or the parts of one criterion together. */
    private static List<List<Leaf>> criteria(Category category) {
        List<List<Leaf>> out = new java.util.ArrayList<>();
        for (Leaf leaf : category.leaves()) {
            List<Leaf> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (leaf.criterion() != null && last != null && leaf.criterion().equals(last.get(0).criterion())) {
                last.add(leaf);
            } else {
                out.add(new java.util.ArrayList<>(List.of(leaf)));
            }
        }
        return out;
    }

    private static void assertSameRubric(Rubric imported, Rubric bundled) {
        assertThat(imported.max()).isEqualByComparingTo(bundled.max());
        assertThat(imported.categories()).extracting(Category::code, Category::name)
                .containsExactlyElementsOf(bundled.categories().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.code(), c.name())).toList());
        for (int i = 0; i < bundled.categories().size(); i++) {
            assertThat(imported.categories().get(i).max()).isEqualByComparingTo(bundled.categories().get(i).max());
        }
        assertThat(imported.leaves()).extracting(Leaf::code)
                .containsExactlyElementsOf(bundled.leaves().stream().map(Leaf::code).toList());
        for (int i = 0; i < bundled.leaves().size(); i++) {
            Leaf expected = bundled.leaves().get(i);
            Leaf actual = imported.leaves().get(i);
            assertThat(actual.max()).as(expected.code()).isEqualByComparingTo(expected.max());
            assertThat(actual.methods()).as(expected.code()).isEqualTo(expected.methods());
            assertThat(actual.departments()).as(expected.code()).isEqualTo(expected.departments());
            assertThat(lines(actual.text())).as(expected.code()).isEqualTo(lines(expected.text()));
        }
    }

    private Rubric importAndLoad(Path table, String id) {
        assertThat(importTable(table, id)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        return new RubricLoader().load(home.resolve("config/rubrics/" + id + ".yml"));
    }

    private int importTable(Path table, String id) {
        return new RubricImport(new KaopingHome(home)).run(table, id, false,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Rubric bundled(String id) {
        return new RubricLoader().load(Path.of("config/rubrics/" + id + ".yml"));
    }

    private interface Layout {
        void lay(Sheet sheet, Rubric rubric);
    }

    private Path write(String name, Rubric rubric, Layout layout) throws IOException {
        Path file = home.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(file)) {
            layout.lay(wb.createSheet("细则"), rubric);
            wb.write(o);
        }
        return file;
    }

    /** A title line, then the header row; the row after the header. */
    private static int header(Sheet sheet, int r, String title, String... columns) {
        sheet.createRow(r).createCell(0).setCellValue(title);
        Row header = sheet.createRow(r + 1);
        for (int c = 0; c < columns.length; c++) {
            header.createCell(c).setCellValue(columns[c]);
        }
        return r + 2;
    }

    private static void merge(Sheet sheet, int first, int last, int col) {
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(first, last, col, col));
        }
    }

    private static String points(java.math.BigDecimal max) {
        return max.stripTrailingZeros().toPlainString();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
