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
        y.append("# 由 kaoping rubric import 从 ").append(TableText.oneLine(source)).append(" 生成；请核对后使用。\n");
        y.append("code: ").append(quoted(id)).append('\n');
        y.append("name: ").append(quoted(draft.name().isEmpty() ? id : draft.name())).append('\n');
        y.append("max: ").append(number(draft.max())).append('\n');
        y.append("categories:\n");
        for (RubricDraft.Category c : draft.categories()) {
            y.append("  - code: ").append(quoted(c.code())).append('\n');
            y.append("    name: ").append(quoted(c.name())).append('\n');
            y.append("    max: ").append(number(c.max())).append('\n');
            if (c.indicators().isEmpty()) {
                leaves(y, "    ", c.leaves());
            } else {
                y.append("    indicators:\n");
                for (RubricDraft.Indicator i : c.indicators()) {
                    y.append("      - code: ").append(quoted(i.code())).append('\n');
                    y.append("        name: ").append(quoted(i.name())).append('\n');
                    y.append("        max: ").append(number(i.max())).append('\n');
                    leaves(y, "        ", i.leaves());
                }
            }
        }
        if (!draft.prose().isEmpty()) {
            y.append("\n# ").append(TO_DO).append("：表格中以文字写出的加分、扣分、一票否决和封顶规定，照录如下。\n");
            y.append("# 请按 docs/configuration.md 写成 bonus: / deductions: / vetoes:，核对后删去这些注释。\n");
            for (String line : draft.prose()) {
                y.append("# ").append(TO_DO).append("：").append(TableText.oneLine(line)).append('\n');
            }
        }
        return y.toString();
    }

    private static void leaves(StringBuilder y, String indent, List<RubricDraft.Leaf> leaves) {
        y.append(indent).append("leaves:\n");
        for (RubricDraft.Leaf l : leaves) {
            y.append(indent).append("  - code: ").append(quoted(l.code())).append('\n');
            y.append(indent).append("    name: ").append(quoted(l.name())).append('\n');
            y.append(indent).append("    max: ").append(number(l.max())).append('\n');
            if (!l.methods().isEmpty()) {
                y.append(indent).append("    methods: ").append(list(l.methods())).append('\n');
            }
            if (!l.departments().isEmpty()) {
                y.append(indent).append("    departments: ").append(list(l.departments())).append('\n');
            }
            text(y, indent + "    ", l.text());
            if (!l.parts().isEmpty()) {
                y.append(indent).append("    parts:\n");
                for (TableText.Part p : l.parts()) {
                    text(y, indent + "      - ", p.text());
                    y.append(indent).append("        max: ").append(number(p.points())).append('\n');
                }
            }
        }
    }

    /** A text as a literal block under {@code key} ({@code text: |}); {@code indent} ends where the key begins. */
    private static void text(StringBuilder y, String indent, String text) {
        if (text.isEmpty()) {
            return;
        }
        y.append(indent).append("text: |\n");
        String body = " ".repeat(indent.length() + 2);
        for (String line : text.split("\n")) {
            y.append(body).append(line).append('\n');
        }
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
}
