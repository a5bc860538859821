package org.kaoping.scoring;

/** The 状态 column: ranked normally, vetoed (listed, not ranked), or without an inspection result. */
public enum Status {
    RANKED("正常"),
    VETOED("否决"),
    UNSCORED("未考核");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
