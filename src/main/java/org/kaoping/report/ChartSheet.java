package org.kaoping.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.kaoping.rubric.Category;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitResult;

/**
 * 统计图: native Excel charts (DrawingML, which Excel, WPS and LibreOffice all draw), not pictures. First a small
 * table of each category's average official subtotal against its maximum, charted beside it; then, per 分组 (or for
 * the whole campaign when the roster has none), the ranked units' totals as sorted bars, read from that ranking sheet.
 * Each chart keeps its values cached, so a reader that does not recalculate still draws it.
 */
final class ChartSheet {
    static final String NAME = "统计图";
    private static final List<SheetStyles.Column> AVERAGES = List.of(SheetStyles.column("类别", 30),
            SheetStyles.column("满分", SheetStyles.SCORE), SheetStyles.column("平均得分", SheetStyles.SCORE));
    /** The columns of 总排名 and the 分组 sheets the bars read: 单位名称 and 总分. */
    private static final int NAME_COLUMN = 1;
    private static final int TOTAL_COLUMN = 7;
    /** Where a ranking sheet's units start (0-based): below its title and header. */
    private static final int FIRST_UNIT_ROW = 2;
    private static final int CHART_LEFT = 4;
    private static final int CHART_COLUMNS = 12;
    private static final int MIN_CHART_ROWS = 16;
    private static final byte[] MAXIMUM = {(byte) 0xBF, (byte) 0xBF, (byte) 0xBF};
    private static final byte[] SCORED = {(byte) 0x44, (byte) 0x72, (byte) 0xC4};
    /** The most bars a chart keeps its values for (see {@link #write}). */
    static final int CACHED_POINTS = 500;

    /** A ranking sheet to chart: its 分组 (null: the whole campaign), its sheet's name and units in its order. */
    record Ranked(String division, String sheetName, List<UnitResult> units) {
    }

    private ChartSheet() {
    }

    /** {@code subtotals}: each officially scored unit's category subtotals ({@link RankingWorkbookWriter#subtotals}). */
    static void write(SheetStyles styles, CampaignResult result, Map<UnitResult, BigDecimal[]> subtotals,
                      List<Ranked> rankings) {
        List<Category> categories = result.rubric().categories();
        Sheet sheet = styles.sheet(NAME);
        SheetStyles.pageSetup(sheet);
        for (int i = 0; i < AVERAGES.size(); i++) {
            sheet.setColumnWidth(i, SheetStyles.width(AVERAGES.get(i)));
        }
        Row header = sheet.createRow(0);
        for (int i = 0; i < AVERAGES.size(); i++) {
            styles.headerCell(header, i, AVERAGES.get(i).title());
        }
        String[] names = new String[categories.size()];
        Double[] maxima = new Double[categories.size()];
        Double[] averages = new Double[categories.size()];
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            BigDecimal average = average(subtotals, i);
            Row row = sheet.createRow(i + 1);
            names[i] = RankingWorkbookWriter.categoryTitle(c);
            styles.text(row, 0, names[i]);
            styles.score(row, 1, c.max());
            styles.score(row, 2, average);
            maxima[i] = c.max() == null ? null : c.max().doubleValue();
            averages[i] = average == null ? null : result.ranking().rounding().shown(average).doubleValue();
        }
        XSSFDrawing drawing = drawing(sheet);
        int top = 0;
        if (!categories.isEmpty()) {
            int rows = Math.max(MIN_CHART_ROWS, categories.size() * 2 + 2);
            XSSFChart chart = chart(drawing, top, rows, "各类别平均得分与满分（" + subtotals.size() + " 个单位）");
            XDDFBarChartData bars = bars(chart, BarDirection.COL, false);
            int last = categories.size();
            filled(bars.addSeries(XDDFDataSourcesFactory.fromArray(names, range(NAME, 1, last, 0)),
                    XDDFDataSourcesFactory.fromArray(maxima, range(NAME, 1, last, 1))), "满分", MAXIMUM);
            filled(bars.addSeries(XDDFDataSourcesFactory.fromArray(names, range(NAME, 1, last, 0)),
                    XDDFDataSourcesFactory.fromArray(averages, range(NAME, 1, last, 2))), "平均得分", SCORED);
            chart.plot(bars);
            top += rows + 1;
        }
        for (Ranked ranked : rankings) {
            List<UnitResult> units = ranked.units().stream().filter(u -> u.status() == Status.RANKED).toList();
            if (units.isEmpty()) {
                continue;
            }
            // Two rows a bar: every unit's name stays readable however many there are.
            int rows = Math.max(MIN_CHART_ROWS, units.size() * 2 + 4);
            String title = "总分" + (ranked.division() == null ? "" : " · " + ranked.division());
            XSSFChart chart = chart(drawing, top, rows, title);
            XDDFBarChartData bars = bars(chart, BarDirection.BAR, true);
            // Values kept in the chart too, for readers that draw from them (previews), while that is cheap: a 分组
            // of thousands is drawn from its cells, as Excel, WPS and LibreOffice do (openpyxl's charts keep none).
            boolean cached = units.size() <= CACHED_POINTS;
            String[] unitNames = units.stream().limit(cached ? units.size() : 0).map(u -> u.unit().name())
                    .toArray(String[]::new);
            Double[] totals = units.stream().limit(cached ? units.size() : 0)
                    .map(u -> result.ranking().rounding().shown(u.total()).doubleValue()).toArray(Double[]::new);
            int first = FIRST_UNIT_ROW;
            int last = FIRST_UNIT_ROW + units.size() - 1;
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) bars.addSeries(
                    XDDFDataSourcesFactory.fromArray(unitNames, range(ranked.sheetName(), first, last, NAME_COLUMN)),
                    XDDFDataSourcesFactory.fromArray(totals, range(ranked.sheetName(), first, last, TOTAL_COLUMN)));
            filled(series, "总分", SCORED);
            chart.plot(bars);
            if (!cached) {
                CTBarSer bar = series.getCTBarSer();
                bar.getCat().getStrRef().unsetStrCache();
                bar.getVal().getNumRef().unsetNumCache();
            }
            top += rows + 1;
        }
    }

    /** The average of the {@code index}-th category's subtotal over the units an inspection group scored; null when none was. */
    private static BigDecimal average(Map<UnitResult, BigDecimal[]> subtotals, int index) {
        if (subtotals.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal[] unit : subtotals.values()) {
            sum = sum.add(unit[index]);
        }
        return sum.divide(BigDecimal.valueOf(subtotals.size()), 6, RoundingMode.HALF_EVEN);
    }

    private static XSSFDrawing drawing(Sheet sheet) {
        ((SXSSFSheet) sheet).createDrawingPatriarch();
        return ((SXSSFSheet) sheet).getDrawingPatriarch();
    }

    private static XSSFChart chart(XSSFDrawing drawing, int top, int rows, String title) {
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, CHART_LEFT, top,
                CHART_LEFT + CHART_COLUMNS, top + rows));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    /** Bars from zero; {@code topDown}: horizontal bars listed from the top (the first unit first). */
    static XDDFBarChartData bars(XSSFChart chart, BarDirection direction, boolean topDown) {
        XDDFCategoryAxis categories = chart.createCategoryAxis(
                direction == BarDirection.BAR ? AxisPosition.LEFT : AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(
                direction == BarDirection.BAR ? AxisPosition.BOTTOM : AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setMinimum(0);
        if (topDown) {
            categories.setOrientation(AxisOrientation.MAX_MIN);
        }
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
        bars.setBarDirection(direction);
        bars.setVaryColors(false);
        return bars;
    }

    /**
     * Names a series and fills its bars with {@code rgb}: a series without a fill of its own is drawn with the
     * reader's defaults, which LibreOffice took for none (axes, no bars).
     */
    private static void filled(XDDFChartData.Series series, String title, byte[] rgb) {
        series.setTitle(title, null);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        series.setShapeProperties(shape);
    }

    /** A column's cells {@code firstRow}..{@code lastRow} (0-based) of a sheet, as a chart refers to them. */
    static String range(String sheetName, int firstRow, int lastRow, int column) {
        // formatAsString quotes the sheet's name where a formula needs it.
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheetName, true);
    }
}
