package org.kaoping.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaoping.schedule.CampaignSchedules;
import org.kaoping.support.TestHome;
import org.kaoping.text.Nearest;

class KnownKeysTest {

    @Test
    void aMisspeltScheduleStopsServeNamingTheNearestKey(@TempDir Path home) {
        TestHome.write(home.resolve("config/campaigns/nightly.yml"),
                "name: 夜间\nrubric: shanxi-2020\nroster: rosters/r.xlsx\nshedule: \"0 0 2 * * ?\"\n");

        assertThatThrownBy(() -> new CampaignSchedules().read(new KaopingHome(home)))
                .isInstanceOf(CampaignException.class)
                .hasMessage("nightly.yml: 未知的键 “shedule”，是否应为 “schedule”？");
    }

    @Test
    void aKeyNearNoKnownOneListsTheKnownKeys() {
        assertThatThrownBy(() -> KnownKeys.check("demo.yml", "gaps", Map.of("总分", 5), List.of("leaf", "total")))
                .hasMessage("demo.yml: 未知的键 “gaps.总分”；可用的键：leaf、total");
    }

    @Test
    void everyKnownKeyPasses() {
        KnownKeys.check("demo.yml", "", Map.of("name", "x", "retention", 3, "schedule", "0 0 2 * * ?"),
                CampaignLoader.KEYS);
    }

    @Test
    void distanceCountsInsertionsDeletionsReplacementsAndSwaps() {
        assertThat(Nearest.distance("retension", "retention")).isEqualTo(1);
        assertThat(Nearest.distance("shedule", "schedule")).isEqualTo(1);
        assertThat(Nearest.distance("rosetr", "roster")).isEqualTo(1);
        assertThat(Nearest.distance("rubirc", "rubric")).isEqualTo(1);
        assertThat(Nearest.distance("ranking", "ranking")).isZero();
        assertThat(Nearest.distance("总分", "total")).isEqualTo(5);
    }
}
