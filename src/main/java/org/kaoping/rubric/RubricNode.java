package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaoping.text.Nearest;

/** A YAML node with its path, so every error names the node. */
record RubricNode(String source, String path, Object value) {

    /** Refuses a key this node does not define, naming the nearest one it does: a misspelt key is not ignored. */
    RubricNode allow(List<String> known) {
        for (Object key : map().keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw error(Nearest.unknownKey("", String.valueOf(key), known));
            }
        }
        return this;
    }

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

    RubricNode child(String key) {
        return new RubricNode(source, path.isEmpty() ? key : path + "." + key, map().get(key));
    }

    List<RubricNode> list(String key) {
        RubricNode child = child(key);
        if (child.value == null) {
            return List.of();
        }
        if (!(child.value instanceof List<?> items)) {
            throw child.error("应为列表");
        }
        List<RubricNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String label = item instanceof Map<?, ?> m && m.get("code") != null ? "[" + m.get("code") + "]"
                    : item instanceof Map<?, ?> m2 && m2.get("name") != null ? "[" + m2.get("name") + "]"
                    : "[" + (i + 1) + "]";
            nodes.add(new RubricNode(source, child.path + label, item));
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
        RubricNode child = child(key);
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

    HighestLevel highest() {
        String v = string("highest-level-only", "");
        try {
            return HighestLevel.parse(v);
        } catch (IllegalArgumentException e) {
            throw error("highest-level-only 应为 item（整项按最高级别计一次）、subject（同一内容按最高级别计一次）或 level（每个级别计一次），实为 " + v);
        }
    }

    Map<String, BigDecimal> levels() {
        RubricNode levels = child("levels");
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : levels.map().entrySet()) {
            RubricNode level = new RubricNode(source, levels.path + "." + e.getKey(), e.getValue());
            BigDecimal points = level.asDecimal();
            if (points.signum() <= 0) {
                throw level.error("分值应大于 0");
            }
            result.put(String.valueOf(e.getKey()).strip(), points);
        }
        return result;
    }
}
