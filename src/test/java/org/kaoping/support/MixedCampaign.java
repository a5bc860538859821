package org.kaoping.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaoping.normalize.WorkbookFixtures.Format;
import org.kaoping.normalize.WorkbookFixtures.Matrix;
import org.kaoping.normalize.WorkbookFixtures.ShanxiSelf;
import org.kaoping.normalize.WorkbookFixtures.Spelling;
import org.kaoping.normalize.WorkbookFixtures.UnitSheets;
import org.kaoping.normalize.WorkbookFixtures;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;

/**
 * Two campaigns from one table of scores: the 82 units and 4 groups of seed 003's 附件1 on the Jiaozuo 2016 rubric
 * (seed 003's 附件2). {@code clean} writes every workbook in the plain layout; {@code mixed} writes the same numbers
 * with every reading variation of workbook-formats.md spread over its files, plus noise files and a group's
 * correction that supersedes part of its first workbook. Reading both must give the same results.
 *
 * <p>The scores are pseudo-random from a fixed seed, in half points. Adjustments are chosen so that no cap and no
 * highest-level rule bites, so a unit's expected result is plain arithmetic on this table ({@link UnitScores}).
 */
public final class MixedCampaign {
    public static final String CLEAN = "clean";
    public static final String MIXED = "mixed";
    public static final String RUBRIC = "jiaozuo-2016";
    private static final String ROSTER = "rosters/mixed-campaign.xlsx";
    private static final String TITLE = "2016年度市直机关创建“五型机关”百分考评细则";

    public static final String GROUP_1 = "第一考核调研组";
    public static final String GROUP_2 = "第二考核调研组";
    public static final String GROUP_3 = "第三考核调研组";
    public static final String GROUP_4 = "第四考核调研组";

    /** The first group's workbook that its correction (newer mtime) partly replaces. */
    public static final String SUPERSEDED_FILE = "第一考核调研组评分表.xls";
    public static final String CORRECTION_FILE = "第一考核调研组评分表（更正）.xlsx";
    /** Units the first workbook scores wrongly and the correction scores right. */
    public static final List<String> CORRECTED_UNITS = List.of("市委组织部", "审计局", "爱卫办");

    public static final List<String> WITHOUT_SELF = List.of("地震局", "国家安全局", "广利局");
    public static final String WITHOUT_INSPECTION = "红十字会";
    public static final List<String> VETOED = List.of("统计局", "司法局");

    /** A file in {@code mixed} that must not count: its name, the 差异明细 type and a phrase of its reason. */
    public record Noise(String file, String kind, String reason) {
    }

    public static final List<Noise> NOISE = List.of(
            new Noise("~$五型机关自评表_1.xlsx", "忽略的文件", "Office 临时锁定文件"),
            new Noise("报送说明.txt", "忽略的文件", "不是电子表格文件"),
            new Noise("自评情况汇报.docx", "忽略的文件", "不是电子表格文件"),
            new Noise("空白自评表.xlsx", "拒收文件", "空文件（0 字节），没有内容：请重新保存后提交"),
            new Noise("自评表（文本）.xlsx", "拒收文件", "这是文本文件（制表符分隔），扩展名却是 .xlsx；已按文本表格读取，但未找到评分表"),
            new Noise("第三考核调研组评分表（传输中断）.xlsx", "拒收文件", "文件损坏或不是有效的 Excel 工作簿"),
            new Noise("加密自评表.xlsx", "拒收文件", "加密的工作簿：请去掉密码后重新提交"),
            new Noise("扫描件.xlsx", "拒收文件", "未找到评分表"));

    private static final long SEED = 20170509L;

    // 附件1 of seed 003: the groups and their units, in the order listed there.
    private static final Map<String, List<String>> GROUPS = groups();

    /** Aliases the roster gives, and the mixed files use (some typed with other punctuation). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("审计局", "焦作市审计局"),
            Map.entry("市纪委", "市纪委监委"),
            Map.entry("总工会", "市总工会"),
            Map.entry("财政局", "焦作市财政局"),
            Map.entry("市政府外侨办", "外事侨务办公室（外侨办）"),
            Map.entry("工业和信息化委", "市工信委"),
            Map.entry("卫生计生委", "市卫计委"),
            Map.entry("人力资源社会保障局", "人社局"),
            Map.entry("住房城乡建设局", "住建局"),
            Map.entry("发展改革委", "发改委"),
            Map.entry("食品药品监管局", "食药监局"),
            Map.entry("南水北调城区段", "南水北调中线工程焦作城区段（办）"));

    private static final List<String> DIVISIONS = List.of("党群口", "政府口", "政法口");

    private MixedCampaign() {
    }

    public record Unit(String name, String alias, int headcount, String division, String group) {
    }

    /** One 加扣分 row as meant: {@code perCase} is what the rubric gives per case, so it counts count × perCase. */
    public record Adjustment(String type, String leaf, String level, int count, BigDecimal perCase, String evidence) {
        BigDecimal amount() {
            return perCase.multiply(BigDecimal.valueOf(count));
        }
    }

    /**
     * One unit's numbers: the inspection's leaf scores (null: no inspection), its 加扣分 rows or, for the matrix
     * group that writes them in 加分/扣分 columns, those totals; the self-assessment (null: none sent) and its claims.
     */
    public record UnitScores(Unit unit, Map<String, BigDecimal> official, List<Adjustment> officialAdjustments,
                             BigDecimal columnBonus, BigDecimal columnDeduction, Map<String, BigDecimal> self,
                             List<Adjustment> selfAdjustments) {

        public boolean vetoed() {
            return officialAdjustments.stream().anyMatch(a -> a.type().equals("否决"));
        }

        public BigDecimal base() {
            return sum(official);
        }

        public BigDecimal bonus() {
            return amounts(officialAdjustments, "加分").add(columnBonus);
        }

        public BigDecimal deduction() {
            return amounts(officialAdjustments, "扣分").add(columnDeduction);
        }

        public BigDecimal total() {
            return base().add(bonus()).subtract(deduction());
        }

        public BigDecimal selfTotal() {
            return sum(self).add(amounts(selfAdjustments, "加分")).subtract(amounts(selfAdjustments, "扣分"));
        }

        private static BigDecimal sum(Map<String, BigDecimal> scores) {
            return scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        private static BigDecimal amounts(List<Adjustment> rows, String type) {
            return rows.stream().filter(a -> a.type().equals(type)).map(Adjustment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static Rubric rubric() {
        return new RubricLoader().load(Path.of("config/rubrics/" + RUBRIC + ".yml"));
    }

    public static List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            for (String name : g.getValue()) {
                int i = units.size();
                units.add(new Unit(name, ALIASES.get(name), 12 + (i * 37) % 110, DIVISIONS.get(i % 3), g.getKey()));
            }
        }
        return units;
    }

    /** The table both campaigns are written from; the same every time. */
    public static List<UnitScores> scores(Rubric rubric) {
        Random random = new Random(SEED);
        List<UnitScores> out = new ArrayList<>();
        for (Unit u : units()) {
            Map<String, BigDecimal> official = new LinkedHashMap<>();
            Map<String, BigDecimal> self = new LinkedHashMap<>();
            for (Leaf leaf : rubric.leaves()) {
                BigDecimal o = leaf.max().subtract(half(random.nextInt(5)));
                official.put(leaf.code(), o);
                self.put(leaf.code(), o.add(half(random.nextInt(3))).min(leaf.max()));
            }
            List<Adjustment> adjustments = new ArrayList<>();
            BigDecimal columnBonus = BigDecimal.ZERO;
            BigDecimal columnDeduction = BigDecimal.ZERO;
            if (u.group().equals(GROUP_2)) {
                columnBonus = half(random.nextInt(7));
                columnDeduction = random.nextInt(4) == 0 ? BigDecimal.valueOf(2) : BigDecimal.ZERO;
            } else {
                if (random.nextInt(3) == 0) {
                    adjustments.add(new Adjustment("加分", "（三）4", "", 1 + random.nextInt(6), half(1), "意见建议被采纳"));
                }
                if (random.nextInt(4) == 0) {
                    adjustments.add(new Adjustment("加分", "（二）4", "", 1, BigDecimal.valueOf(2), "论文被省里表彰"));
                }
                if (random.nextInt(4) == 0) {
                    boolean material = random.nextBoolean();
                    // once per kind (the rubric's reading of （一）4): one case
                    adjustments.add(new Adjustment("加分", "（一）4", material ? "宣传材料" : "党建活动信息",
                            1, material ? BigDecimal.ONE : half(1), "被工委采用"));
                }
                if (random.nextInt(5) == 0) {
                    int level = random.nextInt(3);
                    adjustments.add(new Adjustment("加分", "（五）4", List.of("市级", "省级", "国家级").get(level), 1,
                            BigDecimal.valueOf(level + 1L), "文明单位"));
                }
                if (random.nextInt(6) == 0) {
                    adjustments.add(new Adjustment("扣分", "（六）2", "", 1 + random.nextInt(2), BigDecimal.valueOf(2),
                            "纪律作风检查中被通报批评"));
                }
                if (VETOED.contains(u.name())) {
                    adjustments.add(new Adjustment("否决", "（六）1", "", 1, BigDecimal.ZERO, "干部违法案件"));
                }
            }
            List<Adjustment> claims = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                claims.add(new Adjustment("加分", "（三）4", "", 1 + random.nextInt(6), half(1), "意见建议被采纳"));
            }
            if (random.nextInt(5) == 0) {
                claims.add(new Adjustment("加分", "（二）4", "", 1, BigDecimal.valueOf(2), "论文被省里表彰"));
            }
            boolean inspected = !u.name().equals(WITHOUT_INSPECTION);
            boolean selfSent = !WITHOUT_SELF.contains(u.name());
            out.add(new UnitScores(u, inspected ? official : Map.of(), inspected ? adjustments : List.of(),
                    inspected ? columnBonus : BigDecimal.ZERO, inspected ? columnDeduction : BigDecimal.ZERO,
                    selfSent ? self : Map.of(), selfSent ? claims : List.of()));
        }
        return out;
    }

    /** Writes the roster and both campaigns into the home. */
    public static void write(TestHome home) {
        Rubric rubric = rubric();
        List<UnitScores> table = scores(rubric);
        roster(home.root().resolve("config").resolve(ROSTER));
        home.campaign(CLEAN, RUBRIC, ROSTER);
        home.campaign(MIXED, RUBRIC, ROSTER);
        // Writing ~170 workbooks is most of this test's time; the two campaigns share nothing, so write them side by side.
        CompletableFuture<Void> clean = CompletableFuture.runAsync(() -> new Clean(rubric, table, home.input(CLEAN)).write());
        new Mixed(rubric, table, home.input(MIXED), home.root().resolve("scratch")).write();
        clean.join();
    }

    // ---- clean ---------------------------------------------------------------------------------------

    /** The plain layout everywhere: .xlsx, exact header words, numbers as numbers, the unit in a 填报单位 cell. */
    private record Clean(Rubric rubric, List<UnitScores> table, Path input) {
        void write() {
            Path self = input.resolve("self");
            for (UnitScores s : table) {
                if (s.self().isEmpty()) {
                    continue;
                }
                ShanxiSelf f = WorkbookFixtures.shanxiSelf(rubric).title(TITLE).unit(s.unit().name());
                s.self().forEach(f::score);
                s.selfAdjustments().forEach(a -> f.claim(a.type(), a.leaf(), a.level(), a.count(), null, a.evidence()));
                f.write(self, s.unit().name() + "自评表");
            }
            Path inspection = input.resolve("inspection");
            for (String group : List.of(GROUP_1, GROUP_3)) {
                UnitSheets book = WorkbookFixtures.unitSheets();
                for (UnitScores s : inspected(table, group)) {
                    ShanxiSelf f = WorkbookFixtures.shanxiSelf(rubric).title(TITLE).sheetName(s.unit().name())
                            .notice("考核组：" + group).unitLabel("被考核单位").unit(s.unit().name())
                            .header("自评得分", "得分");
                    s.official().forEach(f::score);
                    book.sheet(f);
                    s.officialAdjustments().forEach(a -> book.claim(s.unit().name(), a.type(), a.leaf(), a.level(),
                            a.count(), null, a.evidence()));
                }
                book.write(inspection, group + "评分表");
            }
            for (String group : List.of(GROUP_2, GROUP_4)) {
                Matrix m = WorkbookFixtures.matrix(rubric).group(group);
                List<Object[]> claims = new ArrayList<>();
                for (UnitScores s : inspected(table, group)) {
                    m.unit(s.unit().name());
                    s.official().forEach(m::score);
                    m.bonus(zeroAsNull(s.columnBonus())).deduction(zeroAsNull(s.columnDeduction()));
                    s.officialAdjustments().forEach(a -> claims.add(new Object[] {s.unit().name(), a.type(), a.leaf(),
                            a.level(), a.count(), null, a.evidence()}));
                }
                Path file = m.write(inspection, group + "评分汇总表");
                if (!claims.isEmpty()) {
                    WorkbookFixtures.appendGroupClaims(file, claims);
                }
            }
        }
    }

    // ---- mixed ---------------------------------------------------------------------------------------

    /**
     * The same numbers, each file another combination of the variations. Variation choices are driven by the
     * unit's index {@code v} with different moduli, so that neighbouring files differ in several ways at once.
     */
    private record Mixed(Rubric rubric, List<UnitScores> table, Path input, Path scratch) {
        private static final String[] SCORE_HEADERS = {"自评得分", "自评\n得分", "自查得分", "自评分", "实得分", "得  分"};
        private static final String[] CATEGORY_HEADERS = {"项目", "考评\n项目", "考核项目", "测 评 项 目"};
        private static final String[] TEXT_HEADERS = {"考核内容及标准", "考核内容", "考评\n标准", "测评内容"};
        private static final String[] MAX_HEADERS = {"分值", "标准分", "满 分"};
        private static final String[] NOTICES = {"（请于5月20日前报送市直工委办公室）", "联系人：孔倩雯  联系电话：3568226",
                "填报说明：得分保留一位小数", "", "市直工委制", "（此表可复制）", "", "2017年5月"};

        void write() {
            Path self = input.resolve("self");
            for (int v = 0; v < table.size(); v++) {
                UnitScores s = table.get(v);
                if (!s.self().isEmpty()) {
                    selfWorkbook(s, v, self);
                }
            }
            Path inspection = input.resolve("inspection");
            group1(inspection);
            group3(inspection);
            matrices(inspection, GROUP_2, List.of(Spelling.DOTTED, Spelling.HYPHEN, Spelling.CHINESE_DOT));
            matrices(inspection, GROUP_4,
                    List.of(Spelling.CHINESE_COMMA, Spelling.FULL_WIDTH_BRACKETS, Spelling.BRACKETS));
            noise(self, inspection);
        }

        private void selfWorkbook(UnitScores s, int v, Path dir) {
            String name = s.unit().name();
            if (v % 9 == 4) {
                // the seed's own table: 得  分 header, 加（扣）分 column (claims go there, with a leading +), 总计 row
                Map<String, Object> scores = new LinkedHashMap<>(s.self());
                Map<String, Object> column = new LinkedHashMap<>();
                for (Adjustment a : s.selfAdjustments()) {
                    column.merge(a.leaf(), a.amount(), (x, y) -> ((BigDecimal) x).add((BigDecimal) y));
                }
                column.replaceAll((leaf, amount) -> "+" + plain((BigDecimal) amount));
                SeedCampaigns.writeJiaozuoSelf(rubric, nameVariant(s.unit(), v), scores, column, null,
                        dir.resolve("附件2 百分考评细则（" + name + "）.xlsx"));
                return;
            }
            ShanxiSelf f = WorkbookFixtures.shanxiSelf(rubric).title(TITLE)
                    .format(v % 2 == 0 ? Format.XLS : Format.XLSX)
                    .header("自评得分", SCORE_HEADERS[v % 6])
                    .header("项目", CATEGORY_HEADERS[v % 4])
                    .header("考核内容及标准", TEXT_HEADERS[(v / 2) % 4])
                    .header("分值", MAX_HEADERS[v % 3]);
            notices(f, v);
            if (v % 2 == 1) {
                f.categoriesOneCharPerLine();
            }
            if (v % 3 == 2) {
                f.blankRowBetweenCategories();
            }
            if (v % 5 == 0) {
                f.instructionSheetFirst();
            }
            if (v % 4 == 1) {
                // only .xlsx can hold a formula without its result
                f.uncachedFormulas();
            }
            String file = "五型机关自评表_" + (v + 1);
            switch (v % 5) {
                case 0 -> f.unit(nameVariant(s.unit(), v));
                case 1 -> f.unitInNextCell(nameVariant(s.unit(), v));
                case 2 -> {
                    f.noUnit();
                    file = "附件2 百分考评细则（" + (s.unit().alias() != null ? s.unit().alias() : name) + "）";
                }
                case 3 -> f.unitLabel("单位名称").unit(nameVariant(s.unit(), v));
                default -> f.unitLabel("申报单位").unitInNextCell(nameVariant(s.unit(), v));
            }
            scores(f, s.self(), v);
            for (int k = 0; k < s.selfAdjustments().size(); k++) {
                Adjustment a = s.selfAdjustments().get(k);
                f.claim(a.type(), spelled(a.leaf(), v + k), a.level(), count(a.count(), v + k),
                        (v + k) % 2 == 0 ? "+" + plain(a.perCase()) : null, a.evidence());
            }
            Path written = f.write(dir, file);
            if (v % 6 == 5) {
                mergeIndicatorCells(written);
            }
        }

        /**
         * Re-types the 考核指标 column as a three-level table has it: one indicator cell merged over each category's
         * rows (here the category's name) instead of a name per row, so rows are placed by their text alone.
         */
        private static void mergeIndicatorCells(Path file) {
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                Sheet sheet = wb.getSheet("自查打分表");
                List<CellRangeAddress> categories = sheet.getMergedRegions().stream()
                        .filter(m -> m.getFirstColumn() == 0 && m.getLastColumn() == 0 && m.getLastRow() > m.getFirstRow())
                        .toList();
                for (CellRangeAddress m : categories) {
                    String category = sheet.getRow(m.getFirstRow()).getCell(0).getStringCellValue();
                    for (int r = m.getFirstRow(); r <= m.getLastRow(); r++) {
                        Row row = sheet.getRow(r);
                        if (row != null && row.getCell(1) != null) {
                            row.removeCell(row.getCell(1));
                        }
                    }
                    sheet.getRow(m.getFirstRow()).createCell(1).setCellValue(category.replaceAll("[\\s（）()一二三四五六0-9分]", ""));
                    sheet.addMergedRegion(new CellRangeAddress(m.getFirstRow(), m.getLastRow(), 1, 1));
                }
                try (OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Group 1: every unit in an old .xls (three scored wrongly), then a newer .xlsx correcting those three. */
        private void group1(Path dir) {
            List<UnitScores> units = inspected(table, GROUP_1);
            UnitSheets old = WorkbookFixtures.unitSheets().format(Format.XLS);
            for (int k = 0; k < units.size(); k++) {
                UnitScores s = units.get(k);
                Map<String, BigDecimal> scores = s.official();
                if (CORRECTED_UNITS.contains(s.unit().name())) {
                    scores = new LinkedHashMap<>(scores);
                    scores.replaceAll((leaf, score) -> BigDecimal.ZERO.max(score.subtract(BigDecimal.ONE)));
                }
                old.sheet(unitSheet(s, scores, k, k == 0 ? GROUP_1 : null));
                addClaims(old, s, k);
            }
            Path older = old.write(dir, stem(SUPERSEDED_FILE));
            UnitSheets correction = WorkbookFixtures.unitSheets();
            List<UnitScores> corrected = units.stream().filter(s -> CORRECTED_UNITS.contains(s.unit().name())).toList();
            for (int j = 0; j < corrected.size(); j++) {
                correction.sheet(unitSheet(corrected.get(j), corrected.get(j).official(), 7 + j, null));
            }
            Path newer = correction.write(dir, stem(CORRECTION_FILE));
            try {
                Instant now = Instant.now();
                Files.setLastModifiedTime(older, FileTime.from(now.minusSeconds(86_400)));
                Files.setLastModifiedTime(newer, FileTime.from(now));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Group 3: two workbooks; the first names the group in a cell only, the second in its file name only. */
        private void group3(Path dir) {
            List<UnitScores> units = inspected(table, GROUP_3);
            int half = units.size() / 2;
            UnitSheets first = WorkbookFixtures.unitSheets();
            UnitSheets second = WorkbookFixtures.unitSheets().format(Format.XLS);
            for (int k = 0; k < units.size(); k++) {
                UnitScores s = units.get(k);
                UnitSheets book = k < half ? first : second;
                ShanxiSelf sheet = unitSheet(s, s.official(), k + 3, k == 0 ? GROUP_3 : null);
                if (k < half) {
                    sheet.uncachedFormulas();
                }
                book.sheet(sheet);
                addClaims(first, s, k);
            }
            first.write(dir, "评分表-人大机关等" + half + "家");
            second.write(dir, GROUP_3 + "评分表（下）");
        }

        /** One unit's sheet in a group workbook: 被考核单位 in a cell, in the next cell, or only the sheet's name. */
        private ShanxiSelf unitSheet(UnitScores s, Map<String, BigDecimal> scores, int k, String groupCell) {
            Unit u = s.unit();
            ShanxiSelf f = WorkbookFixtures.shanxiSelf(rubric).title(TITLE)
                    .header("自评得分", List.of("得分", "考核得分", "得  分", "实得分").get(k % 4))
                    .header("考核内容及标准", TEXT_HEADERS[k % 4])
                    .header("项目", CATEGORY_HEADERS[(k + 1) % 4]);
            if (groupCell != null) {
                f.notice("考核组：" + groupCell);
            }
            notices(f, k);
            switch (k % 3) {
                case 0 -> f.sheetName(u.name()).unitLabel("被考核单位").unit(nameVariant(u, k));
                case 1 -> f.sheetName("第" + (k + 1) + "家").unitLabel("被考核单位").unitInNextCell(nameVariant(u, k));
                default -> f.sheetName(u.alias() != null ? sheetSafe(u.alias()) : u.name()).noUnit();
            }
            if (k % 2 == 0) {
                f.categoriesOneCharPerLine();
            }
            if (k % 4 == 3) {
                f.blankRowBetweenCategories();
            }
            scores(f, scores, k);
            return f;
        }

        private void addClaims(UnitSheets book, UnitScores s, int k) {
            for (int j = 0; j < s.officialAdjustments().size(); j++) {
                Adjustment a = s.officialAdjustments().get(j);
                String item = a.leaf().equals("（六）2") && (k + j) % 2 == 0 ? "通报批评" : spelled(a.leaf(), k + j);
                book.claim(nameVariant(s.unit(), k + j), a.type(), item, a.level(),
                        a.type().equals("否决") ? null : count(a.count(), k + j),
                        a.type().equals("否决") || (k + j) % 3 != 0 ? null : "+" + plain(a.perCase()), a.evidence());
            }
        }

        /** A matrix group sends three workbooks, one spelling of the leaf columns each; 加扣分 rows ride on the first. */
        private void matrices(Path dir, String group, List<Spelling> spellings) {
            List<UnitScores> units = inspected(table, group);
            int per = (units.size() + spellings.size() - 1) / spellings.size();
            List<Object[]> claims = new ArrayList<>();
            Path first = null;
            for (int part = 0; part < spellings.size(); part++) {
                Matrix m = WorkbookFixtures.matrix(rubric).spelling(spellings.get(part));
                if (part % 2 == 0) {
                    m.xls();
                }
                boolean cell = part != 1;
                if (cell) {
                    m.group(group);
                }
                for (int k = part * per; k < Math.min(units.size(), (part + 1) * per); k++) {
                    UnitScores s = units.get(k);
                    m.unit(nameVariant(s.unit(), k));
                    int leafIndex = 0;
                    for (Map.Entry<String, BigDecimal> e : s.official().entrySet()) {
                        m.score(e.getKey(), written(e.getValue(), k + leafIndex++, false));
                    }
                    m.bonus(s.columnBonus().signum() == 0 ? null : k % 2 == 0 ? "+" + plain(s.columnBonus())
                            : plain(s.columnBonus()) + "分");
                    m.deduction(s.columnDeduction().signum() == 0 ? null : fullWidth(plain(s.columnDeduction())));
                    for (int j = 0; j < s.officialAdjustments().size(); j++) {
                        Adjustment a = s.officialAdjustments().get(j);
                        claims.add(new Object[] {nameVariant(s.unit(), k + j + 1), a.type(), spelled(a.leaf(), k + j),
                                a.level(), count(a.count(), k + j), null, a.evidence()});
                    }
                }
                String base = cell ? "考核打分汇总-" + units.get(part * per).unit().name() + "等" : group + "评分汇总表（" + (part + 1) + "）";
                Path file = m.write(dir, base);
                if (first == null) {
                    first = file;
                }
            }
            if (!claims.isEmpty()) {
                WorkbookFixtures.appendGroupClaims(first, claims);
            }
        }

        private void notices(ShanxiSelf f, int v) {
            int lines = v % 7 == 6 ? 8 : v % 4;
            f.notice(Arrays.copyOf(NOTICES, lines));
        }

        /** Leaf scores in every written form; formulas only where the workbook evaluates or keeps them. */
        private void scores(ShanxiSelf f, Map<String, BigDecimal> scores, int v) {
            BigDecimal total = BigDecimal.ZERO;
            int i = 0;
            for (Map.Entry<String, BigDecimal> e : scores.entrySet()) {
                Leaf leaf = rubric.leaf(e.getKey()).orElseThrow();
                Object value = written(e.getValue(), v + i++, true);
                if (value instanceof BigDecimal && (v + i) % 11 == 0) {
                    value = WorkbookFixtures.formula(plain(leaf.max()) + "-" + plain(leaf.max().subtract(e.getValue())));
                }
                f.score(e.getKey(), value);
                total = total.add(e.getValue());
            }
            if (v % 5 == 2) {
                f.noTotal();
            } else {
                f.total(v % 2 == 0 ? total : fullWidth(plain(total)) + "分");
            }
        }

        /** A score as typed: number, numeric text, full-width digits, with 分, or (if allowed) a formula. */
        private static Object written(BigDecimal score, int k, boolean formulas) {
            String p = plain(score);
            return switch (k % 6) {
                case 1 -> p;
                case 2 -> fullWidth(p);
                case 3 -> k % 4 == 3 ? p + "分" : p + " 分";
                case 4 -> formulas ? WorkbookFixtures.formula(p + "+0") : " " + p + " ";
                default -> score;
            };
        }

        private void noise(Path self, Path inspection) {
            try {
                TestHome.write(self.resolve("~$五型机关自评表_1.xlsx"), "lock");
                TestHome.write(self.resolve("报送说明.txt"), "各单位自评表请于5月20日前报送。");
                Files.write(self.resolve("自评情况汇报.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 7});
                Files.write(self.resolve("空白自评表.xlsx"), new byte[0]);
                TestHome.write(self.resolve("自评表（文本）.xlsx"), "单位：审计局\t得分：95");
                UnitScores any = table.get(0);
                ShanxiSelf plain = WorkbookFixtures.shanxiSelf(rubric).unit(any.unit().name());
                any.self().forEach(plain::score);
                Path whole = plain.write(scratch, "明文");
                byte[] bytes = Files.readAllBytes(whole);
                Files.write(inspection.resolve("第三考核调研组评分表（传输中断）.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
                encrypt(whole, self.resolve("加密自评表.xlsx"));
                pictureOnly(self.resolve("扫描件.xlsx"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void encrypt(Path plain, Path to) throws IOException {
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
                encryptor.confirmPassword("mima123");
                try (var in = Files.newInputStream(plain); OPCPackage opc = OPCPackage.open(in);
                     OutputStream out = encryptor.getDataStream(fs)) {
                    opc.save(out);
                } catch (Exception e) {
                    throw new IOException(e);
                }
                try (OutputStream out = Files.newOutputStream(to)) {
                    fs.writeFilesystem(out);
                }
            }
        }

        /** A scanned form: one sheet holding a picture and no cells. */
        private static void pictureOnly(Path to) throws IOException {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
            try (Workbook wb = new XSSFWorkbook()) {
                Sheet sheet = wb.createSheet("Sheet1");
                int picture = wb.addPicture(png.toByteArray(), Workbook.PICTURE_TYPE_PNG);
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                anchor.setCol1(1);
                anchor.setRow1(1);
                anchor.setCol2(6);
                anchor.setRow2(20);
                sheet.createDrawingPatriarch().createPicture(anchor, picture);
                try (OutputStream out = Files.newOutputStream(to)) {
                    wb.write(out);
                }
            }
        }
    }

    // ---- shared --------------------------------------------------------------------------------------

    private static List<UnitScores> inspected(List<UnitScores> table, String group) {
        return table.stream().filter(s -> s.unit().group().equals(group) && !s.official().isEmpty()).toList();
    }

    /** The unit as a return names it: its name, its alias, with stray (full-width) spaces, or with 焦作市 before it. */
    static String nameVariant(Unit u, int v) {
        String n = u.name();
        return switch (v % 5) {
            case 1 -> u.alias() != null ? u.alias().replace('（', '(').replace('）', ')') : n;
            case 2 -> " " + n.charAt(0) + "\u3000" + n.substring(1) + " ";
            case 3 -> "焦作市" + n;
            case 4 -> n.length() > 3 ? n.substring(0, 2) + "·" + n.substring(2) : n;
            default -> n;
        };
    }

    /** A leaf as a 加扣分 row names it: （三）4, 三.4, 3-4, 三、4, (三)4. */
    private static String spelled(String code, int k) {
        String ordinal = code.substring(1, 2);
        String item = code.substring(3);
        int n = "一二三四五六".indexOf(ordinal) + 1;
        return switch (k % 5) {
            case 1 -> ordinal + "." + item;
            case 2 -> n + "-" + item;
            case 3 -> ordinal + "、" + item;
            case 4 -> "(" + ordinal + ")" + item;
            default -> code;
        };
    }

    private static Object count(int count, int k) {
        return k % 2 == 0 ? (Object) count : fullWidth(String.valueOf(count));
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '.' ? '．' : c);
        }
        return b.toString();
    }

    private static String sheetSafe(String name) {
        return name.replaceAll("[\\[\\]*?/\\\\:]", "");
    }

    private static BigDecimal half(int n) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(2));
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static Object zeroAsNull(BigDecimal n) {
        return n.signum() == 0 ? null : n;
    }

    private static String stem(String file) {
        return file.substring(0, file.lastIndexOf('.'));
    }

    private static void roster(Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("单位名单");
            List<String> header = List.of("单位名称", "别名", "在职人数", "分组", "考核组");
            var head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            List<Unit> units = units();
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(u.name());
                if (u.alias() != null) {
                    row.createCell(1).setCellValue(u.alias());
                }
                row.createCell(2).setCellValue(u.headcount());
                row.createCell(3).setCellValue(u.division());
                row.createCell(4).setCellValue(u.group());
            }
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put(GROUP_1, split("市委办公室、市政府办公室、市纪委、市委组织部、市委宣传部、工业和信息化委、卫生计生委、民政局、"
                + "文化广电新闻出版局、审计局、统计局、体育局、民宗委、市政府法制办、市政府外侨办、市政府研究室、人防办、事务管理局、"
                + "爱卫办、供销社、地震局、文联"));
        g.put(GROUP_2, split("总工会、市政府国资委、教育局、交通运输局、农业局、环境保护局、粮食局、国税局、地税局、工商局、质监局、"
                + "出入境检验检疫局、河务局、国家安全局、邮政管理局"));
        g.put(GROUP_3, split("人大机关、政协机关、市委统战部、市委政法委、信访局、老干部局、团市委、妇联、发展改革委、商务局、"
                + "城乡规划局、科技局、安全监管局、食品药品监管局、旅游局、林业局、市志办、农机局、检察院、司法局、科协、残联、红十字会"));
        g.put(GROUP_4, split("市编办、市委农办、侨联、工商联、财政局、人力资源社会保障局、住房城乡建设局、城管局、水利局、畜牧局、"
                + "中级法院、公路局、国土资源局、邮政局、国调队、烟草局、物资局、南水北调城区段、园林局、气象局、移民局、广利局"));
        return g;
    }

    private static List<String> split(String names) {
        return List.of(names.split("、"));
    }

    static {
        Set<String> all = new java.util.HashSet<>();
        GROUPS.values().forEach(all::addAll);
        if (all.size() != 82) {
            throw new IllegalStateException("附件1 lists 82 units, not " + all.size());
        }
    }
}
