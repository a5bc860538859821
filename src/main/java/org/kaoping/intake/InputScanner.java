package org.kaoping.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.kaoping.scoring.input.Source;

/**
 * Lists a campaign's input files (self/ and inspection/, recursively), hashing each one. Office lock files,
 * hidden files and non-spreadsheets are listed as ignored, with the reason. Files are only ever read.
 */
public final class InputScanner {
    private static final List<String> SPREADSHEETS = List.of(".xlsx", ".xls", ".xlsm");

    private static final long WHOLE_READ = 4 * 1024 * 1024;
    /** How close to the earlier scan a change must be to be distrusted (file systems keep times coarsely). */
    private static final long RACY_MILLIS = 2_000;

    private final long maxFileSize;

    public InputScanner() {
        this(Long.MAX_VALUE);
    }

    /** Files over {@code maxFileSize} are listed (and later refused) without reading their content. */
    public InputScanner(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public List<InputFile> scan(Path campaignInput) {
        return scan(campaignInput, Map.of(), Instant.EPOCH);
    }

    /**
     * Lists the files, taking a file's hash from {@code earlier} (the files of the previous scan, by path) instead
     * of reading it again when its size, modification time and status-change time are all as they were, and the
     * change time is well before {@code earlierScan} — git's rule for its index. Writing a file, or putting
     * another in its place, sets its change time, which no tool can set back; a change made in the very moment
     * of the earlier scan might not have shown in it yet, so such a file is hashed again.
     */
    public List<InputFile> scan(Path campaignInput, Map<String, InputFile> earlier, Instant earlierScan) {
        if (!Files.isDirectory(campaignInput)) {
            return List.of();
        }
        List<Found> found = files(campaignInput);
        // Hashing is most of intake's time in a large campaign: spread over the cores, kept in path order.
        long trustedBefore = earlierScan.toEpochMilli() - RACY_MILLIS;
        return found.parallelStream().map(f -> describe(campaignInput, f, earlier, trustedBefore)).toList();
    }

    /** A file's size and modification time (ms): what a watched input folder is compared by. */
    public record Stamp(long size, long modified) {
    }

    /**
     * Every file under the campaign's input by path (as {@link #scan} names them), with its size and modification
     * time: a stat per file, nothing read.
     */
    public static Map<String, Stamp> stamps(Path campaignInput) {
        Map<String, Stamp> out = new TreeMap<>();
        if (Files.isDirectory(campaignInput)) {
            for (Found f : files(campaignInput)) {
                if (f.stat() != null) {
                    out.put(campaignInput.relativize(f.path()).toString().replace('\\', '/'),
                            new Stamp(f.stat().size(), f.stat().modified()));
                }
            }
        }
        return out;
    }

    /** A file under the input (or a link to one) and its attributes, or why they could not be read. */
    private record Found(Path path, Stat stat, IOException error) {
    }

    /**
     * Every regular file under {@code root} and every link to one, in path order, each with one stat: a rerun of a
     * large campaign stats thousands of files and reads none, so the walk does not stat them a second time. Links
     * to directories are not followed, as {@link Files#walk} does not.
     */
    private static List<Found> files(Path root) {
        List<Found> files = new ArrayList<>();
        List<Path> directories = List.of(root);
        while (!directories.isEmpty()) {
            List<Path> entries = new ArrayList<>();
            for (Path directory : directories) {
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
                    listing.forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("无法列出 " + directory + " 中的文件", e);
                }
            }
            List<Path> next = new ArrayList<>();
            for (Found entry : entries.parallelStream().map(InputScanner::found).toList()) {
                if (entry == null) {
                    continue;
                }
                if (entry.stat() != null && entry.stat().directory()) {
                    next.add(entry.path());
                } else {
                    files.add(entry);
                }
            }
            directories = next;
        }
        files.sort(Comparator.comparing(Found::path));
        return files;
    }

    /** The entry as a file or a directory to walk; null for anything else (a link to a directory, a dangling link). */
    private static Found found(Path entry) {
        try {
            Stat stat = stat(entry);
            if (stat.directory()) {
                return Files.isSymbolicLink(entry) ? null : new Found(entry, stat, null);
            }
            return stat.regular() ? new Found(entry, stat, null) : null;
        } catch (IOException e) {
            return Files.isSymbolicLink(entry) ? null : new Found(entry, null, e);
        }
    }

    private InputFile describe(Path root, Found found, Map<String, InputFile> earlier, long trustedBefore) {
        Path file = found.path();
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        Source source = switch (top.toLowerCase(Locale.ROOT)) {
            case "self" -> Source.SELF;
            case "inspection" -> Source.INSPECTION;
            default -> null;
        };
        try {
            if (found.error() != null) {
                throw found.error();
            }
            Stat stat = found.stat();
            long size = stat.size();
            long modified = stat.modified();
            long changed = stat.changed();
            String ignored = whyIgnored(name, source);
            InputFile before = earlier.get(relative);
            String hash;
            if (size > maxFileSize) {
                hash = oversizeKey(size, modified);
            } else if (before != null && changed != 0 && before.changed() == changed && before.size() == size
                    && before.modified() == modified && changed < trustedBefore && !before.sha256().isEmpty()) {
                hash = before.sha256();
            } else {
                hash = sha256(file, size);
            }
            return new InputFile(relative, source == null ? Source.SELF : source, size, modified, hash, ignored,
                    changed);
        } catch (IOException e) {
            return new InputFile(relative, source == null ? Source.SELF : source, 0, 0, "", "无法读取：" + e.getMessage());
        }
    }

    /**
     * A file's size, modification time and status-change time (ms; 0 where the file system keeps no ctime), and
     * what it is, links followed.
     */
    private record Stat(long size, long modified, long changed, boolean regular, boolean directory) {
    }

    /**
     * One stat call where the file system has Unix attributes; else the basic attributes, and no change time:
     * then the file is always hashed.
     */
    private static Stat stat(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file,
                    "unix:size,lastModifiedTime,ctime,isRegularFile,isDirectory");
            return new Stat((Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                    ((FileTime) unix.get("ctime")).toMillis(), (Boolean) unix.get("isRegularFile"),
                    (Boolean) unix.get("isDirectory"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stat(basic.size(), basic.lastModifiedTime().toMillis(), 0, basic.isRegularFile(),
                    basic.isDirectory());
        }
    }

    private static String whyIgnored(String name, Source source) {
        if (name.startsWith("~$")) {
            return "Office 临时锁定文件";
        }
        if (name.startsWith(".")) {
            return "隐藏文件";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (SPREADSHEETS.stream().noneMatch(lower::endsWith)) {
            return "不是电子表格文件";
        }
        if (source == null) {
            return "不在 self/ 或 inspection/ 目录中";
        }
        return null;
    }

    /**
     * An oversized file will be refused unread, so hashing its content (200 MB of reading) buys nothing: its
     * size and time stand in for it (hashed behind a marker, so a change of either still reads as a change).
     */
    private static String oversizeKey(long size, long modified) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("oversize\n" + size + "\n" + modified).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(file, Files.size(file));
    }

    private static String sha256(Path file, long size) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // A workbook is a few KB to a few MB: read whole in one call, no buffer to allocate and fill in pieces.
            if (size <= WHOLE_READ) {
                return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
            }
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                byte[] buffer = new byte[64 * 1024];
                while (in.read(buffer) >= 0) {
                    // digest as we go
                }
                return HexFormat.of().formatHex(digest.digest());
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
