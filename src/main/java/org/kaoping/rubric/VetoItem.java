package org.kaoping.rubric;

import java.util.List;

/** An occurrence that disqualifies the unit (一票否决, 取消评先/晋级资格). */
public record VetoItem(String name, List<String> aliases, String consequence) implements AdjustmentItem {
    public VetoItem {
        aliases = List.copyOf(aliases);
    }
}
