package org.kaoping.read;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, decided from its first bytes alone (never from its extension): offices save web pages and text
 * as ".xls", and name real workbooks anything. {@link #description} is how staff are told what the file is.
 */
public enum FileKind {
    EMPTY("空文件（0 字节）"),
    OLE2("Excel 97-2003 工作簿"),
    ZIP("Excel 工作簿"),
    ODS("OpenDocument 表格（.ods）"),
    HTML("网页文件（HTML）"),
    XML_SPREADSHEET("Excel 2003 XML 表格"),
    XML("XML 文件"),
    TEXT("文本文件"),
    PDF("PDF 文件"),
    IMAGE("图片"),
    RAR_7Z("RAR 或 7z 压缩包"),
    BINARY("无法识别的文件");

    /** Enough for a BOM, a doctype and a comment or two before the {@code <html>}, and the ODS mimetype entry. */
    public static final int HEAD = 1024;

    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final String ODS_MIMETYPE = "mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
    private static final String[] HTML_TAGS = {"<html", "<table", "<!doctype html", "<head", "<body", "<meta", "<tr"};

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The kind of a file whose first {@code length} bytes are in {@code head}. */
    public static FileKind of(byte[] head, int length) {
        if (length <= 0) {
            return EMPTY;
        }
        if (startsWith(head, length, OLE2_MAGIC)) {
            return OLE2;
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6)) {
            // ODF puts an uncompressed "mimetype" entry first, so its name and content follow the 30-byte local header.
            String first = length > 30 ? new String(head, 30, Math.min(length - 30, ODS_MIMETYPE.length()),
                    StandardCharsets.ISO_8859_1) : "";
            return first.equals(ODS_MIMETYPE) ? ODS : ZIP;
        }
        if (startsWith(head, length, "%PDF".getBytes(StandardCharsets.ISO_8859_1))) {
            return PDF;
        }
        if (startsWith(head, length, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || startsWith(head, length,
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}) || startsWith(head, length, "GIF8".getBytes(
                StandardCharsets.ISO_8859_1))) {
            return IMAGE;
        }
        if (startsWith(head, length, "Rar!".getBytes(StandardCharsets.ISO_8859_1))
                || startsWith(head, length, new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF})) {
            return RAR_7Z;
        }
        String text = TextDecoding.headText(head, length);
        if (text == null) {
            return BINARY;
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<") && start.contains("<workbook") && start.contains(XmlSpreadsheetReader.NAMESPACE)) {
            return XML_SPREADSHEET;
        }
        if (start.startsWith("<")) {
            for (String tag : HTML_TAGS) {
                if (start.contains(tag)) {
                    return HTML;
                }
            }
            return XML;
        }
        return TEXT;
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
