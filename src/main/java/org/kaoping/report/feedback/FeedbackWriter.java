package org.kaoping.report.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.UnitResult;

/**
 * Writes a 反馈表 for every unit of a run into {@code 反馈/<单位名称>.xlsx}, on all cores: each unit receives its own
 * scores and where it lost points, and nothing of any other unit.
 */
public final class FeedbackWriter {
    /** The folder of a run's output that holds the units' 反馈表. */
    public static final String FOLDER = "反馈";
    // Characters Windows does not allow in a file name, and control characters.
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    private static final int MAX_NAME = 80;

    /** Writes them under {@code runFolder}; returns how many. */
    public int write(CampaignResult result, String campaignName, Path runFolder) {
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
        IntStream.range(0, units.size()).parallel().forEach(i -> {
            UnitResult u = units.get(i);
            byte[] xlsx = FeedbackSheet.write(campaignName, result.rubric(), result.ranking().rounding(), u,
                    byUnit.getOrDefault(u.unit().name(), List.of()));
            Path file = folder.resolve(names.get(i));
            try {
                Files.write(file, xlsx);
            } catch (IOException e) {
                throw new UncheckedIOException("无法写入 " + file, e);
            }
        });
        return units.size();
    }

    /**
     * {@code <单位名称>.xlsx} for each unit, in order: characters a file name cannot hold become {@code _}, and a name
     * that two units would share (or that differs only in case) gets {@code (2)}, {@code (3)} ….
     */
    static List<String> fileNames(List<UnitResult> units) {
        Set<String> taken = new HashSet<>();
        return units.stream().map(u -> {
            String base = UNSAFE.matcher(u.unit().name().strip()).replaceAll("_");
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
