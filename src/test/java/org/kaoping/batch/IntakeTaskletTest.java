package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaoping.intake.InputFile;
import org.kaoping.scoring.Source;

class IntakeTaskletTest {
    private static RunFileRepository.RunFile file(String path, String parseKey) {
        String ignored = parseKey == null ? "隐藏文件" : null;
        return new RunFileRepository.RunFile(new InputFile(path, Source.SELF, 1, 1, "h", ignored), parseKey);
    }

    @Test
    void filesParsedAheadAreTheFirstNewOrChangedReadableOnesInPathOrder() {
        List<RunFileRepository.RunFile> listed = List.of(file("self/.a.xlsx", null), file("self/b.xlsx", "kb"),
                file("self/c.xlsx", "kc"), file("self/d.xlsx", "kd2"), file("self/e.xlsx", "ke"));
        Map<String, RunFileRepository.RunFile> earlier = Map.of("self/c.xlsx", file("self/c.xlsx", "kc"),
                "self/d.xlsx", file("self/d.xlsx", "kd1"));

        assertThat(IntakeTasklet.changed(listed, earlier, 10)).extracting(f -> f.file().path())
                .containsExactly("self/b.xlsx", "self/d.xlsx", "self/e.xlsx");
        assertThat(IntakeTasklet.changed(listed, earlier, 2)).extracting(f -> f.file().path())
                .containsExactly("self/b.xlsx", "self/d.xlsx");
    }

    @Test
    void nothingIsParsedAheadWhenEveryFileIsAsTheEarlierRunReadIt() {
        List<RunFileRepository.RunFile> listed = List.of(file("self/b.xlsx", "kb"), file("self/c.xlsx", "kc"));
        Map<String, RunFileRepository.RunFile> earlier = Map.of("self/b.xlsx", file("self/b.xlsx", "kb"),
                "self/c.xlsx", file("self/c.xlsx", "kc"));

        assertThat(IntakeTasklet.changed(listed, earlier, 10)).isEmpty();
    }
}
