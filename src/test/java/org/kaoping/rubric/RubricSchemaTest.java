package org.kaoping.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * config/schema/rubric.schema.json, which editors check rubrics against while staff type, allows exactly the keys
 * RubricLoader accepts at every kind of node, and every bundled rubric names it on its first line.
 */
class RubricSchemaTest {
    private static final JsonNode SCHEMA = new ObjectMapper().readTree(Path.of("config/schema/rubric.schema.json").toFile());

    private static Set<String> keys(JsonNode node) {
        assertThat(node.get("additionalProperties").asBoolean()).isFalse();
        Set<String> out = new TreeSet<>();
        node.get("properties").propertyNames().forEach(out::add);
        return out;
    }

    private static JsonNode def(String name) {
        return SCHEMA.get("$defs").get(name);
    }

    @Test
    void theSchemaAllowsExactlyTheKeysTheLoaderAccepts() {
        Map<JsonNode, List<String>> nodes = Map.ofEntries(
                Map.entry(SCHEMA, RubricLoader.RUBRIC_KEYS),
                Map.entry(SCHEMA.get("properties").get("bonus"), RubricLoader.BONUS_KEYS),
                Map.entry(SCHEMA.get("properties").get("deductions"), RubricLoader.DEDUCTIONS_KEYS),
                Map.entry(def("category"), RubricLoader.CATEGORY_KEYS),
                Map.entry(def("indicator"), RubricLoader.INDICATOR_KEYS),
                Map.entry(def("leaf"), RubricLoader.LEAF_KEYS),
                Map.entry(def("part"), RubricLoader.PART_KEYS),
                Map.entry(def("leafBonus"), LeafRules.RULE_KEYS),
                Map.entry(def("ruleDeduction"), RubricLoader.RULE_DEDUCTION_KEYS),
                Map.entry(def("veto"), RubricLoader.VETO_KEYS),
                Map.entry(def("responsible"), RubricLoader.RESPONSIBLE_KEYS),
                Map.entry(def("bonusItem"), RubricLoader.BONUS_ITEM_KEYS),
                Map.entry(def("deductionItem"), RubricLoader.DEDUCTION_ITEM_KEYS),
                Map.entry(def("band"), RubricLoader.BAND_KEYS));
        nodes.forEach((node, accepted) -> assertThat(keys(node)).isEqualTo(new TreeSet<>(accepted)));
    }

    @Test
    void everyBundledRubricNamesTheSchemaOnItsFirstLine() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("config/rubrics"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                assertThat(Files.readAllLines(f).get(0)).as(f.toString())
                        .isEqualTo("# yaml-language-server: $schema=../schema/rubric.schema.json");
            }
        }
    }
}
