package org.kaoping.authoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Codes for a table's leaves and indicators as the bundled rubrics write them: the numbers the table shows where every
 * leaf has one ({@code （1）} → {@code 1}; numbers that start again in every category → {@code （一）1}), else the
 * position ({@code 类别序号.位置}); indicators {@code 类别序号.位置}.
 */
final class LeafCodes {
    private LeafCodes() {
    }

    static List<RubricDraft.Category> assign(List<RubricDraft.Category> categories) {
        boolean numbered = categories.stream().flatMap(c -> c.leaves().stream()).allMatch(l -> l.number() != null);
        boolean restarting = numbered && categories.size() > 1
                && categories.stream().allMatch(c -> c.leaves().get(0).number() == 1);
        List<RubricDraft.Category> out = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            RubricDraft.Category c = categories.get(i);
            List<RubricDraft.Leaf> leaves = new ArrayList<>();
            for (int j = 0; j < c.leaves().size(); j++) {
                RubricDraft.Leaf l = c.leaves().get(j);
                String code = !numbered ? (i + 1) + "." + (j + 1)
                        : restarting ? "（" + c.code() + "）" + l.number() : String.valueOf(l.number());
                leaves.add(new RubricDraft.Leaf(code, l.number(), l.name(), l.text(), l.max(), l.methods(),
                        l.departments(), l.parts(), l.row()));
            }
            List<RubricDraft.Indicator> indicators = new ArrayList<>();
            int next = 0;
            for (int k = 0; k < c.indicators().size(); k++) {
                RubricDraft.Indicator indicator = c.indicators().get(k);
                int size = indicator.leaves().size();
                indicators.add(new RubricDraft.Indicator((i + 1) + "." + (k + 1), indicator.name(), indicator.max(),
                        List.copyOf(leaves.subList(next, next + size))));
                next += size;
            }
            out.add(new RubricDraft.Category(c.code(), c.name(), c.max(), indicators, leaves));
        }
        return out;
    }
}
