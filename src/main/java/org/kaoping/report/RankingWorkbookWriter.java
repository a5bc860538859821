package org.kaoping.report;

import static org.kaoping.report.SheetStyles.NAME;
import static org.kaoping.report.SheetStyles.SCORE;
import static org.kaoping.report.SheetStyles.SHORT;
import static org.kaoping.report.SheetStyles.TEXT;
import static org.kaoping.report.SheetStyles.column;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.scoring.AppliedAdjustment;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Scored;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.UnitResult;

/**
 * Writes 综合排名.xlsx: the overall ranking, one ranking per 分组, leaf scores, every counted bonus and
 * deduction, and how the run went. Units keep the order of {@link CampaignResult#units()}.
 */
public final class RankingWorkbookWriter {
    private static final String OVERALL = "总排名";
    private static final String LEAF_SCORES = "分项得分";
    private static final String ADJUSTMENTS = "加扣分明细";
    private static final int MAX_SHEET_NAME = 31;
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final List<SheetStyles.Column> RANKING = List.of(column("排名", 6), column("单位名称", NAME),
            column("分组", SHORT), column("考核组", SHORT), column("基础分", SCORE), column("加分", SCORE),
            column("扣分", SCORE), column("总分", SCORE), column("自评总分", SCORE), column("状态", 8));
    private static final List<SheetStyles.Column> LEAF_COLUMNS = List.of(column("单位名称", NAME), column("状态", 8),
            column("编号", 8), column("评分项", 24), column("分值", SCORE), column("考核得分", SCORE),
            column("自评得分", SCORE), column("考核方法", SHORT), column("责任部门", SHORT), column("责任人", SHORT),
            column("分管领导", SHORT));
    private static final SheetStyles.Column GRADE = column("等次", 8);
    /** A category subtotal's column: a score's width and a little more, its title wrapping above it. */
    private static final int CATEGORY = 12;
    private static final List<SheetStyles.Column> ADJUSTMENT_COLUMNS = List.of(column("单位名称", NAME),
            column("来源", 6), column("类型", 6), column("项目", 24), column("级别", SHORT), column("次数", 6),
            column("每次分值", SCORE), column("折算系数", SCORE), column("计入分值", SCORE), column("说明", TEXT),
            column("备注", 30), column("出处", TEXT));

    private final int maxRows;

    public RankingWorkbookWriter() {
        this(SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** {@code maxRows}: rows a sheet may hold, header included (smaller only in tests). */
    RankingWorkbookWriter(int maxRows) {
        this.maxRows = maxRows;
    }

    public void write(CampaignResult result, RunInfo info, Path target) {
        write(result, info, target, Map.of());
    }

    /**
     * Writes the workbook, laying in a unit's 分项得分 rows from {@code stored} (by unit name) where they start on the
     * same row as they did then, and returns the rows rendered anew, to be stored for the next run. Stored rows are
     * valid only for the same rubric, roster, rounding and outcome: the caller keys them by all of those.
     */
    public Map<String, LeafRows> write(CampaignResult result, RunInfo info, Path target, Map<String, LeafRows> stored) {
        return write(result, new Heading(info.campaignName(), info.started()), () -> info, target, stored,
                rendered -> { });
    }

    /** What the title rows say of the run: the campaign's name and when the run started. */
    public record Heading(String campaignName, LocalDateTime started) {
        String title(String sheet, int units) {
            return campaignName + " " + sheet + "　运行时间 " + started.format(STARTED) + "　共 " + units + " 个单位";
        }
    }

    /**
     * As {@link #write(CampaignResult, RunInfo, Path, Map)}, and hands {@code whenRendered} the rows rendered anew
     * as soon as they are rendered, before any sheet is written: storing them need not wait for the package.
     * {@code info} is asked for once every other sheet is laid out (运行信息 comes last), so that it can still be
     * in the making while they are.
     */
    public Map<String, LeafRows> write(CampaignResult result, Heading heading, Supplier<RunInfo> info, Path target,
                                       Map<String, LeafRows> stored, Consumer<Map<String, LeafRows>> whenRendered) {
        boolean graded = result.ranking().graded();
        List<String> leafSheets = leafSheetNames(result);
        Map<String, LeafRows> rendered = new ConcurrentHashMap<>();
        XlsxOutput.write(target, result.ranking().rounding(), styles -> {
            // First, so that the rows of 分项得分 and of the rankings refer to the same shared strings in every run
            // (see share).
            styles.share(leafRowTexts(result));
            // Rendered before any sheet is written, and handed over at once: storing them (on the step's thread)
            // then runs beside the writing of the ranking sheets, not after it with a core left idle.
            List<List<LeafRows>> pages = leafRows(styles, result, leafSheets.size(), stored, rendered);
            whenRendered.accept(Collections.unmodifiableMap(rendered));
            Set<String> taken = new HashSet<>();
            Stream.concat(Stream.of(OVERALL, LeafMatrixSheet.NAME, ChartSheet.NAME, ADJUSTMENTS, RunInfoSheet.NAME),
                    leafSheets.stream()).forEach(n -> taken.add(key(n)));
            List<Category> categories = result.rubric().categories();
            Map<UnitResult, BigDecimal[]> subtotals = subtotals(result);
            List<ChartSheet.Ranked> charted = new ArrayList<>();
            ranking(styles, OVERALL, heading.title(OVERALL, result.units().size()), result.units(), true, graded,
                    categories, subtotals);
            Map<String, List<UnitResult>> divisions = byDivision(result.units());
            divisions.forEach((division, units) -> {
                String name = sheetName(division, taken);
                ranking(styles, name, heading.title("分组排名 · " + division, units.size()), units, false, graded,
                        categories, subtotals);
                charted.add(new ChartSheet.Ranked(division, name, units));
            });
            if (divisions.isEmpty()) {
                charted.add(new ChartSheet.Ranked(null, OVERALL, result.units()));
            }
            LeafMatrixSheet.write(styles, heading, result);
            ChartSheet.write(styles, result, subtotals, charted);
            for (int page = 0; page < pages.size(); page++) {
                Sheet sheet = styles.table(leafSheets.get(page), LEAF_COLUMNS);
                List<LeafRows> segments = pages.get(page);
                int rows = segments.size() * result.rubric().leaves().size();
                styles.spliceRows(sheet, LEAF_COLUMNS.size(), rows, segments);
            }
            adjustments(styles, result.units());
            RunInfoSheet.write(styles, info.get(), result);
        });
        return rendered;
    }

    /**
     * Every text a row of 分项得分 may share, then the 分组, 考核组 and 等次 the rankings show, in an order that depends
     * only on the rubric, the roster and the ranking rules.
     */
    private static List<String> leafRowTexts(CampaignResult result) {
        List<String> texts = new ArrayList<>();
        Arrays.stream(Status.values()).forEach(s -> texts.add(s.label()));
        for (Leaf leaf : result.rubric().leaves()) {
            texts.addAll(Arrays.asList(leaf.code(), leaf.name(), String.join("、", leaf.methods()),
                    leaf.departmentsShown(), leaf.peopleShown(), leaf.leadersShown()));
        }
        result.units().stream().map(u -> u.unit().name()).sorted().forEach(texts::add);
        // After the names, so that the indexes of 分项得分's texts are those its stored rows were rendered with.
        Set<String> rosterTexts = new HashSet<>();
        for (UnitResult u : result.units()) {
            rosterTexts.add(u.unit().division());
            rosterTexts.add(u.unit().group());
        }
        rosterTexts.remove(null);
        texts.addAll(new TreeSet<>(rosterTexts));
        result.ranking().grades().forEach(g -> texts.add(g.name()));
        return texts;
    }

    /**
     * {@code overall}: ranked by {@link UnitResult#rank()}, else by {@link UnitResult#divisionRank()}. The contract's
     * ten columns come first, unchanged; then a unit's official subtotal of each rubric category; then 等次 when the
     * campaign grades.
     */
    private static void ranking(SheetStyles styles, String name, String title, List<UnitResult> units,
                                boolean overall, boolean graded, List<Category> categories,
                                Map<UnitResult, BigDecimal[]> subtotals) {
        List<SheetStyles.Column> columns = new ArrayList<>(RANKING);
        categories.forEach(c -> columns.add(new SheetStyles.Column(categoryTitle(c), CATEGORY, true)));
        if (graded) {
            columns.add(GRADE);
        }
        Sheet sheet = styles.table(name, title, columns);
        // Names, 分组, the roster's 考核组, statuses and grades are shared already (leafRowTexts); a group that scored
        // a unit it was not assigned in the roster is not.
        Set<String> repeated = new LinkedHashSet<>();
        units.forEach(u -> repeated.add(scoredBy(u)));
        styles.tableRows(sheet, columns.size(), units, repeated, true, (rows, u) -> {
            Scored official = u.official();
            rows.number(overall ? u.rank() : u.divisionRank());
            rows.text(u.unit().name());
            rows.text(u.unit().division());
            rows.text(scoredBy(u));
            rows.score(official == null ? null : official.base());
            rows.score(official == null ? null : official.bonus());
            rows.score(official == null ? null : official.deduction());
            rows.score(u.total());
            rows.score(u.selfTotal());
            rows.text(u.status().label());
            BigDecimal[] unitSubtotals = subtotals.get(u);
            for (int i = 0; i < categories.size(); i++) {
                rows.score(unitSubtotals == null ? null : unitSubtotals[i]);
            }
            if (graded) {
                rows.text(u.grade());
            }
        });
    }

    /** A category as its column is headed: its code and short name ({@code 一 领导班子好}). */
    static String categoryTitle(Category category) {
        String name = category.name() == null ? "" : category.name().strip();
        // Shanxi's and its kin's categories are a slogan and a short name (强化政治引领 领导班子好): the short name.
        int space = name.lastIndexOf(' ');
        String shortName = space > 0 ? name.substring(space + 1) : name;
        return shortName.isEmpty() ? category.code() : category.code() + " " + shortName;
    }

    /**
     * Each officially scored unit's subtotal of every category, in the rubric's order: made once, shown on every
     * ranking sheet and averaged on 统计图. By identity: a unit's result is compared whole by {@code equals}.
     */
    static Map<UnitResult, BigDecimal[]> subtotals(CampaignResult result) {
        List<Category> categories = result.rubric().categories();
        Map<UnitResult, BigDecimal[]> out = new IdentityHashMap<>();
        for (UnitResult u : result.units()) {
            if (u.official() != null) {
                out.put(u, categories.stream().map(c -> subtotal(u.official(), c)).toArray(BigDecimal[]::new));
            }
        }
        return out;
    }

    /** The sum of a category's leaf scores in {@code scored}: what the base score is made of. */
    private static BigDecimal subtotal(Scored scored, Category category) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Leaf leaf : category.leaves()) {
            BigDecimal score = scored.leafScores().get(leaf.code());
            if (score != null) {
                sum = sum.add(score);
            }
        }
        return sum;
    }

    private static String scoredBy(UnitResult u) {
        return u.scoredBy() != null ? u.scoredBy() : u.unit().group();
    }

    /**
     * One row per unit and leaf, so that staff can filter by 责任部门 or 责任人 and see every unit's score on the items
     * they answer for; a sheet per leaf column would not survive a large campaign (16,384 columns at most).
     */
    private List<List<LeafRows>> leafRows(SheetStyles styles, CampaignResult result, int sheets,
                                          Map<String, LeafRows> stored, Map<String, LeafRows> rendered) {
        List<Leaf> leaves = result.rubric().leaves();
        // The same for every unit: made once per leaf, not once per row, and looked up in the shared strings once.
        List<RowWriter.Prepared[]> shown = leaves.stream().map(leaf -> Stream.of(leaf.code(), leaf.name(),
                String.join("、", leaf.methods()), leaf.departmentsShown(), leaf.peopleShown(), leaf.leadersShown())
                .map(styles::prepare).toArray(RowWriter.Prepared[]::new)).toList();
        List<UnitResult> scored = scored(result);
        // Long names and methods wrap in their columns rather than spill over the next.
        RowWriter.Styles wrapped = styles.wrappedRows();
        int perSheet = unitsPerLeafSheet(leaves.size());
        List<List<LeafRows>> pages = new ArrayList<>();
        for (int page = 0; page < sheets; page++) {
            List<UnitResult> units = scored.subList(Math.min(scored.size(), page * perSheet),
                    Math.min(scored.size(), (page + 1) * perSheet));
            int header = SheetStyles.HEADER_ROWS;
            // Units are rendered on all cores; one whose rows are stored for the same first row is not rendered at all.
            List<LeafRows> segments = IntStream.range(0, units.size()).parallel().mapToObj(i -> {
                UnitResult u = units.get(i);
                int firstRow = header + i * leaves.size() + 1;
                LeafRows rows = stored.get(u.unit().name());
                if (rows != null && rows.firstRow() == firstRow) {
                    return rows;
                }
                rows = styles.render(firstRow, wrapped, writer -> leafRows(writer, u, leaves, shown));
                rendered.put(u.unit().name(), rows);
                return rows;
            }).toList();
            pages.add(segments);
        }
        return pages;
    }

    private static void leafRows(RowWriter rows, UnitResult u, List<Leaf> leaves, List<RowWriter.Prepared[]> shown)
            throws IOException {
        RowWriter.Prepared unit = rows.prepare(u.unit().name());
        RowWriter.Prepared status = rows.prepare(u.status().label());
        for (int i = 0; i < leaves.size(); i++) {
            Leaf leaf = leaves.get(i);
            RowWriter.Prepared[] texts = shown.get(i);
            rows.row();
            rows.prepared(unit);
            rows.prepared(status);
            rows.prepared(texts[0]);
            rows.prepared(texts[1]);
            rows.score(leaf.max());
            rows.score(u.official() == null ? null : u.official().leafScores().get(leaf.code()));
            rows.score(u.self() == null ? null : u.self().leafScores().get(leaf.code()));
            rows.prepared(texts[2]);
            rows.prepared(texts[3]);
            rows.prepared(texts[4]);
            rows.prepared(texts[5]);
        }
    }

    private static List<UnitResult> scored(CampaignResult result) {
        return result.units().stream().filter(u -> u.official() != null || u.self() != null).toList();
    }

    /**
     * A sheet holds {@code maxRows} rows (Excel's 1,048,576): a campaign with more unit × leaf rows than that goes
     * on in 分项得分（2）, 分项得分（3）…, whole units to a sheet.
     */
    private List<String> leafSheetNames(CampaignResult result) {
        int perSheet = unitsPerLeafSheet(result.rubric().leaves().size());
        int sheets = Math.max(1, (scored(result).size() + perSheet - 1) / perSheet);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= sheets; i++) {
            names.add(i == 1 ? LEAF_SCORES : LEAF_SCORES + "（" + i + "）");
        }
        return names;
    }

    private int unitsPerLeafSheet(int leaves) {
        return Math.max(1, (maxRows - 1) / Math.max(1, leaves));
    }

    /** Streamed, as the other long tables are: a unit may have several bonus and deduction rows, each source its own. */
    private static void adjustments(SheetStyles styles, List<UnitResult> units) {
        Sheet sheet = styles.table(ADJUSTMENTS, ADJUSTMENT_COLUMNS);
        record Applied(String unit, AppliedAdjustment adjustment) {
        }
        List<Applied> applied = new ArrayList<>();
        for (UnitResult u : units) {
            for (Scored scored : new Scored[] {u.official(), u.self()}) {
                if (scored != null && !scored.adjustments().isEmpty()) {
                    scored.adjustments().forEach(a -> applied.add(new Applied(u.unit().name(), a)));
                }
            }
        }
        Set<String> repeated = new LinkedHashSet<>();
        applied.forEach(x -> repeated.addAll(Arrays.asList(x.unit(), x.adjustment().source().label(),
                x.adjustment().type().label(), x.adjustment().item(), x.adjustment().level())));
        styles.tableRows(sheet, ADJUSTMENT_COLUMNS.size(), applied, repeated, true, (rows, x) -> {
            AppliedAdjustment a = x.adjustment();
            rows.text(x.unit());
            rows.text(a.source().label());
            rows.text(a.type().label());
            rows.text(a.item());
            rows.text(a.level());
            rows.number(a.count());
            rows.score(a.pointsPerCase());
            rows.number(a.factor());
            rows.score(a.amount());
            rows.text(a.evidence());
            rows.text(a.note());
            rows.text(a.cell() == null ? null : a.cell().toString());
        });
    }

    private static Map<String, List<UnitResult>> byDivision(List<UnitResult> units) {
        Map<String, List<UnitResult>> out = new LinkedHashMap<>();
        for (UnitResult u : units) {
            String division = u.unit().division();
            if (division != null) {
                out.computeIfAbsent(division, d -> new ArrayList<>()).add(u);
            }
        }
        // Told apart once per 分组, not per unit: each look at a unit's texts is a walk through memory.
        out.keySet().removeIf(String::isBlank);
        return out;
    }

    /** Excel refuses {@code []:*?/\}, names over 31 characters and names equal but for case. */
    private static String sheetName(String division, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(division.strip(), '_');
        String name = base;
        for (int n = 2; !taken.add(key(name)); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return name;
    }

    private static String key(String sheetName) {
        return sheetName.toUpperCase(Locale.ROOT);
    }
}
