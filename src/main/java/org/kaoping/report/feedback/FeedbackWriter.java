package org.kaoping.report.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.UnitResult;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.text.Text;

/**
 * Writes a 反馈表 for every unit of a run into {@code 反馈/<单位名称>.xlsx}: each unit receives its own
 * scores and where it lost points, and nothing of any other unit.
 */
public final class FeedbackWriter {
    /** The folder of a run's output that holds the units' 反馈表. */
    public static final String FOLDER = "反馈";
    private static final int MAX_NAME = 80;

    /** How a run's 反馈表 came to be: written anew, or the previous run's file, unchanged, linked. */
    public record Written(int written, int linked) {
    }

    /** Writes them under {@code runFolder}. */
    public Written write(CampaignResult result, String campaignName, Path runFolder) {
        return write(result, campaignName, runFolder, null, Map.of());
    }

    /**
     * Writes them under {@code runFolder}. A 反馈表 unchanged since the one in {@code previous} (the last run's 反馈/,
     * null when none) is that file again, hard-linked rather than created: creating a file costs the file system far
     * more than linking one, and after one correction most units' 反馈表 are as they were. Unchanged means made from
     * the same inputs where {@code unitKeys} gives what a unit's result follows from (its stored outcome's
     * fingerprint: configuration, build, the files naming it), so that it is not even made again; else the same bytes.
     */
    public Written write(CampaignResult result, String campaignName, Path runFolder, Path previous,
                         Map<String, String> unitKeys) {
        Path folder = runFolder.resolve(FOLDER);
        Map<String, List<Discrepancy>> byUnit = new HashMap<>();
        for (Discrepancy d : result.discrepancies()) {
            if (d.unit() != null && !d.unit().isEmpty()) {
                byUnit.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d);
            }
        }
        List<UnitResult> units = result.units();
        List<String> names = fileNames(units);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建 " + folder, e);
        }
        PlainSheet.Encoded encoded = new PlainSheet.Encoded();
        DisplayRounding rounding = result.ranking().rounding();
        List<FeedbackSheet.LeafCells> leafCells = FeedbackSheet.leafCells(result.rubric(), rounding, encoded);
        int linked = 0;
        // On this thread alone: the ranking workbook renders its tables on the common pool, and sharing it made that
        // workbook wait behind these.
        for (int i = 0; i < units.size(); i++) {
            UnitResult u = units.get(i);
            List<Discrepancy> about = byUnit.getOrDefault(u.unit().name(), List.of());
            String key = unitKeys.get(u.unit().name());
            String digest = key == null ? null : PlainZip.digest(inputs(key, campaignName, u, about));
            Path file = folder.resolve(names.get(i));
            Path before = previous == null ? null : previous.resolve(names.get(i));
            if (digest != null && linkedUnchanged(file, before, digest)) {
                linked++;
                continue;
            }
            byte[] xml = FeedbackSheet.write(campaignName, result.rubric(), leafCells, rounding, u, about, encoded).xml();
            if (digest == null) {
                digest = PlainSheet.digest(xml);
                if (linkedUnchanged(file, before, digest)) {
                    linked++;
                    continue;
                }
            }
            try {
                Files.write(file, PlainSheet.xlsx(xml, digest));
            } catch (IOException e) {
                throw new UncheckedIOException("无法写入 " + file, e);
            }
        }
        return new Written(units.size() - linked, linked);
    }

    /**
     * Links {@code file} to {@code before} when that was written with the same {@code digest} (its end says so);
     * false when it was not, or cannot be linked.
     */
    private static boolean linkedUnchanged(Path file, Path before, String digest) {
        if (before == null) {
            return false;
        }
        try {
            if (!digest.equals(PlainZip.digestOf(before))) {
                return false;
            }
            Files.createLink(file, before);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // No such file, or a file system without hard links: written anew.
            return false;
        }
    }

    /**
     * Everything a unit's 反馈表 is made of besides its result's {@code key}: the campaign's name, what ranking gave
     * the unit, and the discrepancies about it (some come from reading, not scoring).
     */
    private static byte[] inputs(String key, String campaignName, UnitResult u, List<Discrepancy> about) {
        StringBuilder inputs = new StringBuilder(256).append(key).append('\n').append(campaignName).append('\n')
                .append(u.status()).append('\n').append(u.rank()).append('\n').append(u.divisionRank()).append('\n')
                .append(u.grade()).append('\n').append(u.scoredBy());
        about.forEach(d -> inputs.append('\n').append(d));
        return inputs.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code <单位名称>.xlsx} for each unit, in order: characters a file name cannot hold become {@code _}, and a name
     * that two units would share (or that differs only in case) gets {@code (2)}, {@code (3)} ….
     */
    static List<String> fileNames(List<UnitResult> units) {
        Set<String> taken = new HashSet<>();
        return units.stream().map(u -> {
            String base = Text.fileName(u.unit().name());
            base = base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
            base = base.replaceAll("[. ]+$", "");
            if (base.isEmpty()) {
                base = "_";
            }
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "(" + n + ")";
            }
            return name + ".xlsx";
        }).toList();
    }
}
