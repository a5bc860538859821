package org.kaoping.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a rubric from YAML (format in README: "Rubric format") and validates it: maxima add up level by
 * level, codes are unique, ranges and bands are well-formed. Any violation is refused with a message that
 * names the file and the node, before any workbook is read.
 */
public final class RubricLoader {
    // The keys each kind of node may have (docs/configuration.md); any other is refused with the nearest of them.
    static final List<String> RUBRIC_KEYS = List.of("code", "name", "scored", "max", "categories",
            "responsibilities", "bonus", "deductions", "vetoes");
    static final List<String> CATEGORY_KEYS = List.of("code", "name", "max", "indicators", "leaves");
    static final List<String> INDICATOR_KEYS = List.of("code", "name", "max", "leaves");
    static final List<String> LEAF_KEYS = List.of("code", "name", "text", "max", "cap", "earned", "methods",
            "departments", "responsibility", "responsible", "parts", "bonus", "bonus-cap", "deduction", "veto");
    static final List<String> PART_KEYS = List.of("name", "text", "max", "methods", "departments");
    static final List<String> RULE_DEDUCTION_KEYS = List.of("name", "aliases", "levels", "points", "scaled",
            "disqualifies");
    static final List<String> VETO_KEYS = List.of("name", "aliases", "consequence");
    static final List<String> RESPONSIBLE_KEYS = List.of("standard", "leaders", "departments", "people");
    static final List<String> BONUS_KEYS = List.of("cap", "items");
    static final List<String> BONUS_ITEM_KEYS = List.of("name", "aliases", "levels", "points", "cap",
            "highest-level-only");
    static final List<String> DEDUCTIONS_KEYS = List.of("items", "headcount-scaling");
    static final List<String> DEDUCTION_ITEM_KEYS = List.of("name", "aliases", "levels", "points", "range",
            "scaled", "disqualifies");
    static final List<String> BAND_KEYS = List.of("min", "max", "factor");


    /**
     * Loads a rubric file; when it names a responsibility map ({@code responsibilities: quanzhou-jinrong}), the map
     * is loaded from the same folder and each leaf is attributed to its responsible people.
     */
    public Rubric load(Path file) {
        Rubric rubric = loadOne(file);
        if (rubric.responsibilities() == null) {
            return rubric;
        }
        Path mapFile = file.resolveSibling(rubric.responsibilities() + ".yml");
        if (!Files.isRegularFile(mapFile)) {
            throw new RubricException("评分细则 " + file.getFileName() + " 的 responsibilities: 找不到责任分工表 " + mapFile);
        }
        Rubric map = loadOne(mapFile);
        if (map.scored()) {
            throw new RubricException("评分细则 " + file.getFileName() + " 的 responsibilities: " + mapFile.getFileName()
                    + " 不是责任分工表（应写 scored: false）");
        }
        return attribute(file.getFileName().toString(), rubric, map);
    }

    /** Gives each leaf the map's entries for its own code, or for the codes it names in {@code responsibility}. */
    static Rubric attribute(String source, Rubric rubric, Rubric map) {
        Map<String, Leaf> mapLeaves = map.leavesByCode();
        List<Category> categories = new ArrayList<>();
        for (Category c : rubric.categories()) {
            java.util.function.Function<Leaf, Leaf> attach = leaf -> {
                List<String> codes = leaf.responsibilityCodes().isEmpty() ? List.of(leaf.code()) : leaf.responsibilityCodes();
                List<Responsibility> found = new ArrayList<>();
                for (String code : codes) {
                    Leaf target = mapLeaves.get(code);
                    if (target == null && !leaf.responsibilityCodes().isEmpty()) {
                        throw new RubricException("评分细则 " + source + " 的评分项 " + leaf.code() + ": responsibility "
                                + code + " 在责任分工表 " + map.code() + " 中不存在");
                    }
                    if (target != null) {
                        found.addAll(target.responsible());
                    }
                }
                return leaf.withResponsible(found);
            };
            List<Indicator> indicators = c.indicators().stream()
                    .map(i -> new Indicator(i.code(), i.name(), i.max(), i.leaves().stream().map(attach).toList())).toList();
            categories.add(new Category(c.code(), c.name(), c.max(), c.ordinal(), indicators,
                    c.leaves().stream().map(attach).toList()));
        }
        return new Rubric(rubric.code(), rubric.name(), rubric.max(), categories, rubric.bonusCap(), rubric.bonusItems(),
                rubric.deductionItems(), rubric.vetoItems(), rubric.headcountBands(), rubric.scored(),
                rubric.responsibilities());
    }

    private Rubric loadOne(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), new Yaml(new SafeConstructor(options())).load(reader));
        } catch (IOException e) {
            throw new RubricException("无法读取评分细则 " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new RubricException("评分细则 " + file.getFileName() + " 不是有效的 YAML: " + e.getMessage(), e);
        }
    }

    public Rubric load(String source, InputStream in) {
        try {
            return parse(source, new Yaml(new SafeConstructor(options())).load(in));
        } catch (YAMLException e) {
            throw new RubricException("评分细则 " + source + " 不是有效的 YAML: " + e.getMessage(), e);
        }
    }

    /** A key written twice in one node is a typing mistake, not an override. */
    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private Rubric parse(String source, Object root) {
        RubricNode doc = new RubricNode(source, "", root).allow(RUBRIC_KEYS);
        boolean scored = !doc.map().containsKey("scored") || doc.bool("scored");
        Tree tree = new Tree(scored);
        List<Category> categories = new ArrayList<>();
        List<RubricNode> categoryNodes = doc.list("categories");
        if (categoryNodes.isEmpty()) {
            throw doc.error("没有 categories（一级指标）");
        }
        for (RubricNode c : categoryNodes) {
            categories.add(category(c.allow(CATEGORY_KEYS), categories.size() + 1, tree));
        }
        String responsibilities = doc.string("responsibilities", "");
        if (!scored) {
            tree.refuseScoring(doc);
            return new Rubric(doc.required("code"), doc.required("name"), null, categories, null, List.of(), List.of(),
                    List.of(), List.of(), false, null);
        }
        BigDecimal max = doc.decimal("max", null);
        BigDecimal sum = categories.stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (max != null && max.compareTo(sum) != 0) {
            throw doc.error("总分 " + max.toPlainString() + " 与各一级指标分值之和 " + sum.toPlainString() + " 不符");
        }
        RubricNode bonus = doc.child("bonus");
        RubricNode deductions = doc.child("deductions");
        List<DeductionItem> deductionItems = new ArrayList<>(deductionItems(deductions));
        List<VetoItem> vetoItems = new ArrayList<>(vetoItems(doc));
        addLeafRules(tree, deductionItems, vetoItems);
        return new Rubric(doc.required("code"), doc.required("name"), max != null ? max : sum, categories,
                bonus.decimal("cap", null), bonusItems(bonus), deductionItems, vetoItems, bands(deductions), true,
                responsibilities.isEmpty() ? null : responsibilities);
    }

    /** What the tree walk collects besides the tree: codes seen, and the rules criteria state for themselves. */
    private static final class Tree {
        final boolean scored;
        final Set<String> codes = new HashSet<>();
        final List<Map.Entry<RubricNode, DeductionItem>> deductions = new ArrayList<>();
        final List<Map.Entry<RubricNode, VetoItem>> vetoes = new ArrayList<>();
        RubricNode firstRule;

        Tree(boolean scored) {
            this.scored = scored;
        }

        /** A responsibility map has no points, so no scoring rules either. */
        void refuseScoring(RubricNode doc) {
            for (String key : List.of("max", "bonus", "deductions", "vetoes", "responsibilities")) {
                if (doc.map().containsKey(key)) {
                    throw doc.error("scored: false 的责任分工表不能有 " + key);
                }
            }
            if (firstRule != null) {
                throw firstRule.error("scored: false 的责任分工表不能有加分、扣分或否决规则");
            }
        }
    }

    private static void addLeafRules(Tree tree, List<DeductionItem> deductions, List<VetoItem> vetoes) {
        for (Map.Entry<RubricNode, DeductionItem> e : tree.deductions) {
            if (deductions.stream().anyMatch(d -> d.name().equals(e.getValue().name()))) {
                throw e.getKey().error("扣分项目 " + e.getValue().name() + " 重复：已在 deductions.items 中定义");
            }
            deductions.add(e.getValue());
        }
        for (Map.Entry<RubricNode, VetoItem> e : tree.vetoes) {
            if (vetoes.stream().anyMatch(v -> v.name().equals(e.getValue().name()))) {
                throw e.getKey().error("否决项目 " + e.getValue().name() + " 重复：已在 vetoes 中定义");
            }
            vetoes.add(e.getValue());
        }
    }

    private Category category(RubricNode c, int ordinal, Tree tree) {
        Set<String> codes = tree.codes;
        String code = c.code();
        unique(c, code, codes);
        BigDecimal max = tree.scored ? c.positive("max") : null;
        List<Indicator> indicators = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        if (!c.list("indicators").isEmpty() && !c.list("leaves").isEmpty()) {
            throw c.error("不能同时有 indicators 和 leaves：三级细则的评分项写在 indicators 之下");
        }
        if (!c.list("indicators").isEmpty()) {
            for (RubricNode i : c.list("indicators")) {
                i.allow(INDICATOR_KEYS);
                String iCode = i.code();
                unique(i, iCode, codes);
                List<Leaf> own = new ArrayList<>();
                for (RubricNode l : i.list("leaves")) {
                    own.addAll(leaf(l, code, ordinal, leaves.size() + own.size() + 1, tree));
                }
                Indicator indicator = new Indicator(iCode, i.string("name", ""), tree.scored ? i.positive("max") : null, own);
                requireSum(i, indicator.max(), own);
                indicators.add(indicator);
                leaves.addAll(own);
            }
            BigDecimal sum = tree.scored ? indicators.stream().map(Indicator::max).reduce(BigDecimal.ZERO, BigDecimal::add) : null;
            if (tree.scored && sum.compareTo(max) != 0) {
                throw c.error("分值 " + max.toPlainString() + " 与其二级指标分值之和 " + sum.toPlainString() + " 不符");
            }
        } else {
            for (RubricNode l : c.list("leaves")) {
                leaves.addAll(leaf(l, code, ordinal, leaves.size() + 1, tree));
            }
            requireSum(c, max, leaves);
        }
        return new Category(code, c.string("name", ""), max, ordinal, indicators, leaves);
    }

    private static void requireSum(RubricNode node, BigDecimal max, List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            throw node.error("没有 leaves（评分项）");
        }
        if (max == null) {
            return;
        }
        BigDecimal sum = leaves.stream().map(Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(max) != 0) {
            throw node.error("分值 " + max.toPlainString() + " 与其评分项分值之和 " + sum.toPlainString() + " 不符");
        }
    }

    /** A leaf, or one leaf per part for a criterion scored in parts (coded {@code 1(1)}, {@code 1(2)} …). */
    private List<Leaf> leaf(RubricNode l, String categoryCode, int categoryOrdinal, int position, Tree tree) {
        l.allow(LEAF_KEYS);
        String code = l.code();
        unique(l, code, tree.codes);
        String name = l.string("name", "");
        BonusRule bonus = LeafRules.bonus(l);
        leafRules(l, code, tree);
        List<Responsibility> responsible = responsible(l, tree);
        BigDecimal max = tree.scored ? l.positive("max") : null;
        List<RubricNode> parts = l.list("parts");
        if (parts.isEmpty()) {
            return List.of(new Leaf(code, name, l.string("text", ""), max, categoryCode, categoryOrdinal, position,
                    l.strings("methods"), l.strings("departments"), bonus, null, l.strings("responsibility"),
                    responsible, LeafRules.cap(l, max), LeafRules.earned(l)));
        }
        if (!tree.scored) {
            throw l.error("责任分工表的评分项不能分 parts");
        }
        if (bonus != null || LeafRules.statesOwnRules(l)) {
            throw l.error("分部分计分（parts）的评分项不能写 bonus、cap、earned、deduction 或 veto");
        }
        List<Leaf> out = new ArrayList<>();
        for (RubricNode p : parts) {
            p.allow(PART_KEYS);
            int n = out.size() + 1;
            String partCode = code + "(" + n + ")";
            unique(p, partCode, tree.codes);
            String partName = p.string("name", name.isEmpty() ? "" : name + "（" + n + "）");
            List<String> methods = p.map().containsKey("methods") ? p.strings("methods") : l.strings("methods");
            List<String> departments = p.map().containsKey("departments") ? p.strings("departments") : l.strings("departments");
            out.add(new Leaf(partCode, partName, p.required("text"), p.positive("max"), categoryCode, categoryOrdinal,
                    position + out.size(), methods, departments, null, code, l.strings("responsibility"), List.of()));
        }
        BigDecimal sum = out.stream().map(Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(max) != 0) {
            throw l.error("分值 " + max.toPlainString() + " 与其各部分（parts）分值之和 " + sum.toPlainString() + " 不符");
        }
        return out;
    }

    /** {@code deduction:} and {@code veto:} a criterion states for itself; they join the rubric's items. */
    private static void leafRules(RubricNode l, String code, Tree tree) {
        RubricNode d = l.child("deduction");
        if (d.value() != null) {
            d.allow(RULE_DEDUCTION_KEYS);
            tree.firstRule = tree.firstRule == null ? d : tree.firstRule;
            Map<String, BigDecimal> levels = d.levels();
            BigDecimal points = d.decimal("points", null);
            if (levels.isEmpty() && (points == null || points.signum() <= 0)) {
                throw d.error("需写每例扣分 points（大于 0）或 levels");
            }
            tree.deductions.add(Map.entry(d, new DeductionItem(d.required("name"), d.strings("aliases"), levels, points,
                    null, null, d.bool("scaled"), code, d.bool("disqualifies"))));
        }
        RubricNode v = l.child("veto");
        if (v.value() != null) {
            v.allow(VETO_KEYS);
            tree.firstRule = tree.firstRule == null ? v : tree.firstRule;
            tree.vetoes.add(Map.entry(v, new VetoItem(v.required("name"), v.strings("aliases"),
                    v.string("consequence", ""), code)));
        }
        if (l.child("bonus").value() != null || l.map().containsKey("bonus-cap")) {
            tree.firstRule = tree.firstRule == null ? l : tree.firstRule;
        }
    }

    /** {@code responsible:} entries of a responsibility map; a scored rubric gets them from its map instead. */
    private static List<Responsibility> responsible(RubricNode l, Tree tree) {
        List<RubricNode> entries = l.list("responsible");
        if (tree.scored) {
            if (!entries.isEmpty()) {
                throw l.error("responsible 只用于责任分工表（scored: false）；评分细则请用 responsibilities 指明分工表");
            }
            return List.of();
        }
        if (entries.isEmpty()) {
            throw l.error("责任分工表的评分项缺少 responsible（分管领导、责任科室、责任人）");
        }
        List<Responsibility> out = new ArrayList<>();
        for (RubricNode e : entries) {
            e.allow(RESPONSIBLE_KEYS);
            Responsibility r = new Responsibility(e.string("standard", ""), e.strings("leaders"), e.strings("departments"),
                    e.strings("people"));
            if (r.departments().isEmpty() && r.people().isEmpty()) {
                throw e.error("缺少 departments（责任科室）和 people（责任人）");
            }
            out.add(r);
        }
        return out;
    }

    private static void unique(RubricNode node, String code, Set<String> codes) {
        if (!codes.add(code)) {
            throw node.error("编号 " + code + " 重复");
        }
    }

    private List<BonusItem> bonusItems(RubricNode bonus) {
        List<BonusItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        bonus.allow(BONUS_KEYS);
        for (RubricNode i : bonus.list("items")) {
            i.allow(BONUS_ITEM_KEYS);
            String name = i.required("name");
            unique(i, "加分项目 " + name, names);
            items.add(new BonusItem(name, i.strings("aliases"), i.levels(), i.decimal("points", null),
                    i.decimal("cap", null), i.highest()));
        }
        return items;
    }

    private List<DeductionItem> deductionItems(RubricNode deductions) {
        List<DeductionItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        deductions.allow(DEDUCTIONS_KEYS);
        for (RubricNode i : deductions.list("items")) {
            i.allow(DEDUCTION_ITEM_KEYS);
            String name = i.required("name");
            unique(i, "扣分项目 " + name, names);
            BigDecimal min = null;
            BigDecimal max = null;
            List<RubricNode> range = i.list("range");
            if (!range.isEmpty()) {
                if (range.size() != 2) {
                    throw i.error("range 应为 [最小值, 最大值]");
                }
                min = range.get(0).asDecimal();
                max = range.get(1).asDecimal();
                if (min.signum() < 0 || min.compareTo(max) > 0) {
                    throw i.error("range [" + min + ", " + max + "] 无效");
                }
            }
            items.add(new DeductionItem(name, i.strings("aliases"), i.levels(), i.decimal("points", null), min, max,
                    i.bool("scaled"), null, i.bool("disqualifies")));
        }
        return items;
    }

    private List<VetoItem> vetoItems(RubricNode doc) {
        List<VetoItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (RubricNode i : doc.list("vetoes")) {
            i.allow(VETO_KEYS);
            unique(i, "否决项目 " + i.required("name"), names);
            items.add(new VetoItem(i.required("name"), i.strings("aliases"), i.string("consequence", "")));
        }
        return items;
    }

    private List<HeadcountBand> bands(RubricNode deductions) {
        List<HeadcountBand> bands = new ArrayList<>();
        for (RubricNode b : deductions.list("headcount-scaling")) {
            b.allow(BAND_KEYS);
            int min = b.count("min", 0);
            Integer max = b.child("max").value() == null ? null : b.count("max", 0);
            BigDecimal factor = b.positive("factor");
            if (max != null && max < min) {
                throw b.error("人数区间 " + min + "–" + max + " 无效");
            }
            HeadcountBand band = new HeadcountBand(min, max, factor);
            for (HeadcountBand other : bands) {
                if (overlaps(band, other)) {
                    throw b.error("人数区间与另一区间重叠");
                }
            }
            bands.add(band);
        }
        return bands;
    }

    private static boolean overlaps(HeadcountBand a, HeadcountBand b) {
        long aMax = a.max() == null ? Long.MAX_VALUE : a.max();
        long bMax = b.max() == null ? Long.MAX_VALUE : b.max();
        return a.min() <= bMax && b.min() <= aMax;
    }
}
