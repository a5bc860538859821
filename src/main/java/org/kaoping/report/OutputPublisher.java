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
import java.util.stream.Stream;

/**
 * Puts a run's workbooks in place: written into a hidden staging folder, moved to
 * {@code output/<campaign>/<run>/} in one rename, then copied to {@code latest/} the same way, so neither
 * is ever seen half-written. Older runs are kept.
 */
public final class OutputPublisher {
    public static final String LATEST = "latest";

    private final Path campaignOutput;

    public OutputPublisher(Path campaignOutput) {
        this.campaignOutput = campaignOutput;
    }

    /** A fresh staging folder for a run; {@link #publish} moves it into place. */
    public Path stage(String runId) {
        try {
            Path staging = campaignOutput.resolve(".staging-" + runId);
            deleteTree(staging);
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建输出目录 " + campaignOutput, e);
        }
    }

    /** Moves the staged run into place and refreshes latest/; returns the run's folder. */
    public Path publish(Path staging, String runId) {
        try {
            Path runDir = campaignOutput.resolve(runId);
            deleteTree(runDir);
            move(staging, runDir);
            Path latestStaging = campaignOutput.resolve(".staging-latest");
            deleteTree(latestStaging);
            copyTree(runDir, latestStaging);
            Path latest = campaignOutput.resolve(LATEST);
            Path retired = campaignOutput.resolve(".retired-latest");
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
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
