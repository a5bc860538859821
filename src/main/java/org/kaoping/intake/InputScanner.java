package org.kaoping.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.kaoping.scoring.Source;

/**
 * Lists a campaign's input files (self/ and inspection/, recursively), hashing each one. Office lock files,
 * hidden files and non-spreadsheets are listed as ignored, with the reason. Files are only ever read.
 */
public final class InputScanner {
    private static final List<String> SPREADSHEETS = List.of(".xlsx", ".xls", ".xlsm");

    private final long maxFileSize;

    public InputScanner() {
        this(Long.MAX_VALUE);
    }

    /** Files over {@code maxFileSize} are listed (and later refused) without reading their content. */
    public InputScanner(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public List<InputFile> scan(Path campaignInput) {
        if (!Files.isDirectory(campaignInput)) {
            return List.of();
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(campaignInput)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("无法列出 " + campaignInput + " 中的文件", e);
        }
        // Hashing is most of intake's time in a large campaign: spread over the cores, kept in path order.
        return paths.parallelStream().map(p -> describe(campaignInput, p)).toList();
    }

    private InputFile describe(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = file.getFileName().toString();
        String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        Source source = switch (top.toLowerCase(Locale.ROOT)) {
            case "self" -> Source.SELF;
            case "inspection" -> Source.INSPECTION;
            default -> null;
        };
        try {
            long size = Files.size(file);
            long modified = Files.getLastModifiedTime(file).toMillis();
            String ignored = whyIgnored(name, source);
            String hash = size > maxFileSize ? oversizeKey(size, modified) : sha256(file);
            return new InputFile(relative, source == null ? Source.SELF : source, size, modified, hash, ignored);
        } catch (IOException e) {
            return new InputFile(relative, source == null ? Source.SELF : source, 0, 0, "", "无法读取：" + e.getMessage());
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
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // digest as we go
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
