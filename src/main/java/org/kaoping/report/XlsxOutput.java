package org.kaoping.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kaoping.scoring.DisplayRounding;

/**
 * Writes one streaming workbook: rows beyond the window go to temp files, so a campaign of any size fits
 * in memory. {@code close()} disposes those temp files (POI 5.4), also when filling the workbook fails.
 */
final class XlsxOutput {
    static final int WINDOW = 200;

    private XlsxOutput() {
    }

    static void write(Path target, DisplayRounding rounding, Consumer<SheetStyles> content) {
        try (SXSSFWorkbook workbook = new FastDeflate(WINDOW)) {
            content.accept(new SheetStyles(workbook, rounding));
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deflates the package at the fastest level: the sheet XML of a large campaign (分项得分 has a row per unit and
     * leaf) is tens of MB, and compressing it at the default level took as long as writing it. The file comes out
     * somewhat larger; Excel and WPS open it the same.
     */
    private static final class FastDeflate extends SXSSFWorkbook {
        FastDeflate(int window) {
            super(window);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
