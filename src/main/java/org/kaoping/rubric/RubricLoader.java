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
import java.util.LinkedHashMap;
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

    public Rubric load(Path file) {
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
        Node doc = new Node(source, "", root);
        Set<String> codes = new HashSet<>();
        List<Category> categories = new ArrayList<>();
        List<Node> categoryNodes = doc.list("categories");
        if (categoryNodes.isEmpty()) {
            throw doc.error("没有 categories（一级指标）");
        }
        for (Node c : categoryNodes) {
            categories.add(category(c, categories.size() + 1, codes));
        }
        BigDecimal max = doc.decimal("max", null);
        BigDecimal sum = categories.stream().map(Category::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (max != null && max.compareTo(sum) != 0) {
            throw doc.error("总分 " + max.toPlainString() + " 与各一级指标分值之和 " + sum.toPlainString() + " 不符");
        }
        Node bonus = doc.child("bonus");
        Node deductions = doc.child("deductions");
        return new Rubric(doc.required("code"), doc.required("name"), max != null ? max : sum, categories,
                bonus.decimal("cap", null), bonusItems(bonus), deductionItems(deductions), vetoItems(doc),
                bands(deductions));
    }

    private Category category(Node c, int ordinal, Set<String> codes) {
        String code = c.code();
        unique(c, code, codes);
        BigDecimal max = c.positive("max");
        List<Indicator> indicators = new ArrayList<>();
        List<Leaf> leaves = new ArrayList<>();
        if (!c.list("indicators").isEmpty() && !c.list("leaves").isEmpty()) {
            throw c.error("不能同时有 indicators 和 leaves：三级细则的评分项写在 indicators 之下");
        }
        if (!c.list("indicators").isEmpty()) {
            for (Node i : c.list("indicators")) {
                String iCode = i.code();
                unique(i, iCode, codes);
                List<Leaf> own = new ArrayList<>();
                for (Node l : i.list("leaves")) {
                    own.add(leaf(l, code, ordinal, leaves.size() + own.size() + 1, codes));
                }
                Indicator indicator = new Indicator(iCode, i.string("name", ""), i.positive("max"), own);
                requireSum(i, indicator.max(), own);
                indicators.add(indicator);
                leaves.addAll(own);
            }
            BigDecimal sum = indicators.stream().map(Indicator::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(max) != 0) {
                throw c.error("分值 " + max.toPlainString() + " 与其二级指标分值之和 " + sum.toPlainString() + " 不符");
            }
        } else {
            for (Node l : c.list("leaves")) {
                leaves.add(leaf(l, code, ordinal, leaves.size() + 1, codes));
            }
            requireSum(c, max, leaves);
        }
        return new Category(code, c.string("name", ""), max, ordinal, indicators, leaves);
    }

    private static void requireSum(Node node, BigDecimal max, List<Leaf> leaves) {
        if (leaves.isEmpty()) {
            throw node.error("没有 leaves（评分项）");
        }
        BigDecimal sum = leaves.stream().map(Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(max) != 0) {
            throw node.error("分值 " + max.toPlainString() + " 与其评分项分值之和 " + sum.toPlainString() + " 不符");
        }
    }

    private Leaf leaf(Node l, String categoryCode, int categoryOrdinal, int position, Set<String> codes) {
        String code = l.code();
        unique(l, code, codes);
        return new Leaf(code, l.string("name", ""), l.string("text", ""), l.positive("max"), categoryCode,
                categoryOrdinal, position, l.strings("methods"), l.strings("departments"), l.decimal("bonus-cap", null));
    }

    private static void unique(Node node, String code, Set<String> codes) {
        if (!codes.add(code)) {
            throw node.error("编号 " + code + " 重复");
        }
    }

    private List<BonusItem> bonusItems(Node bonus) {
        List<BonusItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node i : bonus.list("items")) {
            String name = i.required("name");
            unique(i, "加分项目 " + name, names);
            items.add(new BonusItem(name, i.strings("aliases"), i.levels(), i.decimal("points", null),
                    i.decimal("cap", null)));
        }
        return items;
    }

    private List<DeductionItem> deductionItems(Node deductions) {
        List<DeductionItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node i : deductions.list("items")) {
            String name = i.required("name");
            unique(i, "扣分项目 " + name, names);
            BigDecimal min = null;
            BigDecimal max = null;
            List<Node> range = i.list("range");
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
                    i.bool("scaled")));
        }
        return items;
    }

    private List<VetoItem> vetoItems(Node doc) {
        List<VetoItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Node i : doc.list("vetoes")) {
            unique(i, "否决项目 " + i.required("name"), names);
            items.add(new VetoItem(i.required("name"), i.strings("aliases"), i.string("consequence", "")));
        }
        return items;
    }

    private List<HeadcountBand> bands(Node deductions) {
        List<HeadcountBand> bands = new ArrayList<>();
        for (Node b : deductions.list("headcount-scaling")) {
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

    /** A YAML node with its path, so every error names the node. */
    private record Node(String source, String path, Object value) {

        RubricException error(String message) {
            return new RubricException("评分细则 " + source + (path.isEmpty() ? "" : " 的 " + path) + ": " + message);
        }

        Map<?, ?> map() {
            if (value instanceof Map<?, ?> m) {
                return m;
            }
            if (value == null) {
                return Map.of();
            }
            throw error("应为映射（key: value）");
        }

        Node child(String key) {
            return new Node(source, path.isEmpty() ? key : path + "." + key, map().get(key));
        }

        List<Node> list(String key) {
            Node child = child(key);
            if (child.value == null) {
                return List.of();
            }
            if (!(child.value instanceof List<?> items)) {
                throw child.error("应为列表");
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String label = item instanceof Map<?, ?> m && m.get("code") != null ? "[" + m.get("code") + "]"
                        : item instanceof Map<?, ?> m2 && m2.get("name") != null ? "[" + m2.get("name") + "]"
                        : "[" + (i + 1) + "]";
                nodes.add(new Node(source, child.path + label, item));
            }
            return nodes;
        }

        String string(String key, String fallback) {
            Object v = map().get(key);
            return v == null ? fallback : String.valueOf(v).strip();
        }

        /**
         * Codes must be YAML text: unquoted {@code 1.10} would be read as the number 1.1, and {@code 010} as 8.
         */
        String code() {
            Object v = map().get("code");
            if (v != null && !(v instanceof String)) {
                throw error("编号 code: " + v + " 请加引号写成文本（如 code: \"" + v + "\"），否则 YAML 会把它读成数字");
            }
            return required("code");
        }

        String required(String key) {
            String s = string(key, "");
            if (s.isEmpty()) {
                throw error("缺少 " + key);
            }
            return s;
        }

        boolean bool(String key) {
            Object v = map().get(key);
            return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
        }

        List<String> strings(String key) {
            Object v = map().get(key);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).map(String::strip).toList();
            }
            return List.of(v.toString().strip());
        }

        BigDecimal asDecimal() {
            try {
                return new BigDecimal(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw error("“" + value + "” 不是数值");
            }
        }

        BigDecimal decimal(String key, BigDecimal fallback) {
            Node child = child(key);
            return child.value == null ? fallback : child.asDecimal();
        }

        int count(String key, int fallback) {
            BigDecimal v = decimal(key, null);
            if (v == null) {
                return fallback;
            }
            try {
                int n = v.intValueExact();
                if (n < 0) {
                    throw error(key + " 应为非负整数，实为 " + v.toPlainString());
                }
                return n;
            } catch (ArithmeticException e) {
                throw error(key + " 应为整数（人数），实为 " + v.toPlainString());
            }
        }

        BigDecimal positive(String key) {
            BigDecimal v = decimal(key, null);
            if (v == null) {
                throw error("缺少 " + key);
            }
            if (v.signum() <= 0) {
                throw error(key + " 应大于 0，实为 " + v.toPlainString());
            }
            return v;
        }

        Map<String, BigDecimal> levels() {
            Node levels = child("levels");
            Map<String, BigDecimal> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : levels.map().entrySet()) {
                Node level = new Node(source, levels.path + "." + e.getKey(), e.getValue());
                BigDecimal points = level.asDecimal();
                if (points.signum() <= 0) {
                    throw level.error("分值应大于 0");
                }
                result.put(String.valueOf(e.getKey()).strip(), points);
            }
            return result;
        }
    }
}
