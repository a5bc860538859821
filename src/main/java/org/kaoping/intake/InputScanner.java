package org.kaoping.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import org.kaoping.read.ReadLimits;
import org.kaoping.read.ZipArchive;
import org.kaoping.scoring.input.Source;

/**
 * Lists a campaign's input files (self/ and inspection/, recursively), hashing each one. Office lock files,
 * hidden files and non-spreadsheets are listed as ignored, with the reason. Files are only ever read.
 */
public final class InputScanner {
    /**
     * Names that may hold a table. What a file is, is decided by its content when it is read ({@code read.FileKind}):
     * WPS's .et/.ett are .xls or .xlsx inside, web systems' ".xls" are often HTML or text.
     */
    private static final List<String> SPREADSHEETS = List.of(".xlsx", ".xls", ".xlsm", ".xltx", ".xltm", ".xlt", ".et",
            ".ett", ".ods", ".htm", ".html", ".csv", ".tsv");
    private static final String TEXT = ".txt";
    /** A .txt is a table only if its first lines are cut by tabs or commas: read that much to say. */
    private static final int TEXT_SNIFF = 8 * 1024;

    private static final long WHOLE_READ = 4 * 1024 * 1024;
    /** How close to the earlier scan a change must be to be distrusted (file systems keep times coarsely). */
    private static final long RACY_MILLIS = 2_000;

    private final long maxFileSize;
    private final ReadLimits limits;

    public InputScanner() {
        this(new ReadLimits(Long.MAX_VALUE, ReadLimits.DEFAULT.maxRows(), ReadLimits.DEFAULT.minInflateRatio(),
                ReadLimits.DEFAULT.maxEntrySize()));
    }

    /**
     * Files over {@code limits.maxFileSize()} are listed (and later refused) without reading their content; a zip is
     * listed as the files it holds, under the zip limits (or, when over one, as itself, to be refused).
     */
    public InputScanner(ReadLimits limits) {
        this.maxFileSize = limits.maxFileSize();
        this.limits = limits;
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
        return found.parallelStream().flatMap(f -> describe(campaignInput, f, earlier, trustedBefore).stream()).toList();
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

    /**
     * A file under the input (or a link to one) and its attributes, or why they could not be read; or something
     * that is not a file to open ({@code notAFile} says what: a FIFO, a device, a link leaving the input, …).
     */
    private record Found(Path path, Stat stat, IOException error, String notAFile) {
        Found(Path path, Stat stat, IOException error) {
            this(path, stat, error, null);
        }
    }

    /**
     * Every regular file under {@code root} and every link to one, in path order, each with one stat: a rerun of a
     * large campaign stats thousands of files and reads none, so the walk does not stat them a second time. Links
     * to directories are not followed, as {@link Files#walk} does not.
     */
    private static List<Found> files(Path root) {
        List<Found> files = new ArrayList<>();
        List<Path> directories = List.of(root);
        Path realRoot = realPath(root);
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
            for (Found entry : entries.parallelStream().map(e -> found(e, realRoot)).toList()) {
                if (entry.notAFile() == null && entry.stat() != null && entry.stat().directory()) {
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

    private static Path realPath(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    /**
     * The entry as a file or a directory to walk, or as something never opened: a FIFO or device (opening a FIFO
     * would wait forever), a link leaving the input or to a directory, a dangling link, a folder named like a
     * workbook. One lstat for a file or folder, as one stat before; a link costs a second look.
     */
    private static Found found(Path entry, Path realRoot) {
        try {
            Stat own = stat(entry, LinkOption.NOFOLLOW_LINKS);
            if (own.link()) {
                Path target;
                try {
                    target = entry.toRealPath();
                } catch (IOException e) {
                    return new Found(entry, null, null, "失效的链接（指向的文件不存在），未打开");
                }
                if (!target.startsWith(realRoot)) {
                    return new Found(entry, null, null, "指向 input 之外的链接，未打开");
                }
                Stat stat = stat(entry);
                return stat.regular() ? new Found(entry, stat, null)
                        : new Found(entry, null, null, stat.directory() ? "指向目录的链接，未打开" : notAFile(stat));
            }
            if (own.directory()) {
                return isCandidate(entry.getFileName().toString())
                        ? new Found(entry, null, null, "这是文件夹，不是文件（名称像表格文件），未打开") : new Found(entry, own, null);
            }
            return own.regular() ? new Found(entry, own, null) : new Found(entry, null, null, notAFile(own));
        } catch (IOException e) {
            return new Found(entry, null, e);
        }
    }

    /** What a file that is neither a regular file nor a folder is, by its mode's type bits. */
    private static String notAFile(Stat stat) {
        return switch (stat.mode() & 0170000) {
            case 0010000 -> "管道（FIFO），不是文件，未打开";
            case 0020000, 0060000 -> "设备文件，不是表格，未打开";
            case 0140000 -> "套接字（socket），不是文件，未打开";
            default -> "不是普通文件，未打开";
        };
    }

    private List<InputFile> describe(Path root, Found found, Map<String, InputFile> earlier, long trustedBefore) {
        Path file = found.path();
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        Source source = switch (top.toLowerCase(Locale.ROOT)) {
            case "self" -> Source.SELF;
            case "inspection" -> Source.INSPECTION;
            default -> null;
        };
        Source listedAs = source == null ? Source.SELF : source;
        if (found.notAFile() != null) {
            return List.of(new InputFile(relative, listedAs, 0, 0, "", found.notAFile()));
        }
        try {
            if (found.error() != null) {
                throw found.error();
            }
            Stat stat = found.stat();
            long size = stat.size();
            long modified = stat.modified();
            long changed = stat.changed();
            String ignored = whyIgnored(name, source);
            if (ignored == null && name.toLowerCase(Locale.ROOT).endsWith(TEXT) && !looksLikeTable(file)) {
                ignored = "不是电子表格文件（文本文件，其中没有用制表符或逗号分隔的表格）";
            }
            if (ignored == null && ZipArchive.isZipName(name) && size <= maxFileSize) {
                List<InputFile> inside = unchangedMembers(relative, earlier, modified, changed, trustedBefore);
                if (inside == null) {
                    inside = zipped(file, relative, listedAs, modified, changed, source);
                }
                if (inside != null) {
                    return inside;
                }
            }
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
            return List.of(new InputFile(relative, listedAs, size, modified, hash, ignored, changed));
        } catch (IOException e) {
            return List.of(new InputFile(relative, listedAs, 0, 0, "", "无法读取：" + e.getMessage()));
        }
    }

    /**
     * The files a zip held at the earlier scan, when the zip is as it was then by the rule for any file (its
     * modification and change times, the change well before that scan): taken as they were, the zip not unpacked
     * again. Null when it may have changed, or was not read as a folder then.
     */
    private static List<InputFile> unchangedMembers(String relative, Map<String, InputFile> earlier, long modified,
                                                    long changed, long trustedBefore) {
        if (changed == 0 || changed >= trustedBefore) {
            return null;
        }
        String prefix = relative + ZipArchive.SEPARATOR;
        List<InputFile> members = earlier.values().stream().filter(f -> f.path().startsWith(prefix))
                .sorted(Comparator.comparing(InputFile::path)).toList();
        boolean same = !members.isEmpty() && members.stream()
                .allMatch(f -> f.changed() == changed && f.modified() == modified && !f.sha256().isEmpty());
        return same ? members : null;
    }

    /**
     * The files a zip holds, in path order, each as a file of the folder the zip is in
     * ({@code self/回收表格.zip!第一组/省财政厅.xlsx}) with the zip's times (so that all are read again when the zip
     * changes, and none otherwise); null when the zip is to be listed as itself, to be refused with the reason.
     */
    private List<InputFile> zipped(Path file, String relative, Source listedAs, long modified, long changed,
                                   Source source) throws IOException {
        List<ZipArchive.Member> members;
        try {
            members = ZipArchive.members(Files.readAllBytes(file), limits);
        } catch (ZipArchive.Refused e) {
            return null;
        }
        if (members.isEmpty()) {
            return List.of(new InputFile(relative, listedAs, Files.size(file), modified, sha256(file), "压缩包中没有文件"));
        }
        List<InputFile> out = new ArrayList<>();
        for (ZipArchive.Member m : members) {
            String base = ZipArchive.ownName(m.path());
            String ignored = whyIgnored(base, source);
            // A member that cannot be taken out is listed to be read, so that its reading says why it is refused.
            if (ignored == null && m.refused() == null && base.toLowerCase(Locale.ROOT).endsWith(TEXT)
                    && !looksLikeTable(m.bytes())) {
                ignored = "不是电子表格文件（文本文件，其中没有用制表符或逗号分隔的表格）";
            }
            out.add(new InputFile(relative + ZipArchive.SEPARATOR + m.path(), listedAs, m.bytes().length, modified,
                    sha256(m.bytes()), ignored, changed));
        }
        out.sort(Comparator.comparing(InputFile::path));
        return out;
    }

    private static boolean looksLikeTable(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return looksLikeTable(in.readNBytes(TEXT_SNIFF));
        }
    }

    /** Two of the first lines cut by tabs or by commas: a table saved as text, not a note. */
    private static boolean looksLikeTable(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, TEXT_SNIFF), java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(20).toList();
        return lines.stream().filter(l -> l.indexOf('\t') >= 0).count() >= 2
                || lines.stream().filter(l -> l.indexOf(',') >= 0).count() >= 2;
    }

    private static boolean isCandidate(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SPREADSHEETS.stream().anyMatch(lower::endsWith) || lower.endsWith(TEXT) || ZipArchive.isZipName(lower);
    }

    /**
     * A file's size, modification time and status-change time (ms; 0 where the file system keeps no ctime), and
     * what it is, links followed.
     */
    private record Stat(long size, long modified, long changed, boolean regular, boolean directory, boolean link,
                        int mode) {
    }

    /**
     * One stat call where the file system has Unix attributes; else the basic attributes, and no change time:
     * then the file is always hashed.
     */
    private static Stat stat(Path file, LinkOption... options) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file,
                    "unix:size,lastModifiedTime,ctime,isRegularFile,isDirectory,isSymbolicLink,mode", options);
            return new Stat((Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                    ((FileTime) unix.get("ctime")).toMillis(), (Boolean) unix.get("isRegularFile"),
                    (Boolean) unix.get("isDirectory"), (Boolean) unix.get("isSymbolicLink"), (Integer) unix.get("mode"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, options);
            return new Stat(basic.size(), basic.lastModifiedTime().toMillis(), 0, basic.isRegularFile(),
                    basic.isDirectory(), basic.isSymbolicLink(), 0);
        }
    }

    private static String whyIgnored(String name, Source source) {
        if (name.startsWith("~$")) {
            return "Office 临时锁定文件";
        }
        if (name.startsWith(".")) {
            return "隐藏文件";
        }
        if (!isCandidate(name)) {
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
