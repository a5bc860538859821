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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.kaoping.report.SheetStyles.Tint;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.CellRef;

/** Writes 差异报告.xlsx: every discrepancy, tinted by severity, and counts by kind and by unit. */
public final class DiscrepancyReportWriter {
    private static final String DETAIL = "差异明细";
    private static final String SUMMARY = "汇总";
    private static final String NO_UNIT = "（无）";
    private static final String TOTAL = "合计";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private static final List<SheetStyles.Column> DETAIL_COLUMNS = List.of(column("类型", 16), column("单位名称", NAME),
            column("文件", 30), column("工作表", SHORT), column("单元格", 8), column("项目", 24), column("自评值", SCORE),
            column("考核值", SCORE), column("说明", TEXT), column("责任部门", SHORT), column("责任人", SHORT),
            column("分管领导", SHORT));
    // The gap column keeps the two tables apart; one sheet has only one autofilter, so 汇总 has none.
    private static final List<SheetStyles.Column> SUMMARY_COLUMNS = List.of(column("类型", 16), column("数量", 8),
            column("", 4), column("单位名称", NAME), column("数量", 8));

    public void write(CampaignResult result, Path target) {
        List<Discrepancy> discrepancies = result.discrepancies();
        XlsxOutput.write(target, result.ranking().rounding(), styles -> {
            detail(styles, result, answering(result.rubric()));
            summary(styles, discrepancies);
        });
    }

    /**
     * Who answers for each leaf (departments, people), by its label: discrepancies name a leaf by its label (code and
     * short name), and that is how their rows find it. Gathered from the responsibilities once per leaf, not per row.
     */
    private static Map<String, List<String>> answering(Rubric rubric) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        rubric.leaves().forEach(leaf -> out.put(leaf.label(), Arrays.asList(leaf.departmentsShown(), leaf.peopleShown(),
                leaf.leadersShown())));
        return out;
    }

    /** Tens of thousands of rows in a large campaign (several discrepancies per unit), their texts shared. */
    private static void detail(SheetStyles styles, CampaignResult result, Map<String, List<String>> answering) {
        List<Discrepancy> discrepancies = result.discrepancies();
        Sheet sheet = styles.table(DETAIL, DETAIL_COLUMNS);
        Set<String> repeated = new LinkedHashSet<>();
        Arrays.stream(DiscrepancyKind.values()).forEach(k -> repeated.add(k.label()));
        result.units().stream().map(u -> u.unit().name()).sorted().forEach(repeated::add);
        answering.forEach((item, who) -> {
            repeated.add(item);
            repeated.addAll(who);
        });
        // Files and sheets as they come; a unit's rows name the same few one after another, so each is looked up
        // only where it differs from the row before (a look-up per row and text was a fifth of writing a rerun's
        // report). A unit or item not shared above is written into its cells instead.
        CellRef before = null;
        for (Discrepancy d : discrepancies) {
            CellRef where = d.where();
            if (where != null && (before == null || !Objects.equals(where.file(), before.file())
                    || !Objects.equals(where.sheet(), before.sheet()))) {
                repeated.add(where.file());
                repeated.add(where.sheet());
                before = where;
            }
        }
        Map<Tint, RowWriter.Styles> tinted = tinted(styles);
        // Values recur (a score of 5, of 4.5 …): each is told apart as a number once (by any of the threads).
        Map<String, Optional<BigDecimal>> numbers = new ConcurrentHashMap<>();
        styles.tableRows(sheet, DETAIL_COLUMNS.size(), discrepancies, repeated, true, (rows, d) -> {
            rows.use(tinted.get(tint(d.kind().severity())));
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
            List<String> who = answering.get(d.item());
            rows.text(who == null ? null : who.get(0));
            rows.text(who == null ? null : who.get(1));
            rows.text(who == null ? null : who.get(2));
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
        long[] byKind = new long[DiscrepancyKind.values().length];
        Map<String, Long> byUnit = new LinkedHashMap<>();
        Map<String, Tint> unitTint = new HashMap<>();
        // A unit's discrepancies come one after another: counted a run at a time, a map entry touched once a run.
        String unit = null;
        long n = 0;
        Tint worst = Tint.NONE;
        for (Discrepancy d : discrepancies) {
            byKind[d.kind().ordinal()]++;
            if (!Objects.equals(d.unit(), unit)) {
                count(unit, n, worst, byUnit, unitTint);
                unit = d.unit();
                n = 0;
                worst = Tint.NONE;
            }
            n++;
            // A unit with one error among its warnings is red: it is one to call first.
            worst = worst == Tint.ERROR ? worst : tint(d.kind().severity());
        }
        count(unit, n, worst, byUnit, unitTint);
        List<Count> kinds = new ArrayList<>();
        for (DiscrepancyKind kind : DiscrepancyKind.values()) {
            if (byKind[kind.ordinal()] > 0) {
                kinds.add(new Count(kind.label(), byKind[kind.ordinal()], tint(kind.severity())));
            }
        }
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
        // A line a row, the two tables side by side; one row per unit with a discrepancy, written like 差异明细.
        record Line(Count kind, Count unit) {
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < Math.max(kinds.size(), units.size()); i++) {
            lines.add(new Line(i < kinds.size() ? kinds.get(i) : null, i < units.size() ? units.get(i) : null));
        }
        styles.tableRows(sheet, SUMMARY_COLUMNS.size(), lines, repeated, false, (writer, line) -> {
            count(writer, tinted, line.kind());
            writer.skip();
            count(writer, tinted, line.unit());
        });
    }

    /** Adds a run of {@code n} discrepancies of {@code unit} (none when {@code n} is 0) to its count and tint. */
    private static void count(String unit, long n, Tint worst, Map<String, Long> byUnit, Map<String, Tint> unitTint) {
        if (n == 0) {
            return;
        }
        String shown = unit == null || unit.isBlank() ? NO_UNIT : unit;
        byUnit.merge(shown, n, Long::sum);
        unitTint.merge(shown, worst, (a, b) -> a == Tint.ERROR ? a : b);
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
