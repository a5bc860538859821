package org.kaoping.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaoping.intake.InputScanner.Stamp;

class QuietFolderTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final Map<String, Stamp> LAST_RUN = Map.of("self/甲.xlsx", new Stamp(100, 1));

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void aDroppedFileIsDueOnlyOnceItHasBeenQuietForThePeriod() {
        QuietFolder folder = new QuietFolder(Duration.ofSeconds(5), LAST_RUN);
        assertThat(folder.due(LAST_RUN, at(0))).isEmpty();
        Map<String, Stamp> dropped = Map.of("self/甲.xlsx", new Stamp(100, 1), "self/更正-乙.xlsx", new Stamp(50, 7));
        assertThat(folder.due(dropped, at(1))).isEmpty();
        assertThat(folder.due(dropped, at(5.9))).isEmpty();
        assertThat(folder.due(dropped, at(6))).hasValueSatisfying(c -> {
            assertThat(c.added()).containsExactly("self/更正-乙.xlsx");
            assertThat(c.describe()).isEqualTo("新增 self/更正-乙.xlsx");
        });
        folder.consolidated(dropped);
        assertThat(folder.due(dropped, at(20))).isEmpty();
    }

    @Test
    void aFileStillBeingCopiedIsNeverDueWhileItGrows() {
        QuietFolder folder = new QuietFolder(Duration.ofSeconds(2), LAST_RUN);
        for (int tick = 1; tick <= 10; tick++) {
            Map<String, Stamp> copying = Map.of("self/甲.xlsx", new Stamp(100, 1), "inspection/组.xlsx",
                    new Stamp(1000L * tick, tick));
            assertThat(folder.due(copying, at(tick))).as("tick %d", tick).isEmpty();
        }
        Map<String, Stamp> copied = Map.of("self/甲.xlsx", new Stamp(100, 1), "inspection/组.xlsx", new Stamp(10_000, 10));
        assertThat(folder.due(copied, at(11.9))).isEmpty();
        assertThat(folder.due(copied, at(12))).isPresent();
    }

    @Test
    void aCorrectionAndARemovalSinceTheLastRunAreDueAfterTheQuietPeriodFromTheStart() {
        QuietFolder folder = new QuietFolder(Duration.ofSeconds(5), Map.of("self/甲.xlsx", new Stamp(100, 1),
                "self/乙.xlsx", new Stamp(80, 1)));
        Map<String, Stamp> now = Map.of("self/甲.xlsx", new Stamp(120, 9));
        assertThat(folder.due(now, at(0))).isEmpty();
        assertThat(folder.due(now, at(5))).hasValueSatisfying(c ->
                assertThat(c.describe()).isEqualTo("更改 self/甲.xlsx；移除 self/乙.xlsx"));
    }
}
