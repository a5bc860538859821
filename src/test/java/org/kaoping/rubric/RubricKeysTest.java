package org.kaoping.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A key a rubric or responsibility map does not define is refused, naming the node and the nearest known key. */
class RubricKeysTest {
    private static final String LEAF = "categories:\n  - code: 一\n    max: 5\n    leaves:\n      - code: \"1.1\"\n";

    private static Rubric load(String yaml) {
        return new RubricLoader().load("t.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyBundledRubricUsesOnlyKnownKeys() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("config/rubrics"))) {
            List<Path> rubrics = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
            assertThat(rubrics).hasSize(5);
            rubrics.forEach(f -> assertThat(new RubricLoader().load(f).code()).isNotBlank());
        }
    }

    @Test
    void aMisspeltTopLevelKeyIsRefusedBeforeAnythingElse() {
        assertThatThrownBy(() -> load("code: t\nname: 测试\ncatgories: []\n")).isInstanceOf(RubricException.class)
                .hasMessage("评分细则 t.yml: 未知的键 “catgories”，是否应为 “categories”？");
    }

    @Test
    void aMisspeltLeafKeyNamesTheLeafsPath() {
        assertThatThrownBy(() -> load("code: t\nname: 测试\n" + LEAF + "        maxx: 5\n"))
                .hasMessage("评分细则 t.yml 的 categories[一].leaves[1.1]: 未知的键 “maxx”，是否应为 “max”？");
    }

    @Test
    void aKeyNearNoKnownOneListsTheKnownKeys() {
        assertThatThrownBy(() -> load("code: t\nname: 测试\n" + LEAF + "        max: 5\n        bonus:\n          上限: 2\n"))
                .hasMessage("评分细则 t.yml 的 categories[一].leaves[1.1].bonus: 未知的键 “上限”；"
                        + "可用的键：levels、points、highest-level-only、cap");
    }
}
