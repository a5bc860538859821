package org.kaoping.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.scoring.ranking.Grade;
import org.kaoping.scoring.ranking.RankingMethod;
import org.kaoping.scoring.ranking.RankingRules;
import org.kaoping.scoring.ranking.TieBreaker;
import org.kaoping.text.Text;

/**
 * Reads the {@code ranking:} section of a campaign yml (keys in the README). A mistake here would change
 * who ranks first or who gets 优秀 without anyone noticing, so every unknown key or value is refused with
 * a message naming the key and the value, and nothing falls back to a default silently.
 */
final class RankingRulesParser {
    static final String KEY = "ranking";
    static final Set<String> KEYS = Set.of("method", "tie-breakers", "rounding", "grades");
    static final Set<String> GRADE_KEYS = Set.of("name", "top", "min");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String file;

    RankingRulesParser(String file) {
        this.file = file;
    }

    RankingRules parse(Object section) {
        if (section == null) {
            return RankingRules.DEFAULT;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw error(KEY, "应写成 method、tie-breakers、rounding、grades 等键，实为“" + section + "”");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw error(KEY + "." + key, "未知的键，可用 " + String.join("、", List.of("method", "tie-breakers",
                        "rounding", "grades")));
            }
        }
        RankingMethod method = choice(map.get("method"), KEY + ".method", "排名方法", RankingMethod.values(),
                RankingMethod::key, RankingRules.DEFAULT.method());
        DisplayRounding rounding = choice(map.get("rounding"), KEY + ".rounding", "舍入方式", DisplayRounding.values(),
                DisplayRounding::key, RankingRules.DEFAULT.rounding());
        return new RankingRules(method, tieBreakers(map.get("tie-breakers")), rounding, grades(map.get("grades")));
    }

    /** Tie-breakers that name a category or leaf can only be checked once the rubric is loaded. */
    void checkAgainst(RankingRules rules, Rubric rubric) {
        for (TieBreaker t : rules.tieBreakers()) {
            if (!t.appliesTo(rubric)) {
                throw error(KEY + ".tie-breakers", "“" + t.key() + "”：评分细则 " + rubric.code() + " 没有"
                        + (t.kind() == TieBreaker.Kind.CATEGORY ? "一级指标" : "评分项") + "“" + t.code() + "”");
            }
        }
    }

    private <T> T choice(Object value, String key, String what, T[] options, Function<T, String> name, T fallback) {
        if (value == null) {
            return fallback;
        }
        String text = Text.clean(value.toString());
        return Arrays.stream(options).filter(o -> name.apply(o).equals(text)).findFirst()
                .orElseThrow(() -> error(key, "未知的" + what + "“" + value + "”，可用 "
                        + Arrays.stream(options).map(name).collect(Collectors.joining("、"))));
    }

    private List<TieBreaker> tieBreakers(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        List<TieBreaker> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(tieBreaker(items.get(i), KEY + ".tie-breakers 第 " + (i + 1) + " 项"));
        }
        return out;
    }

    /** {@code base}, {@code category:一}, or the same written as a one-key map ({@code {category: 一}}). */
    private TieBreaker tieBreaker(Object item, String key) {
        String text;
        if (item instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            text = e.getKey() + ":" + e.getValue();
        } else {
            text = item == null ? "" : item.toString();
        }
        text = Text.clean(text);
        int colon = text.indexOf(':');
        String kindKey = (colon < 0 ? text : text.substring(0, colon)).strip();
        String code = colon < 0 ? null : text.substring(colon + 1).strip();
        Optional<TieBreaker.Kind> kind = TieBreaker.Kind.byKey(kindKey);
        if (kind.isEmpty()) {
            throw error(key, "未知的同分排序“" + item + "”，可用 base、bonus、deduction-asc、category:<一级指标编号>、"
                    + "leaf:<评分项编号>");
        }
        if (kind.get().takesCode() && (code == null || code.isEmpty())) {
            throw error(key, "“" + item + "”缺少编号，应写成 " + kindKey + ":<编号>，如 "
                    + (kind.get() == TieBreaker.Kind.CATEGORY ? "category:一" : "leaf:1.1"));
        }
        if (!kind.get().takesCode() && code != null) {
            throw error(key, "“" + item + "”：" + kindKey + " 后不能带编号");
        }
        return new TieBreaker(kind.get(), code);
    }

    private List<Grade> grades(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw error(KEY + ".grades", "应为列表，实为“" + value + "”");
        }
        List<Grade> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = KEY + ".grades 第 " + (i + 1) + " 项";
            if (!(items.get(i) instanceof Map<?, ?> g)) {
                throw error(where, "应写成 {name: 等次名称, top: 名额, min: 最低分}，实为“" + items.get(i) + "”");
            }
            Object name = g.get("name");
            if (name == null || Text.isBlank(name.toString())) {
                throw error(where, "缺少 name（等次名称）");
            }
            String gradeName = Text.clean(name.toString());
            where = where + "（" + gradeName + "）";
            for (Object key : g.keySet()) {
                if (!GRADE_KEYS.contains(String.valueOf(key))) {
                    throw error(where + "的 " + key, "未知的键，可用 name、top、min");
                }
            }
            if (!names.add(gradeName)) {
                throw error(where, "等次名称“" + gradeName + "”重复");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).unconditional()) {
                throw error(where, "前一个等次“" + out.get(out.size() - 1).name() + "”没有条件，已包括其余所有单位，"
                        + "此等次不会用到");
            }
            out.add(new Grade(gradeName, quota(g.get("top"), where + "的 top"), min(g.get("min"), where + "的 min")));
        }
        return out;
    }

    /** {@code 10%} (of the ranked units) or {@code 5} (units); greater than 0, a percentage at most 100. */
    private Grade.Quota quota(Object value, String key) {
        if (value == null) {
            return null;
        }
        String text = Text.key(value.toString());
        boolean percent = text.endsWith("%");
        BigDecimal amount = number(percent ? text.substring(0, text.length() - 1) : text);
        if (amount == null || !percent && (amount.stripTrailingZeros().scale() > 0
                || amount.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            throw error(key, "“" + value + "”不是有效的名额，应写成百分数（如 10%）或单位个数（如 5）");
        }
        if (amount.signum() <= 0) {
            throw error(key, "“" + value + "”：名额应大于 0");
        }
        if (percent && amount.compareTo(HUNDRED) > 0) {
            throw error(key, "“" + value + "”：百分数不能超过 100%");
        }
        return new Grade.Quota(amount, percent);
    }

    private BigDecimal min(Object value, String key) {
        if (value == null) {
            return null;
        }
        BigDecimal min = number(Text.key(value.toString()));
        if (min == null) {
            throw error(key, "“" + value + "”不是数值");
        }
        return min;
    }

    private static BigDecimal number(String text) {
        if (!text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(text);
    }

    private CampaignException error(String key, String problem) {
        return new CampaignException("考核配置 " + file + " 的 " + key + "：" + problem);
    }
}
