package org.kaoping.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.support.TestHome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged jar as staff start it ({@code java -jar target/kaoping.jar run demo}), in a process of its own with
 * the jar's class path only: what the unit tests' class path hides (a library only tests bring) fails here. The
 * demo's ranking must be the Shanxi sample's expected.json, which the bundled demo is a copy of.
 */
class DemoJarIT {

    @Test
    void theJarRunsTheBundledDemoAndRanksItAsTheSampleExpects(@TempDir Path home) throws Exception {
        TestHome.copyTree(Path.of("config"), home.resolve("config"));
        TestHome.copyTree(Path.of("input/demo"), home.resolve("input/demo"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", new File("target/kaoping.jar").getAbsolutePath(), "run",
                "demo").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("run.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(home.resolve("run.log"))).isZero();
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
    void aMisspeltKeyStopsTheRunWithExitThreeBeforeAnythingIsOpenedOrWritten(@TempDir Path home) throws Exception {
        TestHome.copyTree(Path.of("config"), home.resolve("config"));
        TestHome.copyTree(Path.of("input/demo"), home.resolve("input/demo"));
        Path campaign = home.resolve("config/campaigns/demo.yml");
        Files.writeString(campaign, Files.readString(campaign) + "retension: 3\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", new File("target/kaoping.jar").getAbsolutePath(), "run",
                "demo").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("run.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readString(home.resolve("run.log")).strip())
                .isEqualTo("无法运行：demo.yml: 未知的键 “retension”，是否应为 “retention”？");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void checkListsWhatARunWouldReadAndWritesNothing(@TempDir Path home) throws Exception {
        TestHome.copyTree(Path.of("config"), home.resolve("config"));
        TestHome.copyTree(Path.of("input/demo"), home.resolve("input/demo"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", new File("target/kaoping.jar").getAbsolutePath(), "check",
                "demo").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("check.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String log = Files.readString(home.resolve("check.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("考核 demo（");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("output")).doesNotExist();
    }

    @Test
    void springDatasourceUrlChoosesTheDatabaseAndOneThatIsNotH2IsRefusedWithExitThree(@TempDir Path home)
            throws Exception {
        TestHome.copyTree(Path.of("config"), home.resolve("config"));
        TestHome.copyTree(Path.of("input/demo"), home.resolve("input/demo"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = new File("target/kaoping.jar").getAbsolutePath();
        Process postgres = new ProcessBuilder(java, "-jar", jar, "run", "demo",
                "--spring.datasource.url=jdbc:postgresql://localhost/kaoping").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("pg.log").toFile()).start();
        assertThat(postgres.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(postgres.exitValue()).isEqualTo(3);
        assertThat(Files.readString(home.resolve("pg.log")).strip())
                .startsWith("无法运行：数据库 jdbc:postgresql://localhost/kaoping 不是 H2；");
        assertThat(home.resolve("data")).doesNotExist();

        Path shared = home.resolve("shared/kaoping");
        Process h2 = new ProcessBuilder(java, "-jar", jar, "run", "demo", "--spring.datasource.url=jdbc:h2:file:" + shared)
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(home.resolve("h2.log").toFile()).start();
        assertThat(h2.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(h2.exitValue()).as(Files.readString(home.resolve("h2.log"))).isZero();
        assertThat(home.resolve("shared/kaoping.mv.db")).exists();
        assertThat(home.resolve("data/kaoping.mv.db")).doesNotExist();
    }

    /** 总排名 by unit name: rank, base (基础分), total (总分) as shown with two decimals. */
    private static Map<String, String[]> overall(Path file) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheet("总排名");
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
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
