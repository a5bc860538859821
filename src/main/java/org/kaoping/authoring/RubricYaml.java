package org.kaoping.authoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link RubricDraft} as a rubric file, laid out as the bundled ones are: a category's leaves with code, name, 分值,
 * methods and text; the table's prose at the end as comments marked for a person to turn into rules.
 */
final class RubricYaml {
    static final String TO_DO = "需人工转为规则";

    private RubricYaml() {
    }

    static String write(String id, RubricDraft draft, String source) {
        StringBuilder y = new StringBuilder(8192);
        y.append("# yaml-language-server: $schema=../schema/rubric.schema.json\n");
        y.append("# 由 kaoping rubric import 从 ").append(oneLine(source)).append(" 生成；请核对后使用。\n");
        y.append("code: ").append(quoted(id)).append('\n');
        y.append("name: ").append(quoted(draft.name().isEmpty() ? id : draft.name())).append('\n');
        y.append("max: ").append(number(draft.max())).append('\n');
        y.append("categories:\n");
        for (RubricDraft.Category c : draft.categories()) {
            y.append("  - code: ").append(quoted(c.code())).append('\n');
            y.append("    name: ").append(quoted(c.name())).append('\n');
            y.append("    max: ").append(number(c.max())).append('\n');
            y.append("    leaves:\n");
            for (RubricDraft.Leaf l : c.leaves()) {
                y.append("      - code: ").append(quoted(l.code())).append('\n');
                y.append("        name: ").append(quoted(l.name())).append('\n');
                y.append("        max: ").append(number(l.max())).append('\n');
                if (!l.methods().isEmpty()) {
                    y.append("        methods: ").append(list(l.methods())).append('\n');
                }
                if (!l.departments().isEmpty()) {
                    y.append("        departments: ").append(list(l.departments())).append('\n');
                }
                if (!l.text().isEmpty()) {
                    y.append("        text: |\n");
                    for (String line : l.text().split("\n")) {
                        y.append("          ").append(line).append('\n');
                    }
                }
            }
        }
        if (!draft.prose().isEmpty()) {
            y.append("\n# ").append(TO_DO).append("：表格中以文字写出的加分、扣分、一票否决和封顶规定，照录如下。\n");
            y.append("# 请按 docs/configuration.md 写成 bonus: / deductions: / vetoes:，核对后删去这些注释。\n");
            for (String line : draft.prose()) {
                y.append("# ").append(TO_DO).append("：").append(oneLine(line)).append('\n');
            }
        }
        return y.toString();
    }

    /** A double-quoted scalar: any text, whatever YAML would otherwise read into it (a code 1.10 as a number, say). */
    static String quoted(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        q.append(String.format("\\x%02x", (int) ch));
                    } else {
                        q.append(ch);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items.stream().map(RubricYaml::quoted).toList()) + "]";
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
