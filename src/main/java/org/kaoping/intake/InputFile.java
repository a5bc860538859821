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

    /**
     * The file's name, as provenance shows it: {@code 审计局.xlsx}; for a file inside a zip, the zip's name and the
     * path inside it, {@code 回收表格.zip!第一组/省财政厅.xlsx}.
     */
    public String name() {
        int bang = path.indexOf('!');
        int slash = path.lastIndexOf('/', bang < 0 ? path.length() : bang);
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean readable() {
        return ignored == null;
    }
}
