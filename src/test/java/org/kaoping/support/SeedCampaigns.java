package org.kaoping.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;

/**
 * Writes a whole campaign for a scored rubric into a {@link TestHome}: roster, one self-assessment per unit and
 * the inspection groups' workbooks, each in the layout of the rubric's seed table (../shared/seeds). The scores
 * are chosen so that every rule of the rubric bites; the tests that run these campaigns state the expected
 * results by hand. A leaf a unit's scores do not mention is scored at its maximum.
 *
 * <p>Jiaozuo (seed 003): title, 填报单位 / 被考核单位, header 考核项目 | 考核内容及标准 | 加（扣）分 | 得  分, the
 * category cell merged over its rows and typed one character per line, rows "1、…", the header repeated before
 * （四） where the seed's table breaks its page, and a 总计 row. Groups send a sheet per unit plus 加扣分.
 *
 * <p>Yiyang (seed 004): header 序号 | 考评内容 | 考评标准 | 考评方法 | 责任部门 | 得分, 序号 and 考评内容 merged over
 * a category, one row per part of a criterion with the criterion's "N)" on one of its rows. Groups send a
 * 汇总表 with a column per leaf labelled by code ({@code 1(1)}, {@code 2}) plus 加扣分.
 */
public final class SeedCampaigns {
    private SeedCampaigns() {
    }

    public record Unit(String name, String alias, int headcount, String division, String group) {
    }

    /** One 加扣分 row: 单位名称 | 类型 | 项目 | 级别 | 次数 | 分值 | 说明. */
    public record Claim(String unit, String type, String item, String level, Integer count, Double points,
                        String evidence) {
    }

    // ---- Jiaozuo 2016 ------------------------------------------------------------------------------

    public static final String JIAOZUO_GROUP_1 = "第一考核调研组";
    public static final String JIAOZUO_GROUP_2 = "第二考核调研组";
    public static final String JIAOZUO_GROUP_1_FILE = "第一考核调研组评分表.xlsx";
    public static final String JIAOZUO_GROUP_2_FILE = "第二考核调研组评分表.xlsx";

    public static final List<Unit> JIAOZUO_UNITS = List.of(
            new Unit("市委办公室", "市委办", 45, "党群口", JIAOZUO_GROUP_1),
            new Unit("市纪委", "市纪委监委", 60, "党群口", JIAOZUO_GROUP_1),
            new Unit("市审计局", "审计局", 52, "政府口", JIAOZUO_GROUP_1),
            new Unit("市统计局", "统计局", 38, "政府口", JIAOZUO_GROUP_1),
            new Unit("市地震局", "地震局", 20, "政府口", JIAOZUO_GROUP_1),
            new Unit("市教育局", "教育局", 80, "政府口", JIAOZUO_GROUP_2),
            new Unit("市农业局", "农业局", 75, "政府口", JIAOZUO_GROUP_2),
            new Unit("市总工会", "总工会", 30, "党群口", JIAOZUO_GROUP_2));

    /** Inspection 得分 that differ from the maximum; 市地震局 is scored by no group. */
    static final Map<String, Map<String, Object>> JIAOZUO_OFFICIAL = Map.of(
            "市委办公室", Map.of("（一）2", 3, "（二）3", 3),
            "市纪委", Map.of("（三）2", 2, "（五）1", 1),
            "市审计局", Map.of("（一）5", 6, "（六）1", 0),
            "市统计局", Map.of("（一）5", 9, "（二）2", 2, "（四）3", 3),
            "市教育局", Map.of("（三）4", 2, "（五）2", 2, "（六）3", 4),
            "市农业局", Map.of("（二）5", 3),
            "市总工会", Map.of("（一）3", 2, "（二）1", 3, "（四）4", 3, "（六）4", 1));

    /** Inspection 加（扣）分 column entries, as typed. */
    static final Map<String, Map<String, Object>> JIAOZUO_OFFICIAL_COLUMN = Map.of(
            "市统计局", Map.of("（二）4", "+2"),
            "市教育局", Map.of("（四）1", 2),
            "市农业局", Map.of("（一）1", "+6", "（六）2", -2),
            "市总工会", Map.of("（五）4", 3));

    static final List<Claim> JIAOZUO_GROUP_1_CLAIMS = List.of(
            new Claim("市委办公室", "加分", "（一）1", "省级", 1, null, "省委表彰五型机关"),
            new Claim("市委办公室", "加分", "（一）1", "国家级", 1, null, "全国机关党建先进单位"),
            new Claim("市委办公室", "加分", "（三）4", "", 7, 0.5, "七条意见建议被采纳"),
            new Claim("市纪委", "加分", "（三）1", "省级", 1, null, "廉政风险防控成果"),
            new Claim("市纪委", "加分", "（三）1", "省级", 1, null, "监督执纪一体化成果"),
            new Claim("市纪委", "加分", "（三）1", "国家级", 1, null, "廉政风险防控成果"),
            new Claim("市纪委", "扣分", "（六）2", "", 2, null, "纪律作风检查中被通报批评"),
            new Claim("市审计局", "否决", "（六）1", "", null, null, "干部王某违法案件"),
            // （一）4 has no 每: once per kind, 1 + 0.5 however many pieces were adopted
            new Claim("市审计局", "加分", "（一）4", "宣传材料", 3, null, "工作简报被工委采用"),
            new Claim("市审计局", "加分", "（一）4", "党建活动信息", 2, null, "党建信息被工委采用"));

    static final List<Claim> JIAOZUO_GROUP_2_CLAIMS = List.of(
            new Claim("市总工会", "加分", "（四）2", "市级", 1, null, "职工服务站品牌"),
            new Claim("市总工会", "加分", "（四）2", "省级", 1, null, "职工服务站品牌"));

    /** Self-assessment 得分 that differ from the maximum; 市农业局 sends none. */
    static final Map<String, Map<String, Object>> JIAOZUO_SELF = Map.of(
            "市委办公室", Map.of(),
            "市纪委", Map.of("（三）2", 3),
            "市审计局", Map.of(),
            "市统计局", Map.of("（一）5", 10),
            "市地震局", Map.of("（二）2", 3),
            "市教育局", Map.of(),
            "市总工会", Map.of());

    static final Map<String, Map<String, Object>> JIAOZUO_SELF_COLUMN = Map.of(
            "市委办公室", Map.of("（一）1", 5),
            "市统计局", Map.of("（二）4", "+2"));

    /** A 总计 cell written differently from the scores above it. */
    static final Map<String, Object> JIAOZUO_SELF_TOTAL = Map.of("市总工会", 98);

    public static String jiaozuoSelfFile(String unit) {
        return "附件2 百分考评细则（" + unit + "）.xlsx";
    }

    public static void jiaozuo(TestHome home, String campaign) {
        Rubric rubric = rubric("jiaozuo-2016");
        String roster = "rosters/" + campaign + ".xlsx";
        roster(home.root().resolve("config").resolve(roster), JIAOZUO_UNITS);
        home.campaign(campaign, "jiaozuo-2016", roster);
        Path self = home.input(campaign).resolve("self");
        for (Unit u : JIAOZUO_UNITS) {
            if (!JIAOZUO_SELF.containsKey(u.name())) {
                continue;
            }
            writeJiaozuoSelf(rubric, u.name(), JIAOZUO_SELF.get(u.name()),
                    JIAOZUO_SELF_COLUMN.getOrDefault(u.name(), Map.of()), JIAOZUO_SELF_TOTAL.get(u.name()),
                    self.resolve(jiaozuoSelfFile(u.name())));
        }
        Path inspection = home.input(campaign).resolve("inspection");
        jiaozuoInspection(rubric, JIAOZUO_GROUP_1, JIAOZUO_GROUP_1_CLAIMS, inspection.resolve(JIAOZUO_GROUP_1_FILE));
        jiaozuoInspection(rubric, JIAOZUO_GROUP_2, JIAOZUO_GROUP_2_CLAIMS, inspection.resolve(JIAOZUO_GROUP_2_FILE));
    }

    /** One self-assessment in the seed's table (sheet 自评表); {@code total} null writes the sum of the scores. */
    public static void writeJiaozuoSelf(Rubric rubric, String unit, Map<String, Object> scores,
                                        Map<String, Object> column, Object total, Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            jiaozuoTable(wb.createSheet("自评表"), rubric, "填报单位：" + unit, null, scores, column, total);
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jiaozuoInspection(Rubric rubric, String group, List<Claim> claims, Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            for (Unit u : JIAOZUO_UNITS) {
                if (u.group().equals(group) && JIAOZUO_OFFICIAL.containsKey(u.name())) {
                    jiaozuoTable(wb.createSheet(u.name()), rubric, "被考核单位：" + u.name(), "考核组：" + group,
                            JIAOZUO_OFFICIAL.get(u.name()), JIAOZUO_OFFICIAL_COLUMN.getOrDefault(u.name(), Map.of()),
                            null);
                }
            }
            claimsSheet(wb, claims);
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed's table: title, unit (and group) row, header, rows per category with the category cell merged,
     * the header repeated before the fourth category, 总计. Row of leaf i (0-based): 4 + i (Excel), 5 + i from
     * （四）1 on; 总计 on row 31.
     */
    private static void jiaozuoTable(Sheet sheet, Rubric rubric, String unitCell, String groupCell,
                                     Map<String, Object> scores, Map<String, Object> column, Object total) {
        set(sheet, 0, 0, "2016年度市直机关创建“五型机关”百分考评细则");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
        set(sheet, 1, 0, unitCell);
        if (groupCell != null) {
            set(sheet, 1, 2, groupCell);
        }
        int r = jiaozuoHeader(sheet, 2);
        double sum = 0;
        List<Category> categories = rubric.categories();
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            if (c == 3) {
                r = jiaozuoHeader(sheet, r);
            }
            int first = r;
            for (Leaf leaf : category.leaves()) {
                set(sheet, r, 1, leaf.position() + "、" + leaf.text().strip());
                set(sheet, r, 2, column.get(leaf.code()));
                Object score = scores.getOrDefault(leaf.code(), leaf.max());
                set(sheet, r, 3, score);
                sum += ((Number) score).doubleValue();
                r++;
            }
            StringBuilder label = new StringBuilder("（" + chinese(c + 1) + "）");
            category.name().chars().forEach(ch -> label.append('\n').appendCodePoint(ch));
            label.append("\n（").append(category.max().stripTrailingZeros().toPlainString()).append("分）");
            set(sheet, first, 0, label.toString());
            sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 0, 0));
        }
        set(sheet, r, 0, "总计");
        set(sheet, r, 3, total != null ? total : sum);
    }

    private static int jiaozuoHeader(Sheet sheet, int r) {
        set(sheet, r, 0, "考核项目");
        set(sheet, r, 1, "考核内容及标准");
        set(sheet, r, 2, "加（扣）分");
        set(sheet, r, 3, "得  分");
        return r + 1;
    }

    // ---- Yiyang 2021 -------------------------------------------------------------------------------

    public static final String YIYANG_GROUP_1 = "第一考核组";
    public static final String YIYANG_GROUP_2 = "第二考核组";
    public static final String YIYANG_GROUP_1_FILE = "第一考核组评分汇总表.xlsx";
    public static final String YIYANG_GROUP_2_FILE = "第二考核组评分汇总表.xlsx";

    public static final List<Unit> YIYANG_UNITS = List.of(
            new Unit("市委党校", "益阳市委党校", 120, "事业单位", YIYANG_GROUP_1),
            new Unit("市委组织部", "组织部", 70, "党政机关", YIYANG_GROUP_1),
            new Unit("市财政局", "财政局", 150, "党政机关", YIYANG_GROUP_1),
            new Unit("市气象局", "气象局", 40, "党政机关", YIYANG_GROUP_1),
            new Unit("市图书馆", "图书馆", 35, "事业单位", YIYANG_GROUP_2),
            new Unit("市人民医院", "市医院", 900, "事业单位", YIYANG_GROUP_2),
            new Unit("市第一中学", "一中", 210, "事业单位", YIYANG_GROUP_2));

    /** Matrix scores that differ from the maximum, in matrix row order; 市气象局 is scored by no group. */
    static final Map<String, Map<String, Object>> YIYANG_OFFICIAL = ordered(
            "市委党校", Map.of("1(2)", 1, "22", 1),
            "市委组织部", Map.of("4(1)", 3, "34", 4),
            "市财政局", Map.of("8(2)", 1, "15", 1, "38", 1),
            "市图书馆", Map.of("13", 1, "24(1)", 0.5, "25", 0.5, "30", 1, "36", 1),
            "市人民医院", Map.of("33(1)", 1, "33(2)", 1, "34", 3),
            "市第一中学", Map.of("19(2)", 0, "41", 1));

    /** A 合计 cell written differently from the scores in its row. */
    static final Map<String, Object> YIYANG_OFFICIAL_TOTAL = Map.of("市人民医院", 95);

    static final List<Claim> YIYANG_GROUP_1_CLAIMS = List.of(
            new Claim("市委党校", "加分", "荣誉称号", "国家级", 3, null, "全国文明单位等"),
            new Claim("市委党校", "加分", "荣誉称号", "省部级", 6, null, "省级荣誉"),
            new Claim("市委党校", "加分", "荣誉称号", "市级", 10, null, "市级荣誉"),
            new Claim("市委组织部", "加分", "经验推介", "国家级", 1, null, "党建引领文明创建经验"),
            new Claim("市委组织部", "加分", "经验推介", "省级", 1, null, "党建引领文明创建经验"),
            new Claim("市财政局", "加分", "荣誉称号", "省部级", 2, null, "省级文明窗口"));

    static final List<Claim> YIYANG_GROUP_2_CLAIMS = List.of(
            new Claim("市图书馆", "加分", "经验推介", "国家级", 1, null, "全民阅读推广经验"),
            new Claim("市第一中学", "加分", "荣誉称号", "市级", 2, null, "市级文明校园"));

    /** Self-assessment scores that differ from the maximum, in file order. */
    static final Map<String, Map<String, Object>> YIYANG_SELF = ordered(
            "市委党校", Map.of(),
            "市委组织部", Map.of("4(1)", 3),
            "市财政局", Map.of(),
            "市气象局", Map.of("3", 1.5),
            "市图书馆", Map.of(),
            "市人民医院", Map.of(),
            "市第一中学", Map.of());

    /** Criteria a unit leaves out of its table, thinking they do not apply: 市气象局 deletes the row of 2. */
    static final Map<String, Set<String>> YIYANG_SELF_OMITTED = Map.of("市气象局", Set.of("2"));

    /** 市第一中学 writes no 填报单位: its file name names it by its alias. */
    public static String yiyangSelfFile(String unit) {
        return unit.equals("市第一中学") ? "测评细则自评表（一中）.xlsx" : unit + "文明单位测评自评表.xlsx";
    }

    public static void yiyang(TestHome home, String campaign) {
        Rubric rubric = rubric("yiyang-2021");
        String roster = "rosters/" + campaign + ".xlsx";
        roster(home.root().resolve("config").resolve(roster), YIYANG_UNITS);
        home.campaign(campaign, "yiyang-2021", roster);
        Path self = home.input(campaign).resolve("self");
        YIYANG_SELF.forEach((unit, scores) -> writeYiyangSelf(rubric, unit.equals("市第一中学") ? null : unit, scores,
                YIYANG_SELF_OMITTED.getOrDefault(unit, Set.of()), self.resolve(yiyangSelfFile(unit))));
        Path inspection = home.input(campaign).resolve("inspection");
        yiyangInspection(rubric, YIYANG_GROUP_1, YIYANG_GROUP_1_CLAIMS, inspection.resolve(YIYANG_GROUP_1_FILE));
        yiyangInspection(rubric, YIYANG_GROUP_2, YIYANG_GROUP_2_CLAIMS, inspection.resolve(YIYANG_GROUP_2_FILE));
    }

    /**
     * One self-assessment (sheet 测评细则): the appendix table with a 得分 column; header on row 3, leaf i (0-based,
     * parts counted) on row 4 + i, less the rows left out before it, then a 合计 row. The criterion's "N)" is on its
     * first part's row, except criterion 4, whose number the seed prints on its second part. {@code unit} null
     * writes no 填报单位; {@code omitted} are criteria (or leaves) whose rows are left out.
     */
    public static void writeYiyangSelf(Rubric rubric, String unit, Map<String, Object> scores, Set<String> omitted,
                                       Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            yiyangTable(wb.createSheet("测评细则"), rubric, unit, scores, omitted);
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void yiyangTable(Sheet sheet, Rubric rubric, String unit, Map<String, Object> scores,
                                    Set<String> omitted) {
        set(sheet, 0, 0, "中共益阳市委党校2021年创建市级文明单位测评项目及考评细则");
        if (unit != null) {
            set(sheet, 1, 0, "填报单位：" + unit);
        }
        List<String> header = List.of("序号", "考评内容", "考评标准", "考评方法", "责任部门", "得分");
        for (int c = 0; c < header.size(); c++) {
            set(sheet, 2, c, header.get(c));
        }
        int r = 3;
        double sum = 0;
        List<Category> categories = rubric.categories();
        for (int c = 0; c < categories.size(); c++) {
            Category category = categories.get(c);
            int first = r;
            for (Leaf leaf : category.leaves()) {
                if (omitted.contains(leaf.code()) || omitted.contains(criterion(leaf))) {
                    continue;
                }
                String text = leaf.text().strip();
                if (numbered(leaf)) {
                    text = criterion(leaf) + ")" + text;
                }
                set(sheet, r, 2, text);
                set(sheet, r, 3, String.join(" ", leaf.methods()));
                set(sheet, r, 4, String.join(" ", leaf.departments()));
                Object score = scores.getOrDefault(leaf.code(), leaf.max());
                set(sheet, r, 5, score);
                sum += ((Number) score).doubleValue();
                r++;
            }
            set(sheet, first, 0, c + 1);
            set(sheet, first, 1, category.name() + "\n" + category.max().stripTrailingZeros().toPlainString() + "分");
            if (r - 1 > first) {
                sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 0, 0));
                sheet.addMergedRegion(new CellRangeAddress(first, r - 1, 1, 1));
            }
        }
        set(sheet, r, 0, "合计");
        set(sheet, r, 5, sum);
    }

    private static boolean numbered(Leaf leaf) {
        if (leaf.criterion() == null) {
            return true;
        }
        return leaf.code().endsWith(leaf.criterion().equals("4") ? "(2)" : "(1)");
    }

    private static String criterion(Leaf leaf) {
        return leaf.criterion() == null ? leaf.code() : leaf.criterion();
    }

    /**
     * 汇总表: title, 考核组 row, header 单位名称 | one column per leaf by code | 合计 on row 3, units from row 4, then a
     * 加扣分 sheet. Leaf i (0-based, parts counted) is column B + i.
     */
    private static void yiyangInspection(Rubric rubric, String group, List<Claim> claims, Path file) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("汇总表");
            set(sheet, 0, 0, "益阳市文明单位测评评分汇总表");
            set(sheet, 1, 0, "考核组：" + group);
            List<Leaf> leaves = rubric.leaves();
            set(sheet, 2, 0, "单位名称");
            for (int i = 0; i < leaves.size(); i++) {
                set(sheet, 2, 1 + i, leaves.get(i).code());
            }
            set(sheet, 2, 1 + leaves.size(), "合计");
            int r = 3;
            for (Unit u : YIYANG_UNITS) {
                if (!u.group().equals(group) || !YIYANG_OFFICIAL.containsKey(u.name())) {
                    continue;
                }
                Map<String, Object> scores = YIYANG_OFFICIAL.get(u.name());
                set(sheet, r, 0, u.name());
                double sum = 0;
                for (int i = 0; i < leaves.size(); i++) {
                    Object score = scores.getOrDefault(leaves.get(i).code(), leaves.get(i).max());
                    set(sheet, r, 1 + i, score);
                    sum += ((Number) score).doubleValue();
                }
                set(sheet, r, 1 + leaves.size(), YIYANG_OFFICIAL_TOTAL.getOrDefault(u.name(), sum));
                r++;
            }
            claimsSheet(wb, claims);
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- shared --------------------------------------------------------------------------------------

    private static Rubric rubric(String code) {
        return new RubricLoader().load(Path.of("config/rubrics/" + code + ".yml"));
    }

    private static void roster(Path file, List<Unit> units) {
        try (Workbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("单位名单");
            List<String> header = List.of("单位名称", "别名", "在职人数", "分组", "考核组");
            for (int c = 0; c < header.size(); c++) {
                set(sheet, 0, c, header.get(c));
            }
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                set(sheet, i + 1, 0, u.name());
                set(sheet, i + 1, 1, u.alias());
                set(sheet, i + 1, 2, u.headcount());
                set(sheet, i + 1, 3, u.division());
                set(sheet, i + 1, 4, u.group());
            }
            save(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 加扣分: header on row 1, claim k (0-based) on row 2 + k; 项目 is column C. */
    private static void claimsSheet(Workbook wb, List<Claim> claims) {
        Sheet sheet = wb.createSheet("加扣分");
        List<String> header = List.of("单位名称", "类型", "项目", "级别", "次数", "分值", "说明");
        for (int c = 0; c < header.size(); c++) {
            set(sheet, 0, c, header.get(c));
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim k = claims.get(i);
            Object[] values = {k.unit(), k.type(), k.item(), k.level(), k.count(), k.points(), k.evidence()};
            for (int c = 0; c < values.length; c++) {
                set(sheet, i + 1, c, values[c]);
            }
        }
    }

    private static void set(Sheet sheet, int r, int c, Object value) {
        if (value == null || "".equals(value)) {
            return;
        }
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static void save(Workbook wb, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    private static String chinese(int n) {
        return String.valueOf("一二三四五六七八九十".charAt(n - 1));
    }

    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            V v = (V) pairs[i + 1];
            out.put((String) pairs[i], v);
        }
        return out;
    }
}
