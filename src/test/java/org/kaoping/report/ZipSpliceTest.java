package org.kaoping.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

class ZipSpliceTest {

    @Test
    void combinedCrcIsTheCrcOfTheConcatenation() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 7, 100, 4096, 100_003}) {
            byte[] a = new byte[random.nextInt(5000)];
            byte[] b = new byte[length];
            random.nextBytes(a);
            random.nextBytes(b);
            CRC32 whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(ZipSplice.combine(crc(a), crc(b), b.length)).as("length " + length).isEqualTo(whole.getValue());
        }
    }

    @Test
    void splicedEntryReadsAsFrameAndRowsInOrderReplacedEntryAsGivenAndTheOthersUnchanged() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<Types/>");
        entries.put("xl/worksheets/sheet1.xml", "<sheetData><row r=\"1\"/>" + ZipSplice.MARKER + "</sheetData>");
        entries.put("xl/styles.xml", "<styleSheet/>".repeat(50));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(saved)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        String rows2 = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>审计局</t></is></c></row>";
        String rows3 = "<row r=\"3\"><c r=\"A3\"><v>1.5</v></c></row>".repeat(1000);
        // As long as the first segment, so that its length's shift is taken again.
        String rows4 = rows2.replace("审计局", "财政局").replace("2", "4");
        List<LeafRows> segments = List.of(ZipSplice.segment(2, rows2.getBytes(StandardCharsets.UTF_8)),
                ZipSplice.segment(3, rows3.getBytes(StandardCharsets.UTF_8)),
                ZipSplice.segment(4, rows4.getBytes(StandardCharsets.UTF_8)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipSplice.splice(new SeekableInMemoryByteChannel(saved.toByteArray()), Map.of("xl/worksheets/sheet1.xml", segments),
                Map.of("xl/styles.xml", "<styleSheet count=\"2\"/>".getBytes(StandardCharsets.UTF_8)), out);

        // ZipInputStream checks each entry's CRC-32 and size as it reads to the end.
        Map<String, String> read = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                read.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        entries.put("xl/worksheets/sheet1.xml", "<sheetData><row r=\"1\"/>" + rows2 + rows3 + rows4 + "</sheetData>");
        entries.put("xl/styles.xml", "<styleSheet count=\"2\"/>");
        assertThat(read).containsExactlyEntriesOf(entries);
    }

    @Test
    void rowsForAnEntryThePackageLacksAreRefused() throws IOException {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(saved)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZipSplice.splice(new SeekableInMemoryByteChannel(saved.toByteArray()), Map.of(),
                        Map.of("xl/sharedStrings.xml", new byte[0]), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the saved package has no xl/sharedStrings.xml");
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
