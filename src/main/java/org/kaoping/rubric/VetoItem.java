package org.kaoping.rubric;

import java.util.List;

/**
 * An occurrence that disqualifies the unit (一票否决, 取消评先/晋级资格). {@code leafCode} is set when a criterion
 * states the veto itself (焦作 {@code （六）1}: 出现违法案件的取消当年评先资格).
 */
public record VetoItem(String name, List<String> aliases, String consequence, String leafCode)
        implements AdjustmentItem {
    public VetoItem {
        aliases = List.copyOf(aliases);
    }

    public VetoItem(String name, List<String> aliases, String consequence) {
        this(name, aliases, consequence, null);
    }
}
