package org.kaoping.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Generates the hostile inputs of the limits tests: written entry by entry, never held in memory whole. */
public final class HostileWorkbooks {
    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"自查打分表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "</Relationships>";
    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static final String WORKSHEET = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String WORKSHEET_END = "</sheetData></worksheet>";

    private HostileWorkbooks() {
    }

    /** A zip bomb: one row of {@code cells} identical cells (16 bytes each), deflated about a thousandfold. */
    public static Path zipBomb(Path file, long cells) {
        return xlsx(file, out -> {
            write(out, SHEET_START + WORKSHEET + "<row r=\"1\">");
            byte[] block = "<c><v>1</v></c>".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < cells; written += 4096) {
                out.write(block);
            }
            write(out, "</row>" + WORKSHEET_END);
        });
    }

    /** A sheet of {@code rows} numbered rows: not a bomb, just longer than any appraisal table. */
    public static Path manyRows(Path file, int rows) {
        return xlsx(file, out -> {
            write(out, SHEET_START + WORKSHEET);
            for (int r = 1; r <= rows; r++) {
                write(out, "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + r + "</v></c></row>");
            }
            write(out, WORKSHEET_END);
        });
    }

    /** A sheet whose XML declares an external entity pointing at {@code secret} and uses it in a cell. */
    public static Path externalEntity(Path file, Path secret) {
        return xlsx(file, out -> write(out, SHEET_START
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>" + WORKSHEET
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>填报单位：&xxe;</t></is></c></row>" + WORKSHEET_END));
    }

    /** A file of {@code bytes} that takes no disk space (sparse): only its size matters. */
    public static Path sparse(Path file, long bytes) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-assessment whose 填报单位 is a formula-looking text, e.g. {@code =HYPERLINK(...)}. */
    public static Path selfAssessmentOf(Path file, String unit) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("自查打分表");
            Row label = sheet.createRow(0);
            label.createCell(0).setCellValue("填报单位");
            label.createCell(1).setCellValue(unit);
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("项目");
            header.createCell(1).setCellValue("分值");
            header.createCell(2).setCellValue("自评得分");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("思想建设");
            row.createCell(1).setCellValue(4);
            row.createCell(2).setCellValue(4);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SheetWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Path xlsx(Path file, SheetWriter sheet) {
        try {
            Files.createDirectories(file.getParent());
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                entry(zip, "[Content_Types].xml", CONTENT_TYPES);
                entry(zip, "_rels/.rels", RELS);
                entry(zip, "xl/workbook.xml", WORKBOOK);
                entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                sheet.write(zip);
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, text);
        zip.closeEntry();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
