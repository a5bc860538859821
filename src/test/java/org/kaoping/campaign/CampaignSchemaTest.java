package org.kaoping.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * config/schema/campaign.schema.json allows exactly the keys a campaign file may have, and every bundled campaign
 * names it on its first line, so an editor completes and checks keys while staff type.
 */
class CampaignSchemaTest {
    private static final JsonNode SCHEMA = new ObjectMapper().readTree(
            Path.of("config/schema/campaign.schema.json").toFile());

    private static Set<String> keys(JsonNode node) {
        assertThat(node.get("additionalProperties").asBoolean()).isFalse();
        Set<String> out = new TreeSet<>();
        node.get("properties").propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void theSchemaAllowsExactlyTheKeysTheLoaderAccepts() {
        JsonNode properties = SCHEMA.get("properties");
        assertThat(keys(SCHEMA)).isEqualTo(new TreeSet<>(CampaignLoader.KEYS));
        assertThat(keys(properties.get("gaps"))).isEqualTo(new TreeSet<>(CampaignLoader.GAP_KEYS));
        assertThat(keys(properties.get("ranking"))).isEqualTo(new TreeSet<>(RankingRulesParser.KEYS));
        assertThat(keys(properties.get("ranking").get("properties").get("grades").get("items")))
                .isEqualTo(new TreeSet<>(RankingRulesParser.GRADE_KEYS));
    }

    @Test
    void everyBundledCampaignNamesTheSchemaOnItsFirstLine() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("config/campaigns"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                assertThat(Files.readAllLines(f).get(0)).as(f.toString())
                        .isEqualTo("# yaml-language-server: $schema=../schema/campaign.schema.json");
            }
        }
    }
}
