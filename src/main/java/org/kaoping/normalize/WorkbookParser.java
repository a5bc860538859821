package org.kaoping.normalize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kaoping.intake.InputFile;
import org.kaoping.read.ReadLimits;
import org.kaoping.read.Reasons;
import org.kaoping.read.SheetGrid;
import org.kaoping.read.WorkbookGridReader;
import org.kaoping.read.WorkbookReadException;
import org.kaoping.read.ZipArchive;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.DiscrepancyKind;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one returned workbook as it is (workbook-formats.md) and normalizes it against the rubric and
 * roster: which unit (or group) it is, which leaf each row scores, and every problem with its cell.
 * A file that cannot be used is returned rejected, with the reason; it never throws.
 */
public final class WorkbookParser {
    private static final Logger log = LoggerFactory.getLogger(WorkbookParser.class);
    private final Roster roster;
    private final ReadLimits limits;
    private final WorkbookGridReader reader;
    private final ScoreTableReader tables;
    private final MatrixReader matrices;
    private final Rubric rubric;
    private final LeafLabels labels;

    public WorkbookParser(Rubric rubric, Roster roster) {
        this(rubric, roster, ReadLimits.DEFAULT);
    }

    public WorkbookParser(Rubric rubric, Roster roster, ReadLimits limits) {
        this.rubric = rubric;
        this.roster = roster;
        this.limits = limits;
        this.reader = new WorkbookGridReader(limits);
        this.tables = new ScoreTableReader(rubric);
        this.labels = new LeafLabels(rubric);
        this.matrices = new MatrixReader(labels);
    }

    public ParsedWorkbook parse(InputFile file, Path absolute) {
        // Checked before the file is opened: the size seen at intake, and again now in case it grew since.
        long size = Math.max(file.size(), sizeOnDisk(absolute));
        if (size > limits.maxFileSize()) {
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null, limits.fileTooLarge(size));
        }
        WorkbookGridReader.Contents contents;
        try {
            Optional<ZipArchive.Inside> inside = ZipArchive.inside(absolute);
            if (inside.isPresent()) {
                contents = reader.open(file.name(), ZipArchive.read(inside.get(), limits));
            } else if (ZipArchive.isZipName(file.name())) {
                // Intake lists a zip itself only when it cannot be read as a folder: say why.
                ZipArchive.members(java.nio.file.Files.readAllBytes(absolute), limits);
                return rejected(file, DiscrepancyKind.REJECTED_FILE, null, ZipArchive.CHANGED);
            } else {
                contents = reader.open(absolute);
            }
        } catch (ZipArchive.Refused e) {
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null, e.getMessage());
        } catch (java.io.IOException e) {
            log.warn("无法打开 {}：{}", file.path(), e.toString());
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null, Reasons.UNREADABLE_FILE);
        } catch (WorkbookReadException e) {
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("读取 {} 时程序出错", file.path(), e);
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null, Reasons.INTERNAL);
        }
        return parse(file, contents);
    }

    /** Normalizes a file already read (from disk or from a zip); says so when it was read as other than its name says. */
    public ParsedWorkbook parse(InputFile file, WorkbookGridReader.Contents contents) {
        ParsedWorkbook parsed;
        try {
            parsed = file.source() == Source.SELF ? self(file, contents.sheets()) : inspection(file, contents.sheets());
        } catch (RuntimeException e) {
            log.warn("读取 {} 时程序出错", file.path(), e);
            parsed = rejected(file, DiscrepancyKind.REJECTED_FILE, null, Reasons.INTERNAL);
        }
        return contents.readAs() == null ? parsed : readAs(parsed, file, contents.readAs());
    }

    /**
     * A file read as what its content is (a web page saved as .xls): a note beside what was read, or, when nothing
     * could be used, the refusal says it too ({@code 这是网页文件（HTML），扩展名却是 .xls；已按网页表格读取，但未找到评分表…}).
     */
    private static ParsedWorkbook readAs(ParsedWorkbook parsed, InputFile file, String note) {
        if (!parsed.rejected()) {
            List<Discrepancy> findings = new ArrayList<>();
            findings.add(Discrepancy.of(DiscrepancyKind.READ_AS_CONTENT, "", CellRef.file(file.name()), "", note));
            findings.addAll(parsed.findings());
            return new ParsedWorkbook(parsed.path(), parsed.sheets(), parsed.adjustments(), findings, null,
                    parsed.summary());
        }
        String reason = note + "，但" + parsed.rejection();
        String refused = "拒收：" + parsed.rejection();
        List<Discrepancy> findings = parsed.findings().stream()
                .map(d -> d.message().equals(refused) ? new Discrepancy(d.kind(), d.unit(), d.where(), d.item(),
                        d.selfValue(), d.officialValue(), "拒收：" + reason) : d)
                .toList();
        return new ParsedWorkbook(parsed.path(), List.of(), List.of(), findings, reason, "拒收：" + reason);
    }

    private ParsedWorkbook self(InputFile file, List<SheetGrid> grids) {
        String name = file.name();
        SheetGrid scoreGrid = null;
        ScoreTableHeader header = null;
        for (SheetGrid grid : grids) {
            Optional<ScoreTableHeader> h = ScoreTableHeader.find(grid);
            if (h.isPresent()) {
                scoreGrid = grid;
                header = h.get();
                break;
            }
        }
        if (scoreGrid == null) {
            return rejected(file, DiscrepancyKind.REJECTED_FILE, null,
                    "未找到评分表：前 " + Vocabulary.HEADER_SEARCH_ROWS + " 行中没有含“得分”等列名的表头");
        }
        Optional<Labels.Found> label = Labels.find(scoreGrid, name, header.row(), Vocabulary.UNIT_LABELS);
        Optional<RosterUnit> unit = label.flatMap(l -> resolveUnit(l.value())).or(() -> roster.findIn(stem(name)));
        if (unit.isEmpty()) {
            CellRef where = label.map(Labels.Found::cell).orElse(CellRef.file(name));
            // Staff must know what was looked for, so that they can fix the file or the roster.
            String why = label.map(l -> "“" + l.value() + "”不在单位名单中（名称和别名）")
                    .orElse("表格上方没有" + quoted(Vocabulary.UNIT_LABELS) + "，文件名“" + name + "”中也没有单位名单中的单位");
            return rejected(file, DiscrepancyKind.UNKNOWN_UNIT, where, "无法识别单位：" + why);
        }
        String unitName = unit.get().name();
        ScoreTableReader.Table table = tables.read(scoreGrid, header, name);
        List<Discrepancy> findings = new ArrayList<>();
        table.findings().forEach(f -> findings.add(Discrepancy.of(f.kind(), unitName, f.cell(), f.item(), "自评：" + f.message())));
        ScoreSheet sheet = new ScoreSheet(Source.SELF, unitName, null, new CellRef(name, scoreGrid.name(), ""),
                file.modified(), table.scores(), table.ownTotal(), table.ownTotalCell(), null, null, null, null);
        List<Adjustment> claims = new ArrayList<>();
        for (SheetGrid grid : grids) {
            if (grid != scoreGrid && AdjustmentSheetReader.looksLikeAdjustmentSheet(grid)) {
                adjustments(file, grid, Source.SELF, null, unit.get(), claims, findings);
            }
        }
        return new ParsedWorkbook(file.path(), List.of(sheet), claims, findings, null,
                "自评 " + unitName + "，" + table.scores().size() + " 项");
    }

    private ParsedWorkbook inspection(InputFile file, List<SheetGrid> grids) {
        String name = file.name();
        Optional<String> group = groupOf(grids, name);
        if (group.isEmpty()) {
            String known = "（" + String.join("、", roster.groups()) + "）";
            Optional<Labels.Found> label = groupLabel(grids, name);
            return rejected(file, DiscrepancyKind.UNKNOWN_GROUP, label.map(Labels.Found::cell).orElse(CellRef.file(name)),
                    label.map(l -> "无法识别考核组：“" + l.value() + "”不在单位名单的考核组中" + known)
                            .orElse("无法识别考核组：表中没有" + quoted(Vocabulary.GROUP_LABELS) + "单元格，文件名“" + name
                                    + "”中也没有单位名单的考核组" + known));
        }
        List<ScoreSheet> sheets = new ArrayList<>();
        List<Adjustment> adjustments = new ArrayList<>();
        List<Discrepancy> findings = new ArrayList<>();
        for (SheetGrid grid : grids) {
            Optional<MatrixReader.Header> matrix = matrices.findHeader(grid);
            Optional<ScoreTableHeader> table = matrix.isPresent() ? Optional.empty() : ScoreTableHeader.find(grid);
            if (matrix.isPresent()) {
                for (MatrixReader.Row row : matrices.read(grid, matrix.get(), name)) {
                    Optional<RosterUnit> unit = resolveUnit(row.unitName());
                    if (unit.isEmpty()) {
                        findings.add(Discrepancy.of(DiscrepancyKind.UNKNOWN_UNIT, row.unitName(), row.unitCell(), "",
                                "考核：单位“" + row.unitName() + "”不在单位名单中，此行未计"));
                        continue;
                    }
                    sheets.add(new ScoreSheet(Source.INSPECTION, unit.get().name(), group.get(), row.unitCell(),
                            file.modified(), row.scores(), row.ownTotal(), row.ownTotalCell(), row.bonus(),
                            row.bonusCell(), row.deduction(), row.deductionCell()));
                }
            } else if (table.isPresent()) {
                Optional<Labels.Found> label = Labels.find(grid, name, table.get().row(), Vocabulary.UNIT_LABELS);
                Optional<RosterUnit> unit = label.flatMap(l -> resolveUnit(l.value())).or(() -> resolveUnit(grid.name()));
                if (unit.isEmpty()) {
                    String said = label.map(Labels.Found::value).orElse(grid.name());
                    findings.add(Discrepancy.of(DiscrepancyKind.UNKNOWN_UNIT, said,
                            label.map(Labels.Found::cell).orElse(new CellRef(name, grid.name(), "")), "",
                            "考核：工作表“" + grid.name() + "”的单位“" + said + "”不在单位名单中，此表未计"));
                    continue;
                }
                String unitName = unit.get().name();
                ScoreTableReader.Table t = tables.read(grid, table.get(), name);
                t.findings().forEach(f -> findings.add(Discrepancy.of(f.kind(), unitName, f.cell(), f.item(), "考核：" + f.message())));
                sheets.add(new ScoreSheet(Source.INSPECTION, unitName, group.get(), new CellRef(name, grid.name(), ""),
                        file.modified(), t.scores(), t.ownTotal(), t.ownTotalCell(), null, null, null, null));
            } else if (AdjustmentSheetReader.looksLikeAdjustmentSheet(grid)) {
                adjustments(file, grid, Source.INSPECTION, group.get(), null, adjustments, findings);
            }
        }
        if (sheets.isEmpty() && adjustments.isEmpty()) {
            String reason = findings.isEmpty() ? "未找到评分表或汇总表" : "没有可识别单位的评分表";
            ParsedWorkbook rejected = rejected(file, DiscrepancyKind.REJECTED_FILE, null, reason);
            List<Discrepancy> all = new ArrayList<>(findings);
            all.addAll(rejected.findings());
            return new ParsedWorkbook(file.path(), List.of(), List.of(), all, reason, reason);
        }
        return new ParsedWorkbook(file.path(), sheets, adjustments, findings, null,
                group.get() + "，" + sheets.size() + " 个单位，" + adjustments.size() + " 条加扣分");
    }

    private void adjustments(InputFile file, SheetGrid grid, Source source, String group, RosterUnit fixedUnit,
                             List<Adjustment> out, List<Discrepancy> findings) {
        Optional<AdjustmentSheetReader.Header> header = AdjustmentSheetReader.findHeader(grid);
        if (header.isEmpty()) {
            findings.add(Discrepancy.of(DiscrepancyKind.REJECTED_FILE, fixedUnit == null ? "" : fixedUnit.name(),
                    new CellRef(file.name(), grid.name(), ""), "", "加扣分表中没有“类型”“项目”列，未读取"));
            return;
        }
        for (AdjustmentSheetReader.Row row : AdjustmentSheetReader.read(grid, header.get(), file.name())) {
            Optional<RosterUnit> unit = fixedUnit != null ? Optional.of(fixedUnit) : resolveUnit(row.unitName());
            if (unit.isEmpty()) {
                findings.add(Discrepancy.of(DiscrepancyKind.UNKNOWN_UNIT, row.unitName(),
                        row.unitCell() == null ? row.cell() : row.unitCell(), row.item(),
                        "加扣分行的单位“" + row.unitName() + "”不在单位名单中，未计"));
                continue;
            }
            if (row.problem() != null) {
                findings.add(Discrepancy.of(row.problemKind(), unit.get().name(), row.problemCell(), row.item(),
                        source.label() + "：" + row.problem() + "，此行未计"));
                continue;
            }
            // A row naming a leaf by any spelling (（三）4, 三.4, 3-4) is stored under the leaf's own code.
            String item = labels.resolve(row.item()).map(Leaf::code).orElse(row.item());
            out.add(new Adjustment(source, unit.get().name(), group, file.modified(), row.type(), item, row.level(),
                    row.count(), row.points(), row.evidence(), row.cell(), row.levelCell(), row.pointsCell()));
        }
    }

    private Optional<String> groupOf(List<SheetGrid> grids, String fileName) {
        for (SheetGrid grid : grids) {
            Optional<Labels.Found> label = Labels.find(grid, fileName, -1, Vocabulary.GROUP_LABELS);
            if (label.isPresent()) {
                Optional<String> group = roster.groups().isEmpty() ? Optional.of(label.get().value())
                        : roster.findGroup(label.get().value());
                if (group.isPresent()) {
                    return group;
                }
            }
        }
        return roster.findGroup(stem(fileName));
    }

    /** The first 考核组 label above a table, whether or not the roster knows the group it names. */
    private static Optional<Labels.Found> groupLabel(List<SheetGrid> grids, String fileName) {
        return grids.stream().map(g -> Labels.find(g, fileName, -1, Vocabulary.GROUP_LABELS))
                .flatMap(Optional::stream).findFirst();
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "“" + w + "”").collect(java.util.stream.Collectors.joining());
    }

    private Optional<RosterUnit> resolveUnit(String text) {
        return roster.find(text).or(() -> roster.findIn(text));
    }

    private static ParsedWorkbook rejected(InputFile file, DiscrepancyKind kind, CellRef where, String reason) {
        Discrepancy d = Discrepancy.of(kind, "", where == null ? CellRef.file(file.name()) : where, "",
                "拒收：" + reason);
        return new ParsedWorkbook(file.path(), List.of(), List.of(), List.of(d), reason, "拒收：" + reason);
    }

    private static long sizeOnDisk(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * The file's own name without its extension, where a unit or group is looked for: for a file in a zip, its own
     * name only ({@code 回收表格.zip!第一组/省财政厅.xlsx} → {@code 省财政厅}), as a folder's name is never looked at.
     */
    private static String stem(String fileName) {
        String own = ZipArchive.ownName(fileName);
        int dot = own.lastIndexOf('.');
        return dot < 0 ? own : own.substring(0, dot);
    }
}
