package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.support.KaopingJar;
import org.kaoping.support.Workbooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged jar as staff start it ({@code java -jar target/kaoping.jar run demo}), in a process of its own with
 * the jar's class path only: what the unit tests' class path hides (a library only tests bring) fails here. The
 * demo's ranking must be the Shanxi sample's expected.json, which the bundled demo is a copy of.
 */
class DemoJarIT {

    @Test
    void theJarRunsTheBundledDemoAndRanksItAsTheSampleExpects(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        int exit = KaopingJar.run(home, "run.log", "run", "demo");

        assertThat(exit).as(KaopingJar.log(home, "run.log")).isZero();
        Map<String, String[]> ranked = overall(home.resolve("output/demo/latest/综合排名.xlsx"));
        JsonNode expected = new ObjectMapper().readTree(
                Path.of("src/test/resources/samples/shanxi-2020-demo/expected.json").toFile());
        assertThat(ranked).hasSize(expected.get("units").size());
        for (JsonNode unit : expected.get("units")) {
            String[] row = ranked.get(unit.get("unit").asString());
            assertThat(row).as(unit.get("unit").asString()).containsExactly(
                    unit.get("rank").isNull() ? "" : unit.get("rank").asString(), unit.get("base").asString(),
                    unit.get("total").asString());
        }
        assertThat(home.resolve("output/demo/latest/差异报告.xlsx")).exists();
    }

    @Test
    void rubricImportWritesTheRubricOfATableWhetherItsIdIsGivenApartOrWithAnEqualsSign(@TempDir Path dir)
            throws Exception {
        Path home = KaopingJar.demoHome(dir);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(home.resolve("打分表.xlsx"))) {
            Sheet sheet = wb.createSheet("自查打分表");
            String[][] rows = {{"项目", "考核指标", "考核内容及标准", "考核方法", "分值", "得分"},
                    {"一、组织领导（6分）", "领导机制", "成立创建领导小组", "查看资料", "4", ""},
                    {"", "工作计划", "有年度计划", "查看资料、实地查看", "2", ""},
                    {"二、环境卫生（4分）", "办公环境", "整洁有序", "实地查看", "4", ""}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (c == 4 && r > 0) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            wb.write(out);
        }

        int exit = KaopingJar.run(home, "import.log", "rubric", "import", "打分表.xlsx", "--id", "mini");

        assertThat(exit).as(KaopingJar.log(home, "import.log")).isZero();
        assertThat(KaopingJar.log(home, "import.log")).contains("已写出 config/rubrics/mini.yml：2 个一级指标，3 个评分项，满分 10");
        Rubric mini = new RubricLoader().load(home.resolve("config/rubrics/mini.yml"));
        assertThat(mini.leaves()).extracting(Leaf::code, Leaf::name).containsExactly(tuple("1.1", "领导机制"),
                tuple("1.2", "工作计划"), tuple("2.1", "办公环境"));
        assertThat(mini.leaves().get(1).methods()).containsExactly("查看资料", "实地查看");
        assertThat(KaopingJar.run(home, "again.log", "rubric", "import", "打分表.xlsx", "--id=mini")).isEqualTo(3);
        assertThat(KaopingJar.run(home, "forced.log", "rubric", "import", "打分表.xlsx", "--id=mini", "--force")).isZero();
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void templateStoresNothingAndNeedsNoDatabaseServer(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        String url = "jdbc:postgresql://127.0.0.1:1/kaoping"; // nothing listens on port 1

        int exit = KaopingJar.run(home, "template.log", "template", "demo", "--spring.datasource.url=" + url);

        assertThat(exit).as(KaopingJar.log(home, "template.log")).isZero();
        assertThat(home.resolve("templates/demo")).isDirectory();
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void aMisspeltKeyStopsTheRunWithExitThreeBeforeAnythingIsOpenedOrWritten(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Path campaign = home.resolve("config/campaigns/demo.yml");
        Files.writeString(campaign, Files.readString(campaign) + "retension: 3\n");

        assertThat(KaopingJar.run(home, "run.log", "run", "demo")).isEqualTo(3);
        assertThat(KaopingJar.log(home, "run.log").strip())
                .isEqualTo("无法运行：demo.yml: 未知的键 “retension”，是否应为 “retention”？");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void aMisspeltCommandIsExitTwoAndLeavesNothingInTheFolderItWasTypedIn(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);

        assertThat(KaopingJar.run(home, "typo.log", "rnu", "demo")).isEqualTo(2);
        assertThat(KaopingJar.log(home, "typo.log")).startsWith("无法识别的命令：rnu demo\n用法: bin/kaoping <命令>");
        assertThat(KaopingJar.run(home, "help.log", "--help")).isZero();
        assertThat(KaopingJar.log(home, "help.log")).startsWith("用法: bin/kaoping <命令>");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void aMisspeltKeyStopsServeWithExitThreeBeforeAnythingIsOpened(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Path campaign = home.resolve("config/campaigns/demo.yml");
        Files.writeString(campaign, Files.readString(campaign) + "shedule: \"0 0 2 * * ?\"\n");

        assertThat(KaopingJar.run(home, "serve.log", "serve")).isEqualTo(3);
        assertThat(KaopingJar.log(home, "serve.log").strip())
                .isEqualTo("无法启动定时运行：demo.yml: 未知的键 “shedule”，是否应为 “schedule”？");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void aMisspeltSettingInTheHomesPropertiesStopsTheRunWithExitThreeNamingFileAndLine(@TempDir Path dir)
            throws Exception {
        Path home = KaopingJar.demoHome(dir);
        Files.writeString(home.resolve("config/application.properties"),
                "# settings of this home\nkaoping.read.max-rows=8000\nkaoping.reed.max-file-size=10MB\n");

        assertThat(KaopingJar.run(home, "run.log", "run", "demo")).isEqualTo(3);
        assertThat(KaopingJar.log(home, "run.log").strip()).isEqualTo("无法运行：未知的设置 kaoping.reed.max-file-size"
                + "（config/application.properties 第 3 行）（kaoping.* 的设置见 docs/configuration.md）");
        assertThat(KaopingJar.run(home, "bad.log", "run", "demo", "--kaoping.serve.grace-period=forever")).isEqualTo(3);
        assertThat(KaopingJar.log(home, "bad.log").strip())
                .isEqualTo("无法运行：设置 kaoping.serve.grace-period（命令行）的值 “forever” 不能用");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void theHomesPropertiesChooseItsDatabaseWhereverTheCommandIsStarted(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir.resolve("home"));
        Path shared = dir.resolve("shared/kaoping");
        Files.writeString(home.resolve("config/application.properties"), "spring.datasource.url=jdbc:h2:file:"
                + shared.toString().replace('\\', '/') + "\n");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        int exit = KaopingJar.run(elsewhere, "run.log", "run", "demo", "--kaoping.home=" + home);
        assertThat(exit).as(KaopingJar.log(elsewhere, "run.log")).isZero();
        assertThat(dir.resolve("shared/kaoping.mv.db")).exists();
        assertThat(home.resolve("data/kaoping.mv.db")).doesNotExist();
        assertThat(home.resolve("output/demo/latest/综合排名.xlsx")).exists();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        String url = "jdbc:postgresql://127.0.0.1:1/kaoping"; // nothing listens on port 1

        assertThat(KaopingJar.run(home, "run.log", "run", "demo", "--spring.datasource.url=" + url)).isEqualTo(1);
        assertThat(KaopingJar.log(home, "run.log").strip()).startsWith("无法运行：无法连接数据库 " + url + "：")
                .contains("Connection to 127.0.0.1:1 refused").doesNotContain("\tat ").hasLineCount(1);
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void checkListsWhatARunWouldReadAndWritesNothing(@TempDir Path dir) throws Exception {
        Path home = KaopingJar.demoHome(dir);
        int exit = KaopingJar.run(home, "check.log", "check", "demo");

        String log = KaopingJar.log(home, "check.log");
        assertThat(exit).as(log).isZero();
        assertThat(log).contains("考核 demo（");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void springDatasourceUrlChoosesTheDatabaseAndOneNeitherH2NorPostgresqlIsRefusedWithExitThree(@TempDir Path dir)
            throws Exception {
        Path home = KaopingJar.demoHome(dir);
        assertThat(KaopingJar.run(home, "mysql.log", "run", "demo",
                "--spring.datasource.url=jdbc:mysql://localhost/kaoping")).isEqualTo(3);
        assertThat(KaopingJar.log(home, "mysql.log").strip())
                .startsWith("无法运行：不支持数据库 jdbc:mysql://localhost/kaoping；只支持 PostgreSQL");
        assertThat(home.resolve("data")).doesNotExist();

        Path shared = home.resolve("shared/kaoping");
        int exit = KaopingJar.run(home, "h2.log", "run", "demo", "--spring.datasource.url=jdbc:h2:file:" + shared);
        assertThat(exit).as(KaopingJar.log(home, "h2.log")).isZero();
        assertThat(home.resolve("shared/kaoping.mv.db")).exists();
        assertThat(home.resolve("data/kaoping.mv.db")).doesNotExist();
    }

    /** 总排名 by unit name: rank, base (基础分), total (总分) as shown with two decimals. */
    private static Map<String, String[]> overall(Path file) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheet("总排名");
            int header = Workbooks.headerRow(sheet);
            for (Row row : sheet) {
                if (row.getRowNum() <= header) {
                    continue;
                }
                String rank = row.getCell(0) == null || row.getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? "" : String.valueOf((int) row.getCell(0).getNumericCellValue());
                rows.put(row.getCell(1).getStringCellValue(),
                        new String[] {rank, shown(row.getCell(4).getNumericCellValue()), shown(row.getCell(7).getNumericCellValue())});
            }
        }
        return rows;
    }

    private static String shown(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
