package org.kaoping.scoring.input;

/** Who scored: the unit itself (自评) or an inspection group (考核组). */
public enum Source {
    SELF("自评"),
    INSPECTION("考核");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
