package org.kaoping.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * A .zip of returned workbooks, as a group mails them, read as the folder it holds: in memory only (nothing is
 * ever written under input/), each file by its path inside the zip, zips inside it likewise up to
 * {@link ReadLimits#maxZipDepth}. A file inside is named {@code 回收表格.zip!第一组/省财政厅.xlsx}; one in a zip
 * inside, {@code 回收表格.zip!第二组.zip!省审计厅.xlsx}. Names are read as the zip says (its UTF-8 flag or Info-ZIP
 * Unicode path), else as UTF-8 if they are valid UTF-8, else as GB18030 (zips made on Chinese Windows).
 */
public final class ZipArchive {
    /** Between a zip and the path of a file inside it. */
    public static final String SEPARATOR = "!";
    public static final String CORRUPT = "压缩包损坏或不完整，无法解压：请重新打包，或直接提交其中的表格";
    public static final String ENCRYPTED = "加密的压缩包：请去掉密码后重新提交";
    public static final String ENCRYPTED_MEMBER = "压缩包中这个文件设了密码：请去掉密码后重新打包，或直接提交这个文件";
    public static final String CHANGED = "压缩包在读取期间被改动：请重新运行";

    private ZipArchive() {
    }

    /**
     * A file inside a zip: its path there ({@code 第一组/省财政厅.xlsx}, or through inner zips) and its content; or,
     * when {@code refused} says why, a file that cannot be taken out (under a password, or a zip nested too deep), its
     * stored bytes standing for its content. The zip's other files are read all the same.
     */
    public record Member(String path, byte[] bytes, String refused) {
        Member(String path, byte[] bytes) {
            this(path, bytes, null);
        }
    }

    /** Why a zip, or a file in it, is not read; the message is the reason staff are given. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A file's own name from its path, which may go through zips ({@code 回收表格.zip!第一组/省财政厅.xlsx} →
     * {@code 省财政厅.xlsx}).
     */
    public static String ownName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(SEPARATOR.charAt(0))) + 1);
    }

    public static boolean isZipName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Every file in the zip (files of inner zips in place of those zips), or why the zip is refused. */
    public static List<Member> members(byte[] zip, ReadLimits limits) throws Refused {
        List<Member> out = new ArrayList<>();
        long[] total = {0};
        collect(zip, "", 1, limits, out, total, null);
        if (!out.isEmpty() && out.stream().allMatch(m -> ENCRYPTED_MEMBER.equals(m.refused()))) {
            throw new Refused(ENCRYPTED); // the zip itself is under a password: said once, of the zip
        }
        return out;
    }

    /** {@code only}: the one member wanted (the others are passed over unread), or null for all. */
    private static void collect(byte[] zip, String prefix, int depth, ReadLimits limits, List<Member> out, long[] total,
                                String only) throws Refused {
        collect(new SeekableInMemoryByteChannel(zip), prefix, depth, limits, out, total, only);
    }

    private static void collect(SeekableByteChannel zip, String prefix, int depth, ReadLimits limits, List<Member> out,
                                long[] total, String only) throws Refused {
        try (ZipFile file = open(zip)) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (out.size() >= limits.maxZipFiles()) {
                    throw new Refused(limits.tooManyZipFiles());
                }
                String path = prefix + name(entry);
                if (only != null && !only.equals(path) && !only.startsWith(path + SEPARATOR)) {
                    continue;
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    refuse(path, stored(file, entry, limits, total), ENCRYPTED_MEMBER, out, only);
                    continue;
                }
                byte[] bytes = inflate(file, entry, limits, total);
                if (isZipName(path) && FileKind.of(bytes, Math.min(bytes.length, FileKind.HEAD)) == FileKind.ZIP) {
                    if (depth >= limits.maxZipDepth()) {
                        refuse(path, bytes, limits.zipTooDeep(), out, only);
                    } else {
                        collect(bytes, path + SEPARATOR, depth + 1, limits, out, total, only);
                    }
                } else {
                    out.add(new Member(path, bytes));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused(CORRUPT);
        }
    }

    /** Listed as refused; when it is the one member being read, its reading fails with the reason. */
    private static void refuse(String path, byte[] bytes, String reason, List<Member> out, String only) throws Refused {
        if (only != null) {
            throw new Refused(reason);
        }
        out.add(new Member(path, bytes, reason));
    }

    /** An entry's bytes as stored (compressed, perhaps encrypted), counted against the zip's total. */
    private static byte[] stored(ZipFile file, ZipArchiveEntry entry, ReadLimits limits, long[] total)
            throws IOException, Refused {
        try (InputStream in = file.getRawInputStream(entry)) {
            return counted(in, limits, total);
        }
    }

    /** An entry's content, counted against the zip's total as it inflates (a declared size may lie). */
    private static byte[] inflate(ZipFile file, ZipArchiveEntry entry, ReadLimits limits, long[] total)
            throws IOException, Refused {
        try (InputStream in = file.getInputStream(entry)) {
            return counted(in, limits, total);
        }
    }

    private static byte[] counted(InputStream in, ReadLimits limits, long[] total) throws IOException, Refused {
        long room = limits.maxZipSize() - total[0];
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, room) + 1));
        if (bytes.length > room) {
            throw new Refused(limits.zipTooLarge());
        }
        total[0] += bytes.length;
        return bytes;
    }

    private static ZipFile open(SeekableByteChannel zip) throws IOException {
        // Names are decoded here (raw bytes), so the archive's own decoding must not fail on GBK.
        return ZipFile.builder().setSeekableByteChannel(zip)
                .setCharset(StandardCharsets.ISO_8859_1).setUseUnicodeExtraFields(true).get();
    }

    private static String name(ZipArchiveEntry entry) {
        String name;
        if (entry.getGeneralPurposeBit().usesUTF8ForNames()) {
            name = new String(entry.getRawName(), StandardCharsets.UTF_8);
        } else if (entry.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            name = entry.getName();
        } else {
            String utf8 = TextDecoding.strictUtf8(entry.getRawName());
            name = utf8 != null ? utf8 : new String(entry.getRawName(), TextDecoding.GB18030);
        }
        name = name.replace('\\', '/');
        while (name.startsWith("/") || name.startsWith("./")) {
            name = name.substring(name.startsWith("/") ? 1 : 2);
        }
        return name;
    }

    /**
     * A path under input/ that names a file inside a zip ({@code …/回收表格.zip!第一组/省财政厅.xlsx}): the zip on
     * disk and the path inside it; empty when the path names a file on disk.
     */
    public static Optional<Inside> inside(Path path) {
        String s = path.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        // Most files are no zip's member: their name says so without a look at the disk.
        if (!lower.contains(".zip" + SEPARATOR) || Files.isRegularFile(path)) {
            return Optional.empty();
        }
        for (int at = lower.indexOf(".zip" + SEPARATOR); at >= 0; at = lower.indexOf(".zip" + SEPARATOR, at + 1)) {
            Path zip = Path.of(s.substring(0, at + 4));
            if (Files.isRegularFile(zip)) {
                return Optional.of(new Inside(zip, s.substring(at + 5)));
            }
        }
        return Optional.empty();
    }

    /** A file inside a zip on disk: the zip and the member's path, as {@link #members} names it. */
    public record Inside(Path zip, String member) {
    }

    /** The content of a file inside a zip on disk, read under the zip's limits. */
    public static byte[] read(Inside inside, ReadLimits limits) throws Refused, IOException {
        List<Member> found = new ArrayList<>();
        // From the disk: only the zip's directory and the one member are read, not the whole zip for every member.
        collect(Files.newByteChannel(inside.zip()), "", 1, limits, found, new long[] {0}, inside.member());
        for (Member m : found) {
            if (m.path().equals(inside.member())) {
                return m.bytes();
            }
        }
        throw new Refused(CHANGED);
    }
}
