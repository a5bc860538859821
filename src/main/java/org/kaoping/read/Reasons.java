package org.kaoping.read;

import java.util.Locale;

/**
 * What staff are told about a file that is not a plain workbook: what it is and what to do, in words, never a Java
 * class (that goes to the log). The limits' own texts are {@link ReadLimits}'s.
 */
public final class Reasons {
    public static final String ENCRYPTED = "加密的工作簿：请去掉密码后重新提交";
    public static final String CORRUPT = "文件损坏或不是有效的 Excel 工作簿：请在 Excel 或 WPS 中打开，确认内容无误后另存为 .xlsx 重新提交";
    public static final String PLAIN_ZIP = "这是压缩包（zip），扩展名却不是 .zip：请把扩展名改为 .zip 或解压后重新提交";
    public static final String WORD = "这是 Word 文档，不是 Excel 工作簿：请提交 Excel 表格（.xlsx）";
    public static final String NO_XML_SHEET = "这是 Excel 2003 XML 表格，其中没有工作表：请在 Excel 或 WPS 中打开后另存为 .xlsx 重新提交";
    public static final String NO_HTML_TABLE = "这是网页文件（HTML），其中没有表格：请提交 Excel 表格（.xlsx）";
    public static final String UNREADABLE_FILE = "无法打开文件（没有读取权限，或读取时被移走）：请确认文件可以打开后重新运行";
    public static final String INTERNAL = "读取此文件时程序出错，不是文件本身的问题：请把文件和运行日志交给 kaoping 维护人员";

    private Reasons() {
    }

    /** A file that is no spreadsheet at all, by what its first bytes say it is. */
    public static String notASpreadsheet(FileKind kind) {
        return switch (kind) {
            case EMPTY -> "空文件（0 字节），没有内容：请重新保存后提交";
            case PDF -> "这是 PDF 文件，不是 Excel 工作簿：请提交 Excel 表格（.xlsx）";
            case IMAGE -> "这是图片，不是 Excel 工作簿：请提交 Excel 表格（.xlsx）";
            case RAR_7Z -> "这是 RAR 或 7z 压缩包，无法读取：请解压后提交其中的表格，或改用 zip 打包";
            case XML -> "这是 XML 文件，不是可读取的表格：请在 Excel 或 WPS 中打开后另存为 .xlsx 重新提交";
            default -> "无法识别的文件，不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 .xlsx 重新提交";
        };
    }

    /**
     * Said of a file read as what it is rather than what its name says ({@code 这是网页文件（HTML），扩展名却是 .xls；
     * 已按网页表格读取}); null when the name fits the content. {@code how} says how it was read.
     */
    static String readAs(FileKind kind, String fileName, String what, String how) {
        String ext = extension(fileName);
        boolean fits = switch (kind) {
            case HTML -> ext.equals(".htm") || ext.equals(".html");
            case TEXT -> ext.equals(".csv") || ext.equals(".txt") || ext.equals(".tsv");
            case ODS -> ext.equals(".ods");
            case XML_SPREADSHEET -> ext.equals(".xml");
            default -> true;
        };
        if (fits) {
            return null;
        }
        return "这是" + what + "，" + (ext.isEmpty() ? "没有扩展名" : "扩展名却是 " + ext) + "；已按" + how + "读取";
    }

    static String extension(String fileName) {
        String base = ZipArchive.ownName(fileName);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    static String baseName(String fileName) {
        String base = ZipArchive.ownName(fileName);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? base : base.substring(0, dot);
    }
}
