package org.kaoping.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputScannerTest {
    private static final String REMEMBERED = "0".repeat(64);

    @TempDir
    Path input;
    private Path file;

    @BeforeEach
    void oneWorkbook() throws IOException {
        file = Files.createDirectories(input.resolve("self")).resolve("审计局.xlsx");
        Files.writeString(file, "first version", StandardCharsets.UTF_8);
    }

    /** The scan as the previous run saw it, with a hash no real content has: if it comes back, it was trusted. */
    private Map<String, InputFile> remembered() {
        InputFile now = only(new InputScanner().scan(input));
        return Map.of(now.path(), new InputFile(now.path(), now.source(), now.size(), now.modified(), REMEMBERED,
                now.ignored(), now.changed()));
    }

    private static InputFile only(List<InputFile> files) {
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void fileLeftAloneSinceTheLastRunKeepsItsHashUnread() {
        InputFile scanned = only(new InputScanner().scan(input, remembered(), Instant.now().plusSeconds(60)));
        assertThat(scanned.changed()).isPositive();
        assertThat(scanned.sha256()).isEqualTo(REMEMBERED);
    }

    @Test
    void fileRewrittenWithTheSameSizeAndTimeIsHashedAgain() throws Exception {
        Map<String, InputFile> earlier = remembered();
        FileTime modified = Files.getLastModifiedTime(file);
        Thread.sleep(20);
        Files.writeString(file, "other version", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, modified);
        InputFile scanned = only(new InputScanner().scan(input, earlier, Instant.now().plusSeconds(60)));
        assertThat(scanned.size()).isEqualTo(earlier.values().iterator().next().size());
        assertThat(scanned.modified()).isEqualTo(modified.toMillis());
        assertThat(scanned.sha256()).isEqualTo(InputScanner.sha256(file)).isNotEqualTo(REMEMBERED);
    }

    @Test
    void fileChangedAroundTheLastScanIsNotTrusted() throws IOException {
        InputFile scanned = only(new InputScanner().scan(input, remembered(), Instant.now()));
        assertThat(scanned.sha256()).isEqualTo(InputScanner.sha256(file));
    }

    @Test
    void zipLeftAloneSinceTheLastRunKeepsItsFilesUnreadAndARewrittenOneIsUnpackedAgain() throws Exception {
        Path zip = input.resolve("self/回收表格.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("第一组/省财政厅.xlsx", "not read here".getBytes(StandardCharsets.UTF_8));
        entries.put("第一组/说明.docx", "a note".getBytes(StandardCharsets.UTF_8));
        org.kaoping.support.ExportedTables.zip(zip, StandardCharsets.UTF_8, true, entries);
        List<InputFile> first = members(new InputScanner().scan(input));
        assertThat(first).extracting(InputFile::path, InputFile::ignored).containsExactly(
                org.assertj.core.groups.Tuple.tuple("self/回收表格.zip!第一组/省财政厅.xlsx", null),
                org.assertj.core.groups.Tuple.tuple("self/回收表格.zip!第一组/说明.docx", "不是电子表格文件"));
        Map<String, InputFile> earlier = new java.util.HashMap<>();
        for (InputFile f : first) {
            earlier.put(f.path(), new InputFile(f.path(), f.source(), f.size(), f.modified(), REMEMBERED, f.ignored(),
                    f.changed()));
        }

        assertThat(members(new InputScanner().scan(input, earlier, Instant.now().plusSeconds(60))))
                .extracting(InputFile::sha256).containsExactly(REMEMBERED, REMEMBERED);

        Thread.sleep(20);
        entries.put("第一组/省财政厅.xlsx", "corrected".getBytes(StandardCharsets.UTF_8));
        org.kaoping.support.ExportedTables.zip(zip, StandardCharsets.UTF_8, true, entries);
        assertThat(members(new InputScanner().scan(input, earlier, Instant.now().plusSeconds(60))))
                .extracting(InputFile::sha256).doesNotContain(REMEMBERED);
    }

    private static List<InputFile> members(List<InputFile> files) {
        return files.stream().filter(f -> f.path().contains(".zip!")).toList();
    }

    @Test
    void fileNotSeenBeforeIsHashed() throws IOException {
        InputFile scanned = only(new InputScanner().scan(input, Map.of(), Instant.now().plusSeconds(60)));
        assertThat(scanned.sha256()).isEqualTo(InputScanner.sha256(file));
    }

    @Test
    void aLinkInsideTheInputIsReadAndALinkLeavingItIsListedAsIgnoredUnopened() throws IOException {
        Path elsewhere = Files.createTempFile("linked", ".xlsx");
        try {
            Files.writeString(elsewhere, "linked", StandardCharsets.UTF_8);
            Files.createSymbolicLink(input.resolve("self").resolve("交通局.xlsx"), elsewhere);
            Files.createSymbolicLink(input.resolve("self").resolve("审计局（副本）.xlsx"), file);
            Files.createDirectories(input.resolve("inspection").resolve("空目录"));
            Files.writeString(input.resolve("inspection").resolve("第一组.xlsx"), "matrix", StandardCharsets.UTF_8);

            List<InputFile> files = new InputScanner().scan(input);

            assertThat(files).extracting(InputFile::path, InputFile::ignored).containsExactly(
                    tuple("inspection/第一组.xlsx", null),
                    tuple("self/交通局.xlsx", "指向 input 之外的链接，未打开"),
                    tuple("self/审计局.xlsx", null),
                    tuple("self/审计局（副本）.xlsx", null));
            assertThat(files.get(1).sha256()).isEmpty();
            assertThat(files.get(3).sha256()).isEqualTo(InputScanner.sha256(file));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void aLinkToADirectoryADanglingLinkAFolderNamedLikeAWorkbookAndAFifoAreListedByKindNeverOpened()
            throws IOException, InterruptedException {
        Path elsewhere = Files.createTempDirectory("linked-folder");
        try {
            Files.writeString(elsewhere.resolve("外部.xlsx"), "outside", StandardCharsets.UTF_8);
            Files.createSymbolicLink(input.resolve("self").resolve("外部目录"), elsewhere);
            Files.createDirectories(input.resolve("self").resolve("二级").resolve("三级"));
            Files.createSymbolicLink(input.resolve("self").resolve("二级目录"), input.resolve("self").resolve("二级"));
            Files.createSymbolicLink(input.resolve("self").resolve("已删除.xlsx"), input.resolve("不存在.xlsx"));
            Files.writeString(input.resolve("self").resolve("二级").resolve("三级").resolve("财政局.xlsx"), "deep",
                    StandardCharsets.UTF_8);
            Files.createDirectories(input.resolve("self").resolve("卫健委.xlsx")).resolve("里面.xlsx");
            Files.writeString(input.resolve("self").resolve("卫健委.xlsx").resolve("里面.xlsx"), "never read");
            Path fifo = input.resolve("self").resolve("管道.xlsx");
            assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

            assertThat(new InputScanner().scan(input)).extracting(InputFile::path, InputFile::ignored).containsExactly(
                    tuple("self/二级/三级/财政局.xlsx", null),
                    tuple("self/二级目录", "指向目录的链接，未打开"),
                    tuple("self/卫健委.xlsx", "这是文件夹，不是文件（名称像表格文件），未打开"),
                    tuple("self/外部目录", "指向 input 之外的链接，未打开"),
                    tuple("self/审计局.xlsx", null),
                    tuple("self/已删除.xlsx", "失效的链接（指向的文件不存在），未打开"),
                    tuple("self/管道.xlsx", "管道（FIFO），不是文件，未打开"));
        } finally {
            Files.deleteIfExists(elsewhere.resolve("外部.xlsx"));
            Files.deleteIfExists(elsewhere);
        }
    }
}
