package org.kaoping.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kaoping.intake.InputScanner.Stamp;

/**
 * A watched input folder, looked at tick by tick: changed when its files (path, size, modification time) differ
 * from those its last consolidation saw, and due once the change has then stayed as it is for the quiet period. A
 * file still being copied keeps changing, so it is never read half-copied.
 */
final class QuietFolder {
    private final Duration quiet;
    private Map<String, Stamp> consolidated;
    private Map<String, Stamp> seen;
    private Instant seenSince;

    /** {@code consolidated}: the files as the last consolidation saw them (empty when there was none). */
    QuietFolder(Duration quiet, Map<String, Stamp> consolidated) {
        this.quiet = quiet;
        this.consolidated = Map.copyOf(consolidated);
    }

    /** What changed since the last consolidation, once it has been quiet for long enough; empty otherwise. */
    Optional<Changes> due(Map<String, Stamp> now, Instant at) {
        if (!now.equals(seen)) {
            seen = Map.copyOf(now);
            seenSince = at;
        }
        if (now.equals(consolidated) || Duration.between(seenSince, at).compareTo(quiet) < 0) {
            return Optional.empty();
        }
        return Optional.of(Changes.between(consolidated, now));
    }

    /** The files a consolidation saw, as they were when it started. */
    void consolidated(Map<String, Stamp> files) {
        consolidated = Map.copyOf(files);
    }

    /** Files added, changed and removed, by path. */
    record Changes(List<String> added, List<String> changed, List<String> removed) {
        static Changes between(Map<String, Stamp> before, Map<String, Stamp> after) {
            TreeSet<String> added = new TreeSet<>();
            TreeSet<String> changed = new TreeSet<>();
            after.forEach((path, stamp) -> {
                Stamp was = before.get(path);
                if (was == null) {
                    added.add(path);
                } else if (!was.equals(stamp)) {
                    changed.add(path);
                }
            });
            TreeSet<String> removed = new TreeSet<>(before.keySet());
            removed.removeAll(after.keySet());
            return new Changes(List.copyOf(added), List.copyOf(changed), List.copyOf(removed));
        }

        String describe() {
            StringBuilder out = new StringBuilder();
            append(out, "新增", added);
            append(out, "更改", changed);
            append(out, "移除", removed);
            return out.toString();
        }

        private static void append(StringBuilder out, String what, List<String> paths) {
            if (!paths.isEmpty()) {
                out.append(out.isEmpty() ? "" : "；").append(what).append(' ').append(String.join("、", paths));
            }
        }
    }
}
