package org.kaoping.report;

import static org.kaoping.report.SheetStyles.NAME;
import static org.kaoping.report.SheetStyles.SCORE;
import static org.kaoping.report.SheetStyles.SHORT;
import static org.kaoping.report.SheetStyles.TEXT;
import static org.kaoping.report.SheetStyles.column;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.kaoping.report.SheetStyles.Tint;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.CellRef;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.DisplayRounding;

/** Writes 差异报告.xlsx: every discrepancy, tinted by severity, and counts by kind and by unit. */
public final class DiscrepancyReportWriter {
    private static final String DETAIL = "差异明细";
    private static final String SUMMARY = "汇总";
    private static final String NO_UNIT = "（无）";
    private static final String TOTAL = "合计";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final List<SheetStyles.Column> DETAIL_COLUMNS = List.of(column("类型", 16), column("单位名称", NAME),
            column("文件", 30), column("工作表", SHORT), column("单元格", 8), column("项目", 24), column("自评值", SCORE),
            column("考核值", SCORE), column("说明", TEXT), column("责任部门", SHORT), column("责任人", SHORT));
    // The gap column keeps the two tables apart; one sheet has only one autofilter, so 汇总 has none.
    private static final List<SheetStyles.Column> SUMMARY_COLUMNS = List.of(column("类型", 16), column("数量", 8),
            column("", 4), column("单位名称", NAME), column("数量", 8));

    public void write(CampaignResult result, Path target) {
        List<Discrepancy> discrepancies = result.discrepancies();
        XlsxOutput.write(target, result.ranking().rounding(), styles -> {
            detail(styles, discrepancies, answering(result.rubric()));
            summary(styles, discrepancies);
        });
    }

    /**
     * Who answers for each leaf (departments, people), by its label: discrepancies name a leaf by its label (code and
     * short name), and that is how their rows find it. Gathered from the responsibilities once per leaf, not per row.
     */
    private static Map<String, String[]> answering(Rubric rubric) {
        Map<String, String[]> out = new HashMap<>();
        rubric.leaves().forEach(leaf -> out.put(leaf.label(), new String[] {leaf.departmentsShown(), leaf.peopleShown()}));
        return out;
    }

    /** Streamed: a large campaign has several discrepancies per unit, tens of thousands of rows. */
    private static void detail(SheetStyles styles, List<Discrepancy> discrepancies, Map<String, String[]> answering) {
        Sheet sheet = styles.table(DETAIL, DETAIL_COLUMNS);
        Set<String> repeated = new LinkedHashSet<>();
        for (Discrepancy d : discrepancies) {
            repeated.add(d.kind().label());
            repeated.add(d.unit());
            repeated.add(d.item());
            if (d.where() != null) {
                repeated.add(d.where().file());
                repeated.add(d.where().sheet());
            }
        }
        answering.values().forEach(who -> repeated.addAll(Arrays.asList(who)));
        Map<Tint, RowWriter.Styles> tinted = tinted(styles);
        // Values recur (a score of 5, of 4.5 …): each is told apart as a number once.
        Map<String, Optional<BigDecimal>> numbers = new HashMap<>();
        styles.streamRows(sheet, DETAIL_COLUMNS.size(), discrepancies.size(), repeated, rows -> {
            for (Discrepancy d : discrepancies) {
                rows.use(tinted.get(tint(d.kind().severity())));
                rows.row();
                CellRef where = d.where();
                rows.text(d.kind().label());
                rows.text(d.unit());
                rows.text(where == null ? null : where.file());
                rows.text(where == null ? null : where.sheet());
                rows.text(where == null ? null : where.cell());
                rows.text(d.item());
                value(rows, d.selfValue(), numbers);
                value(rows, d.officialValue(), numbers);
                rows.text(d.message());
                String[] who = answering.get(d.item());
                rows.text(who == null ? null : who[0]);
                rows.text(who == null ? null : who[1]);
            }
        });
    }

    /** Values are display strings; numbers become numeric cells so staff can sort and sum them. */
    private static void value(RowWriter rows, String shown, Map<String, Optional<BigDecimal>> numbers) {
        Optional<BigDecimal> number = numbers.computeIfAbsent(shown == null ? "" : shown, v -> {
            String s = v.strip();
            return DECIMAL.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
        });
        if (number.isPresent()) {
            rows.score(number.get());
        } else {
            rows.text(shown);
        }
    }

    private static Tint tint(DiscrepancyKind.Severity severity) {
        return severity == DiscrepancyKind.Severity.ERROR ? Tint.ERROR : Tint.WARNING;
    }

    /** A 汇总 line: what it counts, how many, and the worst severity among them (its tint). */
    private record Count(String label, long n, Tint tint) {
    }

    private static void summary(SheetStyles styles, List<Discrepancy> discrepancies) {
        Map<DiscrepancyKind, Long> byKind = new EnumMap<>(DiscrepancyKind.class);
        Map<String, Long> byUnit = new LinkedHashMap<>();
        Map<String, Tint> unitTint = new HashMap<>();
        for (Discrepancy d : discrepancies) {
            byKind.merge(d.kind(), 1L, Long::sum);
            String unit = d.unit() == null || d.unit().isBlank() ? NO_UNIT : d.unit();
            byUnit.merge(unit, 1L, Long::sum);
            // A unit with one error among its warnings is red: it is one to call first.
            unitTint.merge(unit, tint(d.kind().severity()), (a, b) -> a == Tint.ERROR ? a : b);
        }
        List<Count> kinds = new ArrayList<>();
        byKind.forEach((kind, n) -> kinds.add(new Count(kind.label(), n, tint(kind.severity()))));
        kinds.add(new Count(TOTAL, discrepancies.size(), Tint.NONE));
        // Units with the most discrepancies first: those are the ones to call.
        List<Count> units = new ArrayList<>(byUnit.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new Count(e.getKey(), e.getValue(), unitTint.get(e.getKey()))).toList());
        units.add(new Count(TOTAL, discrepancies.size(), Tint.NONE));

        Sheet sheet = styles.table(SUMMARY, SUMMARY_COLUMNS);
        Map<Tint, RowWriter.Styles> tinted = tinted(styles);
        Set<String> repeated = new LinkedHashSet<>();
        kinds.forEach(c -> repeated.add(c.label()));
        int rows = Math.max(kinds.size(), units.size());
        // One row per unit with a discrepancy: streamed like 差异明细.
        styles.appendRows(sheet, SUMMARY_COLUMNS.size(), rows, repeated, writer -> {
            for (int i = 0; i < rows; i++) {
                writer.row();
                count(writer, tinted, i < kinds.size() ? kinds.get(i) : null);
                writer.skip();
                count(writer, tinted, i < units.size() ? units.get(i) : null);
            }
        });
    }

    /** A label and its count in the count's tint; two cells left out where that table has ended. */
    private static void count(RowWriter rows, Map<Tint, RowWriter.Styles> tinted, Count c) {
        if (c == null) {
            rows.skip();
            rows.skip();
            return;
        }
        rows.use(tinted.get(c.tint()));
        rows.text(c.label());
        rows.number(c.n());
    }

    private static Map<Tint, RowWriter.Styles> tinted(SheetStyles styles) {
        Map<Tint, RowWriter.Styles> tinted = new EnumMap<>(Tint.class);
        for (Tint t : Tint.values()) {
            tinted.put(t, styles.rowStyles(t));
        }
        return tinted;
    }
}
