package org.kaoping.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder holds, entry by entry (kind; a file's size, modification time and SHA-256), for tests that check a
 * run leaves {@code input/} as it found it. Links and other non-regular entries are noted by kind, never opened.
 */
public final class InputSnapshot {
    private InputSnapshot() {
    }

    public static Map<String, String> of(Path folder) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.toList()) {
                String kind = Files.isSymbolicLink(f) ? "link" : Files.isDirectory(f) ? "dir"
                        : Files.isRegularFile(f) ? "file" : "other";
                String content = kind.equals("file") ? Files.size(f) + "|" + Files.getLastModifiedTime(f).toMillis()
                        + "|" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                        : "";
                out.put(folder.relativize(f).toString(), kind + "|" + content);
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
