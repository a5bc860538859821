package org.kaoping.intake;

import org.kaoping.scoring.input.Source;

/**
 * A file found under {@code input/<campaign>/}: its path relative to that folder ({@code self/审计局.xlsx}),
 * the source its folder implies, size, modification time (newest wins), SHA-256 of its content, and — for
 * files that are not read — why ({@code ignored}).
 */
public record InputFile(String path, Source source, long size, long modified, String sha256, String ignored,
                        long changed) {

    /** {@code changed}: the file's status-change time (Unix ctime) in ms, 0 where the file system has none. */
    public InputFile(String path, Source source, long size, long modified, String sha256, String ignored) {
        this(path, source, size, modified, sha256, ignored, 0);
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean readable() {
        return ignored == null;
    }
}
