package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing never names a folder outside output/&lt;campaign&gt;, heals a cut-short latest/ swap, links latest/'s
 * 反馈表 to the run's, and prunes only runs.
 */
class OutputPublisherTest {
    @TempDir
    Path out;

    @Test
    void runIdsThatCouldEscapeTheOutputFolderAreRefused() {
        OutputPublisher publisher = new OutputPublisher(out);
        assertThatThrownBy(() -> publisher.stage("../../input/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> publisher.stage("latest")).isInstanceOf(IllegalArgumentException.class);
        assertThat(publisher.stage("20250301-093015-123")).isDirectory();
    }

    @Test
    void aLatestSwapCutShortByACrashIsUndoneBeforeTheNextPublish() throws IOException {
        Files.createDirectories(out.resolve(".retired-latest"));
        Files.writeString(out.resolve(".retired-latest/综合排名.xlsx"), "old");
        OutputPublisher publisher = new OutputPublisher(out);
        Path staging = publisher.stage("20250301-093015-123");
        assertThat(out.resolve("latest/综合排名.xlsx")).hasContent("old");
        Files.writeString(staging.resolve("综合排名.xlsx"), "new");
        publisher.publish(staging, "20250301-093015-123");
        assertThat(out.resolve("latest/综合排名.xlsx")).hasContent("new");
        assertThat(out.resolve(".retired-latest")).doesNotExist();
        assertThat(out.resolve(".staging-latest")).doesNotExist();
    }

    @Test
    void latestHoldsACopyOfTheWorkbooksAndLinksToTheFeedbackTables() throws IOException {
        OutputPublisher publisher = new OutputPublisher(out);
        Path staging = publisher.stage("20250301-093015-123");
        Files.writeString(staging.resolve("综合排名.xlsx"), "ranking");
        Files.createDirectories(staging.resolve("反馈"));
        Files.writeString(staging.resolve("反馈/省财政厅.xlsx"), "feedback");
        Path run = publisher.publish(staging, "20250301-093015-123");
        assertThat(out.resolve("latest/综合排名.xlsx")).hasContent("ranking");
        assertThat(Files.isSameFile(out.resolve("latest/综合排名.xlsx"), run.resolve("综合排名.xlsx"))).isFalse();
        assertThat(out.resolve("latest/反馈/省财政厅.xlsx")).hasContent("feedback");
        assertThat(Files.isSameFile(out.resolve("latest/反馈/省财政厅.xlsx"), run.resolve("反馈/省财政厅.xlsx"))).isTrue();
    }

    @Test
    void retentionDeletesOnlyTheOldestRunFolders() throws IOException {
        for (String name : new String[] {"20250101-000000-000", "20250201-000000-000", "20250301-000000-000", "latest", "备份"}) {
            Files.createDirectories(out.resolve(name));
        }
        assertThat(new OutputPublisher(out).prune(2)).containsExactly("20250101-000000-000");
        assertThat(out.resolve("20250201-000000-000")).isDirectory();
        assertThat(out.resolve("20250301-000000-000")).isDirectory();
        assertThat(out.resolve("latest")).isDirectory();
        assertThat(out.resolve("备份")).isDirectory();
    }
}
