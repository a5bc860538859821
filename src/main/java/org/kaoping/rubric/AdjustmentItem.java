package org.kaoping.rubric;

import java.util.List;
import org.kaoping.text.Text;

/** Bonus, deduction and veto items are found by name or alias, as units spell them. */
public sealed interface AdjustmentItem permits BonusItem, DeductionItem, VetoItem {
    String name();

    List<String> aliases();

    default boolean matches(String text) {
        String key = Text.key(text);
        if (key.isEmpty()) {
            return false;
        }
        return Text.key(name()).equals(key) || aliases().stream().anyMatch(a -> Text.key(a).equals(key));
    }
}
