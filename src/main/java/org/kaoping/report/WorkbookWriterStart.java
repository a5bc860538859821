package org.kaoping.report;

import org.apache.poi.ss.util.SheetUtil;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Starts what writing a workbook first needs — POI's OOXML schema types, the font measurements SXSSF makes for
 * every sheet and the chart types — on a thread of its own while the application context starts. A run starts single-threaded (Spring,
 * the database, the rubric and roster) and writes its reports last; done at that point, this start-up stood alone
 * at the end of every cold run, with the other core idle. It changes nothing that is written.
 */
public final class WorkbookWriterStart {
    private WorkbookWriterStart() {
    }

    /** Begins in the background; {@code -Dkaoping.report.early-start=false} turns it off (for measuring). */
    public static void begin() {
        if (Boolean.parseBoolean(System.getProperty("kaoping.report.early-start", "true"))) {
            Thread thread = new Thread(WorkbookWriterStart::prepare, "report-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void prepare() {
        XmlProviders.useJdkDefaults();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createCellStyle().setFont(workbook.createFont());
            XSSFSheet sheet = workbook.createSheet("start");
            sheet.createRow(0).createCell(0).setCellValue("考评");
            // What SXSSF measures for every sheet it creates: the first measurement starts the font system.
            SheetUtil.getDefaultCharWidthAsFloat(workbook);
            // 统计图's chart types, whose first use costs a cold run more than all the charts after it.
            XSSFChart chart = sheet.createDrawingPatriarch().createChart(new XSSFClientAnchor());
            XDDFBarChartData bars = ChartSheet.bars(chart, BarDirection.BAR, true);
            bars.addSeries(XDDFDataSourcesFactory.fromArray(new String[] {"考评"}, "start!$A$1"),
                    XDDFDataSourcesFactory.fromArray(new Double[] {1.0}, "start!$B$1")).setTitle("总分", null);
            chart.plot(bars);
        } catch (Exception | LinkageError e) {
            // Nothing is lost: the report step does the same again, and reports whatever fails there.
        }
    }
}
