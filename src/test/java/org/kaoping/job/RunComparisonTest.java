package org.kaoping.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaoping.intake.InputFile;
import org.kaoping.report.RunChanges;
import org.kaoping.scoring.input.Source;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;

class RunComparisonTest {
    private static final RunRecordRepository.RunRecord PREVIOUS =
            new RunRecordRepository.RunRecord("r1", "c", 3, 3, 0, 3, 3, 0, "old-inputs");

    private static RunFileRepository.RunFile file(String path, String sha256, String ignored) {
        return new RunFileRepository.RunFile(new InputFile(path, Source.SELF, 1, 2, sha256, ignored), "k-" + path);
    }

    private static RunRecordRepository.UnitRecord unit(String name, String total, Integer rank) {
        return new RunRecordRepository.UnitRecord(name, "RANKED", total == null ? null : new BigDecimal(total), rank);
    }

    @Test
    void inputsKeyIsTheDigestOfTheConfigurationAndEveryFilesPathHashAndIgnoreReason() throws Exception {
        List<RunFileRepository.RunFile> files = List.of(file("self/甲.xlsx", "aa", null), file("x.txt", "bb", "不是电子表格文件"));
        // Stored with every run: the next run's "输入未变化" depends on computing it the same way release after release.
        String spelledOut = "config\nself/甲.xlsx\taa\tnull\nx.txt\tbb\t不是电子表格文件";
        assertThat(RunComparison.inputsKey("config", files)).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(spelledOut.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void filesAndUnitsAreComparedByPathAndName() {
        RunChanges changes = RunComparison.compare(PREVIOUS, "new-inputs",
                List.of(file("a.xlsx", "1", null), file("b.xlsx", "2", null), file("c.xlsx", "3", null)),
                List.of(file("a.xlsx", "1", null), file("b.xlsx", "2x", null), file("d.xlsx", "4", null)),
                List.of(unit("乙", "90.0", 1), unit("丁", "80", 3), unit("甲", "85", 2), unit("丙", "70", 4)),
                List.of(unit("甲", "85.00", 2), unit("乙", "79", 3), unit("戊", "88", 1)));

        assertThat(changes.inputsUnchanged()).isFalse();
        assertThat(changes.added()).containsExactly("d.xlsx");
        assertThat(changes.changed()).containsExactly("b.xlsx");
        assertThat(changes.removed()).containsExactly("c.xlsx");
        // 甲 is unchanged (85 = 85.00, rank 2); 乙 moved; 戊 is new; 丁 and 丙 are gone, listed by name.
        assertThat(changes.units()).extracting(RunChanges.UnitChange::unit).containsExactly("乙", "戊", "丁", "丙");
    }
}
