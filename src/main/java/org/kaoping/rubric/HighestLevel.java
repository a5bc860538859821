package org.kaoping.rubric;

/**
 * How a bonus counts when the same achievement is claimed at several levels (highest-level-only rules such as
 * 焦作 {@code （一）1} "taken once at the highest level", or 益阳 经验推介 "同一内容按最高分加分，不重复加分").
 */
public enum HighestLevel {
    /** Every case counts. */
    NONE,
    /** The item counts once, at the highest level claimed. */
    ITEM,
    /** Claims with the same subject (the same 说明/佐证 text) count once, at their highest level. */
    SUBJECT,
    /**
     * Each level (kind) counts once, however many cases are claimed: 焦作 （一）4 "宣传材料、党建活动信息被工委采用的分别加1分、
     * 0.5分" states no 每, so it is read as once per kind (at most 1.5).
     */
    LEVEL;

    static HighestLevel parse(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "", "false", "none" -> NONE;
            case "item", "true" -> ITEM;
            case "subject" -> SUBJECT;
            case "level" -> LEVEL;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
