package org.kaoping.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kaoping.report.RunChanges;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitResult;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.RunRecordRepository;

/** Compares a run with the previous completed run of its campaign: files by path and content, units by name. */
final class RunComparison {
    private RunComparison() {
    }

    /**
     * Fingerprint of everything a run's results follow from: the configuration (campaign file, rubric and
     * roster, read limits) and each input file's path and content. Equal keys, equal results.
     */
    static String inputsKey(String configuration, List<RunFileRepository.RunFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(configuration.getBytes(StandardCharsets.UTF_8));
            // Fed piece by piece: the same bytes as "\n" + path + "\t" + sha256 + "\t" + ignored, without the strings.
            for (RunFileRepository.RunFile f : files) {
                digest.update((byte) '\n');
                digest.update(f.file().path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\t');
                digest.update(f.file().sha256().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\t');
                digest.update(String.valueOf(f.file().ignored()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<RunRecordRepository.UnitRecord> units(List<UnitResult> results) {
        return results.stream().map(u -> new RunRecordRepository.UnitRecord(u.unit().name(), u.status().name(),
                u.total(), u.status() == Status.RANKED ? u.rank() : null)).toList();
    }

    static RunChanges compare(RunRecordRepository.RunRecord previous, String inputsKey,
                              List<RunFileRepository.RunFile> previousFiles, List<RunFileRepository.RunFile> files,
                              List<RunRecordRepository.UnitRecord> previousUnits, List<RunRecordRepository.UnitRecord> units) {
        Map<String, String> before = previousFiles.stream()
                .collect(Collectors.toMap(f -> f.file().path(), f -> f.file().sha256(), (a, b) -> a));
        Map<String, String> after = files.stream()
                .collect(Collectors.toMap(f -> f.file().path(), f -> f.file().sha256(), (a, b) -> a));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((path, hash) -> {
            if (!before.containsKey(path)) {
                added.add(path);
            } else if (!before.get(path).equals(hash)) {
                changed.add(path);
            }
        });
        List<String> removed = before.keySet().stream().filter(p -> !after.containsKey(p)).sorted().toList();
        return new RunChanges(previous.runId(), previous.inputsKey().equals(inputsKey), added.stream().sorted().toList(),
                changed.stream().sorted().toList(), removed, unitChanges(previousUnits, units));
    }

    /** Units whose total or rank moved, in the current run's order; units new to or gone from the roster too. */
    private static List<RunChanges.UnitChange> unitChanges(List<RunRecordRepository.UnitRecord> previousUnits,
                                                          List<RunRecordRepository.UnitRecord> units) {
        // What is left of the previous run's units once the current ones are taken out are the units gone.
        Map<String, RunRecordRepository.UnitRecord> before = byName(previousUnits);
        List<RunChanges.UnitChange> changes = new ArrayList<>();
        for (RunRecordRepository.UnitRecord now : units) {
            RunRecordRepository.UnitRecord then = before.remove(now.unit());
            RunChanges.UnitChange change = then == null
                    ? new RunChanges.UnitChange(now.unit(), null, now.total(), null, now.rank())
                    : new RunChanges.UnitChange(now.unit(), then.total(), now.total(), then.rank(), now.rank());
            if (then == null || change.moved()) {
                changes.add(change);
            }
        }
        for (String unit : new TreeSet<>(before.keySet())) {
            RunRecordRepository.UnitRecord then = before.get(unit);
            changes.add(new RunChanges.UnitChange(unit, then.total(), null, then.rank(), null));
        }
        return changes;
    }

    private static Map<String, RunRecordRepository.UnitRecord> byName(List<RunRecordRepository.UnitRecord> units) {
        return units.stream().collect(Collectors.toMap(RunRecordRepository.UnitRecord::unit, Function.identity(),
                (a, b) -> a, HashMap::new));
    }
}
