package org.kaoping.scoring.ranking;

/** How ranks follow a tie: committees use both, and a ranking table means nothing without knowing which. */
public enum RankingMethod {
    /** 1, 2, 2, 4: a tied group uses up as many places as it has units. */
    COMPETITION("competition", "并列占位（1, 2, 2, 4）"),
    /** 1, 1, 2 (中国式排名): the next distinct total takes the next rank. */
    DENSE("dense", "中国式排名（1, 1, 2）");

    private final String key;
    private final String label;

    RankingMethod(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value written in a campaign's {@code ranking.method}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
