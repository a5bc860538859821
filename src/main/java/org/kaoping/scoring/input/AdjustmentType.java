package org.kaoping.scoring.input;

import java.util.Optional;
import org.kaoping.text.Text;

/** The 类型 of an adjustment row. */
public enum AdjustmentType {
    BONUS("加分"),
    DEDUCTION("扣分"),
    VETO("否决");

    private final String label;

    AdjustmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<AdjustmentType> parse(String text) {
        String key = Text.key(text);
        return switch (key) {
            case "加分", "加" -> Optional.of(BONUS);
            case "扣分", "扣", "减分" -> Optional.of(DEDUCTION);
            case "否决", "一票否决", "取消资格" -> Optional.of(VETO);
            default -> Optional.empty();
        };
    }
}
