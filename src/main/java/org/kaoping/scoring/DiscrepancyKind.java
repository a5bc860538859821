package org.kaoping.scoring;

/** The kinds of the discrepancy report (scoring-rules.md), with the label staff read in 差异明细. */
public enum DiscrepancyKind {
    SCORE_ABOVE_MAX("得分超过满分", Severity.ERROR),
    SCORE_BELOW_ZERO("得分为负", Severity.ERROR),
    MISSING_SCORE("缺少得分", Severity.ERROR),
    UNREADABLE_SCORE("得分无法识别", Severity.ERROR),
    UNMATCHED_ROW("无法对应的行", Severity.WARNING),
    UNMATCHED_LEAF("未填报的评分项", Severity.ERROR),
    OWN_TOTAL_DIFFERS("合计不符", Severity.WARNING),
    EARNED_SCORE_DIFFERS("得分与所列依据不符", Severity.WARNING),
    SELF_OFFICIAL_GAP("自评与考核差异", Severity.WARNING),
    BONUS_OVER_CAP("加分超过上限", Severity.ERROR),
    DEDUCTION_OUT_OF_RANGE("扣分超出范围", Severity.ERROR),
    POINTS_DIFFER("分值与细则不符", Severity.WARNING),
    MISSING_HEADCOUNT("缺少在职人数", Severity.ERROR),
    UNKNOWN_ITEM("未知加扣分项目", Severity.ERROR),
    NOT_SUBMITTED("未提交", Severity.WARNING),
    UNKNOWN_UNIT("未知单位", Severity.ERROR),
    UNKNOWN_GROUP("未知考核组", Severity.ERROR),
    SCORED_BY_OTHER_GROUP("非本组考核", Severity.WARNING),
    SUPERSEDED_FILE("已被替代的文件", Severity.WARNING),
    REJECTED_FILE("拒收文件", Severity.ERROR),
    IGNORED_FILE("忽略的文件", Severity.WARNING),
    VETOED("一票否决", Severity.ERROR),
    // Last, so that the kinds stored before it keep their numbers.
    READ_AS_CONTENT("按实际格式读取", Severity.WARNING);

    public enum Severity { ERROR, WARNING }

    private final String label;
    private final Severity severity;

    DiscrepancyKind(String label, Severity severity) {
        this.label = label;
        this.severity = severity;
    }

    public String label() {
        return label;
    }

    public Severity severity() {
        return severity;
    }
}
