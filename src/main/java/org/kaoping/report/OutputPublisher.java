package org.kaoping.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts a run's workbooks in place: written into a hidden staging folder, moved to
 * {@code output/<campaign>/<run>/} in one rename, then copied to a hidden sibling of {@code latest/} and
 * swapped in by two renames, so neither is ever seen half-written. A process killed between those two
 * renames leaves {@code .retired-latest}, which the next publish puts back first. Older runs are kept unless
 * the campaign sets {@code retention}.
 */
public final class OutputPublisher {
    public static final String LATEST = "latest";
    /** Run ids are start times ({@code 20250301-093015-123}); nothing else names a folder here or is pruned. */
    private static final Pattern RUN_ID = Pattern.compile("\\d{8}-\\d{6}-\\d{3}");
    private static final String RETIRED = ".retired-latest";

    private final Path campaignOutput;

    public OutputPublisher(Path campaignOutput) {
        this.campaignOutput = campaignOutput;
    }

    /** A fresh staging folder for a run; {@link #publish} moves it into place. */
    public Path stage(String runId) {
        requireRunId(runId);
        try {
            restoreLatest();
            Path staging = campaignOutput.resolve(".staging-" + runId);
            deleteTree(staging);
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建输出目录 " + campaignOutput, e);
        }
    }

    /** Moves the staged run into place and refreshes latest/; returns the run's folder. */
    public Path publish(Path staging, String runId) {
        requireRunId(runId);
        try {
            restoreLatest();
            Path runDir = campaignOutput.resolve(runId);
            deleteTree(runDir);
            move(staging, runDir);
            Path latestStaging = campaignOutput.resolve(".staging-latest");
            deleteTree(latestStaging);
            copyTree(runDir, latestStaging, false);
            Path latest = campaignOutput.resolve(LATEST);
            Path retired = campaignOutput.resolve(RETIRED);
            deleteTree(retired);
            if (Files.exists(latest)) {
                move(latest, retired);
            }
            move(latestStaging, latest);
            deleteTree(retired);
            return runDir;
        } catch (IOException e) {
            throw new UncheckedIOException("无法发布输出到 " + campaignOutput, e);
        }
    }

    /**
     * Deletes all but the newest {@code keep} run folders (by run id, i.e. start time); never {@code latest/}
     * or anything not named like a run. Returns the names removed.
     */
    public List<String> prune(int keep) {
        try (Stream<Path> entries = Files.list(campaignOutput)) {
            List<Path> runs = entries.filter(Files::isDirectory)
                    .filter(p -> RUN_ID.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            List<String> removed = new ArrayList<>();
            for (Path old : runs.subList(Math.min(keep, runs.size()), runs.size())) {
                deleteTree(old);
                removed.add(old.getFileName().toString());
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("无法清理 " + campaignOutput + " 中较早的运行目录", e);
        }
    }

    /** A run id names a folder under output/: it must not be able to point anywhere else. */
    static void requireRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("运行编号“" + runId + "”无效");
        }
    }

    /** Undoes a swap of latest/ cut short by a crash: the old copy is better than none. */
    private void restoreLatest() throws IOException {
        Path latest = campaignOutput.resolve(LATEST);
        Path retired = campaignOutput.resolve(RETIRED);
        if (!Files.exists(latest) && Files.isDirectory(retired)) {
            move(retired, latest);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * The run's workbooks copied: one opened from latest/ and saved in place must not change the run's own. The files
     * of its folders (反馈/, a workbook per unit) hard-linked where the file system allows ({@code link}): creating
     * thousands of files costs far more than linking them, and they are written once and never changed.
     */
    private static void copyTree(Path from, Path to, boolean link) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(f.getFileName().toString());
                if (Files.isDirectory(f)) {
                    copyTree(f, target, true);
                } else if (!link || !linked(target, f)) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean linked(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
