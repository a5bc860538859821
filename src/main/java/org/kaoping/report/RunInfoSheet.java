package org.kaoping.report;

import static org.kaoping.report.SheetStyles.SHORT;
import static org.kaoping.report.SheetStyles.TEXT;
import static org.kaoping.report.SheetStyles.column;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Status;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.scoring.ranking.Grade;
import org.kaoping.scoring.ranking.RankingRules;

/** The 运行信息 sheet of 综合排名.xlsx: what was run, and what became of every input file. */
final class RunInfoSheet {
    static final String NAME = "运行信息";

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> FILE_COLUMNS = List.of("文件", "来源", "处理结果", "说明");

    private RunInfoSheet() {
    }

    static void write(SheetStyles styles, RunInfo info, CampaignResult result) {
        // Column A also holds the file paths of the table below, hence its width.
        Sheet sheet = styles.table(NAME, List.of(column("项目", TEXT), column("内容", 36)));
        sheet.setColumnWidth(2, SHORT * 256);
        sheet.setColumnWidth(3, TEXT * 256);
        int r = 0;
        r = text(styles, sheet, r, "考核名称", info.campaignName());
        r = text(styles, sheet, r, "考核代码", info.campaign());
        r = text(styles, sheet, r, "评分细则", Stream.of(info.rubricCode(), info.rubricName())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" ")));
        r = text(styles, sheet, r, "运行编号", info.runId());
        r = text(styles, sheet, r, "开始时间", info.started() == null ? null : STARTED.format(info.started()));
        r = text(styles, sheet, r, "用时", info.elapsed() == null ? null
                : BigDecimal.valueOf(info.elapsed().toMillis(), 3).setScale(1, RoundingMode.HALF_UP) + " 秒");
        r = count(styles, sheet, r, "单位数", result.units().size());
        r = count(styles, sheet, r, "已排名", count(result, Status.RANKED));
        r = count(styles, sheet, r, "否决", count(result, Status.VETOED));
        r = count(styles, sheet, r, "未考核", count(result, Status.UNSCORED));
        r = count(styles, sheet, r, "差异数", result.discrepancies().size());
        r = ranking(styles, sheet, r, result.ranking());
        r = changes(styles, sheet, r, info.changes(), result.ranking().rounding());

        Row header = sheet.createRow(r + 2);
        for (int i = 0; i < FILE_COLUMNS.size(); i++) {
            styles.headerCell(header, i, FILE_COLUMNS.get(i));
        }
        // A large campaign lists thousands of files: streamed, the labels shared.
        Set<String> repeated = new LinkedHashSet<>();
        info.files().forEach(f -> repeated.addAll(Arrays.asList(f.source(), f.status())));
        styles.appendRows(sheet, FILE_COLUMNS.size(), info.files().size(), repeated, rows -> {
            for (RunInfo.FileEntry f : info.files()) {
                rows.row();
                rows.text(f.path());
                rows.text(f.source());
                rows.text(f.status());
                rows.text(f.detail());
            }
        });
    }

    /** Committees check a ranking against its rules, so the rules travel with it. */
    private static int ranking(SheetStyles styles, Sheet sheet, int r, RankingRules rules) {
        r = text(styles, sheet, r, "排名方法", rules.method().key() + " " + rules.method().label());
        r = text(styles, sheet, r, "同分排序", rules.tieBreakers().isEmpty() ? "无（同分并列）"
                : rules.tieBreakers().stream().map(t -> t.key() + " " + t.label()).collect(Collectors.joining("；")));
        r = text(styles, sheet, r, "分数显示", "保留两位小数，" + rules.rounding().key() + " " + rules.rounding().label());
        return text(styles, sheet, r, "等次", rules.graded()
                ? rules.grades().stream().map(Grade::label).collect(Collectors.joining("；")) : "未设置");
    }

    /** Reviewers of a rerun want to see what a correction changed without comparing two workbooks. */
    private static int changes(SheetStyles styles, Sheet sheet, int r, RunChanges changes, DisplayRounding rounding) {
        if (changes.previousRunId() == null) {
            return text(styles, sheet, r, "上次运行", "无（首次运行）");
        }
        r = text(styles, sheet, r, "上次运行", changes.previousRunId());
        r = text(styles, sheet, r, "输入变化", changes.inputsUnchanged() ? "输入未变化，结果与上次运行相同"
                : "新增 " + changes.added().size() + " 个文件，更正 " + changes.changed().size() + " 个，移除 "
                        + changes.removed().size() + " 个；" + changes.units().size() + " 个单位总分或排名变化");
        for (String path : changes.added()) {
            r = text(styles, sheet, r, "新增文件", path);
        }
        for (String path : changes.changed()) {
            r = text(styles, sheet, r, "更正文件", path);
        }
        for (String path : changes.removed()) {
            r = text(styles, sheet, r, "移除文件", path);
        }
        for (RunChanges.UnitChange u : changes.units()) {
            r = text(styles, sheet, r, "分数变化", u.describe(rounding));
        }
        return r;
    }

    private static int text(SheetStyles styles, Sheet sheet, int r, String key, String value) {
        Row row = sheet.createRow(++r);
        styles.text(row, 0, key);
        styles.text(row, 1, value);
        return r;
    }

    private static int count(SheetStyles styles, Sheet sheet, int r, String key, long value) {
        Row row = sheet.createRow(++r);
        styles.text(row, 0, key);
        styles.number(row, 1, value);
        return r;
    }

    private static long count(CampaignResult result, Status status) {
        return result.units().stream().filter(u -> u.status() == status).count();
    }
}
