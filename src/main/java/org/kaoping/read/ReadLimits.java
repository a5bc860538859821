package org.kaoping.read;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Bounds on what one returned workbook may cost to read, so that a zip bomb or a runaway sheet is refused
 * as a file instead of taking the run (and its heap) down with it. Each limit names the property that sets it.
 *
 * @param maxFileSize     bytes on disk; larger files are refused before they are opened
 * @param maxRows         rows per sheet, counted while streaming (the row's position, not only filled rows)
 * @param minInflateRatio POI's ZipSecureFile ratio: compressed / expanded size of an entry below it is a bomb
 * @param maxEntrySize    POI's ZipSecureFile limit on the expanded size of one entry (e.g. sheet1.xml)
 * @param maxZipFiles     files in a .zip of returned workbooks, those of zips inside it included
 * @param maxZipSize      bytes of those files, expanded, together
 * @param maxZipDepth     zips inside zips: 1 reads only the files of a zip, 2 also the zips in it, …
 */
public record ReadLimits(long maxFileSize, int maxRows, double minInflateRatio, long maxEntrySize, int maxZipFiles,
                         long maxZipSize, int maxZipDepth) {
    public static final String MAX_FILE_SIZE = "kaoping.read.max-file-size";
    public static final String MAX_ROWS = "kaoping.read.max-rows";
    public static final String MIN_INFLATE_RATIO = "kaoping.read.min-inflate-ratio";
    public static final String MAX_ENTRY_SIZE = "kaoping.read.max-entry-size";
    public static final String MAX_ZIP_FILES = "kaoping.read.max-zip-files";
    public static final String MAX_ZIP_SIZE = "kaoping.read.max-zip-size";
    public static final String MAX_ZIP_DEPTH = "kaoping.read.max-zip-depth";

    public static final ReadLimits DEFAULT = new ReadLimits(50L << 20, 5000, 0.01, 100L << 20);

    /** The zip limits at their defaults: 1,000 files, 500 MB, a zip in a zip. */
    public ReadLimits(long maxFileSize, int maxRows, double minInflateRatio, long maxEntrySize) {
        this(maxFileSize, maxRows, minInflateRatio, maxEntrySize, 1000, 500L << 20, 2);
    }

    /**
     * Sets POI's zip-bomb limits. POI keeps them in static fields, so they hold for every reader in the
     * process — FastExcel opens .xlsx through POI's OPCPackage and honours them too.
     */
    public void applyZipLimits() {
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxEntrySize);
    }

    /** Part of every parse key: a file refused under one limit is read again when the limit is raised. */
    public String key() {
        return maxFileSize + "/" + maxRows + "/" + minInflateRatio + "/" + maxEntrySize + "/" + maxZipFiles + "/"
                + maxZipSize + "/" + maxZipDepth;
    }

    public String tooManyZipFiles() {
        return "压缩包内文件过多（超过 " + maxZipFiles + " 个，" + MAX_ZIP_FILES + "）：请分成几个压缩包，或解压后提交";
    }

    public String zipTooLarge() {
        return "压缩包解压后超过 " + megabytes(maxZipSize) + " MB 的上限（" + MAX_ZIP_SIZE + "）：请解压后提交其中的表格";
    }

    public String zipTooDeep() {
        return "压缩包套压缩包超过 " + maxZipDepth + " 层（" + MAX_ZIP_DEPTH + "）：请解压后提交其中的表格";
    }

    public String fileTooLarge(long size) {
        return "文件大小 " + megabytes(size) + " MB 超过上限 " + megabytes(maxFileSize) + " MB（" + MAX_FILE_SIZE + "）";
    }

    public String tooManyRows(String sheet) {
        return "工作表“" + sheet + "”超过 " + maxRows + " 行的上限（" + MAX_ROWS + "）";
    }

    public String inflatesTooMuch() {
        return "压缩比异常（疑似压缩炸弹）：解压后大小超过压缩大小的 " + BigDecimal.ONE.divide(BigDecimal.valueOf(minInflateRatio),
                0, RoundingMode.HALF_UP) + " 倍（" + MIN_INFLATE_RATIO + "）";
    }

    public String entryTooLarge() {
        return "解压后内容超过 " + megabytes(maxEntrySize) + " MB 的上限（疑似压缩炸弹，" + MAX_ENTRY_SIZE + "）";
    }

    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
