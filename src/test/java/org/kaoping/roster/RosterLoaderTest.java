package org.kaoping.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rosters are read as returned workbooks are (the lean reader, FastExcel for .xls), not through a POI workbook:
 * every bundled roster must give, cell for cell, what POI's own formatting of its cells gives.
 */
class RosterLoaderTest {

    static Stream<Path> bundledRosters() throws Exception {
        try (Stream<Path> config = Files.list(Path.of("config/rosters"));
             Stream<Path> samples = Files.list(Path.of("src/test/resources/samples"))) {
            return Stream.concat(config.toList().stream(),
                    samples.filter(Files::isDirectory).map(s -> s.resolve("roster.xlsx")).toList().stream());
        }
    }

    @Test
    void everyBundledRosterReadsAsPoiFormatsItsCells() throws Exception {
        List<Path> rosters = bundledRosters().toList();
        assertThat(rosters).hasSize(4);
        for (Path roster : rosters) {
            assertThat(describe(new RosterLoader().load(roster))).as(roster.toString()).isEqualTo(viaPoi(roster));
        }
    }

    @Test
    void anXlsRosterGivesNamesAliasesHeadcountsAndGroups(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("roster.xls");
        try (Workbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("2024年度参评单位");
            Row header = sheet.createRow(2);
            String[] titles = {"单位名称", "别名", "在职人数", "分组", "考核组"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            Row a = sheet.createRow(3);
            a.createCell(0).setCellValue("市财政局");
            a.createCell(1).setCellValue("财政局；市财政");
            a.createCell(2).setCellValue(56);
            a.createCell(3).setCellValue("一类");
            a.createCell(4).setCellValue("第一考核组");
            Row b = sheet.createRow(4);
            b.createCell(0).setCellValue("市档案馆");
            b.createCell(2).setCellValue("18人");
            wb.write(out);
        }

        assertThat(describe(new RosterLoader().load(file))).containsExactly(
                "市财政局|[财政局, 市财政]|56|一类|第一考核组", "市档案馆|[]|18|null|null");
    }

    @Test
    void aRosterThatIsNoWorkbookIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("名单.xlsx");
        // (text saved as .xlsx is read as the table it is: then the refusal names the column it lacks)
        Files.writeString(file, "%PDF-1.4 not a workbook");

        assertThatThrownBy(() -> new RosterLoader().load(file)).isInstanceOf(RosterException.class)
                .hasMessageContaining("无法读取单位名单").hasMessageContaining("名单.xlsx")
                .hasMessageContaining("这是 PDF 文件，不是 Excel 工作簿：请提交 Excel 表格（.xlsx）");
    }

    private static List<String> describe(Roster roster) {
        return roster.units().stream().map(u -> u.name() + "|" + u.aliases() + "|" + u.headcount() + "|"
                + u.division() + "|" + u.group()).toList();
    }

    /** The roster as the loader read it before: each cell as POI formats it, then the same column rules. */
    private static List<String> viaPoi(Path file) throws Exception {
        DataFormatter formatter = new DataFormatter();
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            int header = -1;
            List<String> titles = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)).strip());
                }
                if (header < 0 && cells.contains("单位名称")) {
                    header = row.getRowNum();
                    titles = cells;
                    continue;
                }
                if (header < 0 || cells.isEmpty() || cells.get(titles.indexOf("单位名称")).isEmpty()) {
                    continue;
                }
                String aliases = at(cells, titles.indexOf("别名"));
                String headcount = at(cells, titles.indexOf("在职人数")).replace("人", "");
                out.add(cells.get(titles.indexOf("单位名称")) + "|"
                        + (aliases.isEmpty() ? List.of() : List.of(aliases.split("[；;、,，]"))) + "|"
                        + (headcount.isEmpty() ? null : Integer.valueOf(headcount)) + "|"
                        + blankToNull(at(cells, titles.indexOf("分组"))) + "|"
                        + blankToNull(at(cells, titles.indexOf("考核组"))));
            }
        }
        return out;
    }

    private static String at(List<String> cells, int column) {
        return column < 0 || column >= cells.size() ? "" : cells.get(column);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
