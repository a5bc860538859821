package org.kaoping.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.AdjustmentType;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;

/**
 * Each rule kind the seed rubrics state, counted on the seed's own numbers with the rubric files as configured:
 * per-case by level, highest-level-only (per item and per subject), caps per item and overall, fixed per-case
 * deductions, ranges chosen by inspectors, headcount scaling, vetoes, and parts.
 */
class SeedRuleArithmeticTest {
    private static final RubricLoader LOADER = new RubricLoader();

    private static Rubric rubric(String code) {
        return LOADER.load(Path.of("config/rubrics", code + ".yml"));
    }

    /** Every leaf at its maximum, except those given as code=value; an optional 加（扣）分 as code+value. */
    private static ScoreSheet fullMarks(Rubric rubric, String... overrides) {
        List<LeafScore> scores = new ArrayList<>();
        int row = 4;
        for (Leaf leaf : rubric.leaves()) {
            BigDecimal value = leaf.max();
            BigDecimal adjustment = null;
            for (String o : overrides) {
                String[] kv = o.split("=");
                if (kv[0].equals(leaf.code())) {
                    value = new BigDecimal(kv[1]);
                }
                String[] ka = o.split("\\+=");
                if (ka.length == 2 && ka[0].equals(leaf.code())) {
                    value = leaf.max();
                    adjustment = new BigDecimal(ka[1]);
                }
            }
            row++;
            scores.add(new LeafScore(leaf.code(), value, value.toPlainString(), new CellRef("考核组.xlsx", "评分表", "D" + row),
                    adjustment, adjustment == null ? null : new CellRef("考核组.xlsx", "评分表", "C" + row)));
        }
        return new ScoreSheet(Source.INSPECTION, "甲单位", "第一组", new CellRef("考核组.xlsx", "评分表", ""), 0, scores,
                null, null, null, null, null, null);
    }

    private static Adjustment row(AdjustmentType type, String item, String level, String count, String points,
                                  String evidence, int line) {
        return new Adjustment(Source.INSPECTION, "甲单位", "第一组", 0, type, item, level,
                count == null ? null : new BigDecimal(count), points == null ? null : new BigDecimal(points), evidence,
                new CellRef("考核组.xlsx", "加扣分", "C" + line));
    }

    private static RosterUnit unit(Integer headcount) {
        return new RosterUnit("甲单位", List.of(), headcount, "", "第一组");
    }

    @Nested
    class Jiaozuo {
        private final Rubric rubric = rubric("jiaozuo-2016");
        private final UnitScorer scorer = new UnitScorer(rubric);

        private Scored score(Adjustment... rows) {
            return scorer.score(unit(40), fullMarks(rubric), List.of(rows));
        }

        @Test
        void unitAwardClaimedAtProvinceAndNationLevelCountsOnlyTheNationalFive() {
            Scored s = score(row(AdjustmentType.BONUS, "（一）1", "省级", "1", null, "省级表彰文件", 2),
                    row(AdjustmentType.BONUS, "（一）1", "国家级", "1", null, "国家级表彰文件", 3));
            assertThat(s.bonus()).isEqualByComparingTo("5");
            assertThat(s.total()).isEqualByComparingTo("105");
            assertThat(s.adjustments()).extracting(AppliedAdjustment::level, a -> a.amount().toPlainString(), AppliedAdjustment::note)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("省级", "0", "只按最高级别计一次"),
                            org.assertj.core.groups.Tuple.tuple("国家级", "5", ""));
            assertThat(s.discrepancies()).isEmpty();
        }

        @Test
        void theSameInnovationOutcomeCountsOnceAtItsHighestLevelWhileDifferentOutcomesAddUp() {
            Scored s = score(row(AdjustmentType.BONUS, "（三）1", "省级", "1", null, "网上办事平台", 2),
                    row(AdjustmentType.BONUS, "（三）1", "国家级", "1", null, "网上办事 平台", 3),
                    row(AdjustmentType.BONUS, "（三）1", "市级", "1", null, "档案数字化", 4));
            // 网上办事平台: 国家级 3 (省级 2 not counted) + 档案数字化: 市级 1
            assertThat(s.bonus()).isEqualByComparingTo("4");
        }

        @Test
        void suggestionsAdoptedCountHalfAPointEachUpToThree() {
            Scored s = score(row(AdjustmentType.BONUS, "（三）4", "", "7", null, "采纳意见建议", 2));
            // 0.5 × 7 = 3.5, cut to the criterion's cap 3
            assertThat(s.bonus()).isEqualByComparingTo("3");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.BONUS_OVER_CAP);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C2");
                assertThat(d.item()).isEqualTo("（三）4 " + rubric.leaf("（三）4").orElseThrow().name());
            });
        }

        @Test
        void materialAndPartyNewsAdoptedCountOncePerKindAtMostOneAndAHalf() {
            // "宣传材料、党建活动信息被工委采用的分别加1分、0.5分" has no 每: read as once per kind
            Scored s = score(row(AdjustmentType.BONUS, "（一）4", "宣传材料", "3", null, "简报采用", 2),
                    row(AdjustmentType.BONUS, "（一）4", "党建活动信息", "2", null, "信息采用", 3),
                    row(AdjustmentType.BONUS, "（一）4", "宣传材料", "1", null, "网站采用", 4));
            assertThat(s.bonus()).isEqualByComparingTo("1.5");
            assertThat(s.adjustments()).extracting(a -> a.amount().stripTrailingZeros().toPlainString(),
                    AppliedAdjustment::note).containsExactly(org.assertj.core.groups.Tuple.tuple("1", "按 1 次计"),
                    org.assertj.core.groups.Tuple.tuple("0.5", "按 1 次计"),
                    org.assertj.core.groups.Tuple.tuple("0", "每个级别只计一次"));
            assertThat(s.discrepancies()).isEmpty();
        }

        @Test
        void aPaperCommendedTwiceCountsTwoOnce() {
            Scored s = score(row(AdjustmentType.BONUS, "（二）4", "", "2", null, "论文被省里表彰", 2));
            assertThat(s.bonus()).isEqualByComparingTo("2");
        }

        @Test
        void newsAdoptedTypedBesideTheScoreIsCutToOneAndAHalf() {
            Scored s = scorer.score(unit(40), fullMarks(rubric, "（一）4+=3"), List.of());
            assertThat(s.bonus()).isEqualByComparingTo("1.5");
            assertThat(s.discrepancies()).singleElement()
                    .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.BONUS_OVER_CAP));
        }

        @Test
        void bonusTypedBesideTheScoreIsCutToTheBestSingleCase() {
            Scored s = scorer.score(unit(40), fullMarks(rubric, "（一）1+=6"), List.of());
            assertThat(s.bonus()).isEqualByComparingTo("5");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.BONUS_OVER_CAP);
                assertThat(d.where().cell()).isEqualTo("C5");
            });
        }

        @Test
        void eachReprimandDeductsTwoWhetherTheRowNamesTheItemOrTheCriterionAndATypedFiveIsReported() {
            Scored s = score(row(AdjustmentType.DEDUCTION, "通报批评", "", "1", null, "纪律作风检查通报", 2),
                    row(AdjustmentType.DEDUCTION, "（六）2", "", "1", "5", "另一次通报", 3));
            // 2 × 1 + 2 × 1 (the criterion fixes 2 per case; the row's 5 does not count, and is reported)
            assertThat(s.deduction()).isEqualByComparingTo("4");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.POINTS_DIFFER);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C3");
                assertThat(d.message()).isEqualTo("考核：分值 5 与细则规定的每例 2 分不符，按 2 分计");
            });
        }

        @Test
        void threeReprimandsTakeTheItemsFourPointsNotSixAndTheExcessIsReported() {
            Scored s = score(row(AdjustmentType.DEDUCTION, "通报批评", "", "2", null, "纪律作风检查通报", 2),
                    row(AdjustmentType.DEDUCTION, "（六）2", "", "1", null, "另一次通报", 3));
            assertThat(s.deduction()).isEqualByComparingTo("4");
            assertThat(s.total()).isEqualByComparingTo("96");
            assertThat(s.adjustments()).extracting(a -> a.amount().toPlainString()).containsExactly("4", "0");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.DEDUCTION_OUT_OF_RANGE);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C3");
                assertThat(d.message()).contains("扣分合计 6 超过该项分值 4，按 4 分扣");
            });
        }

        @Test
        void aNegativeAdjustmentBesideALeafIsBoundedByTheLeaf() {
            Scored s = scorer.score(unit(40), fullMarks(rubric, "（六）2+=-6"), List.of());
            assertThat(s.deduction()).isEqualByComparingTo("4");
            assertThat(s.discrepancies()).extracting(d -> d.message())
                    .anySatisfy(m -> assertThat(m).contains("扣分合计 6 超过该项分值 4"));
        }

        @Test
        void aCriminalCaseVetoesTheUnitWithTheCriterionsConsequence() {
            Scored s = score(row(AdjustmentType.VETO, "（六）1", "", null, null, "某某违法案件", 2));
            assertThat(s.vetoed()).isTrue();
            assertThat(s.total()).isEqualByComparingTo("100");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.VETOED);
                assertThat(d.message()).contains("取消当年评先资格").contains("某某违法案件");
            });
        }

        @Test
        void aBonusBesideACriterionThatStatesNoneCountsNothingAndIsReported() {
            Scored s = scorer.score(unit(40), fullMarks(rubric, "（一）2+=1"), List.of());
            assertThat(s.bonus()).isEqualByComparingTo("0");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_ITEM);
                assertThat(d.where().cell()).isEqualTo("C6");
                assertThat(d.message()).contains("评分细则未规定此项可加分");
            });
        }

        @Test
        void aReprimandDeductionThatIsNotWholeCasesIsCountedAsTypedAndReported() {
            Scored s = scorer.score(unit(40), fullMarks(rubric, "（六）2+=-3"), List.of());
            assertThat(s.deduction()).isEqualByComparingTo("3");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.DEDUCTION_OUT_OF_RANGE);
                assertThat(d.message()).contains("扣分 3 不是每例 2 分的整数倍");
            });
        }

        @Test
        void aLevelTheCriterionDoesNotHaveCountsNothingAndIsReported() {
            Scored s = score(row(AdjustmentType.BONUS, "（一）1", "县级", "1", null, "", 2));
            assertThat(s.bonus()).isEqualByComparingTo("0");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_ITEM);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C2");
                assertThat(d.message()).contains("没有级别“县级”").contains("国家级");
            });
        }
    }

    @Nested
    class Yiyang {
        private final Rubric rubric = rubric("yiyang-2021");
        private final UnitScorer scorer = new UnitScorer(rubric);

        @Test
        void honoursAddTwoOneAndPointTwoPerTitleUpToTen() {
            Scored s = scorer.score(unit(60), fullMarks(rubric), List.of(
                    row(AdjustmentType.BONUS, "荣誉称号", "国家级", "3", null, "", 2),
                    row(AdjustmentType.BONUS, "荣誉称号", "省部级", "6", null, "", 3),
                    row(AdjustmentType.BONUS, "荣誉称号", "市级", "10", null, "", 4)));
            // 2 × 3 + 1 × 6 + 0.2 × 10 = 14, cut to 10
            assertThat(s.bonus()).isEqualByComparingTo("10");
            assertThat(s.adjustments()).extracting(a -> a.amount().stripTrailingZeros().toPlainString())
                    .containsExactly("6", "4", "0");
        }

        @Test
        void theSameExperienceCountsOnceAtItsHighestLevel() {
            Scored s = scorer.score(unit(60), fullMarks(rubric), List.of(
                    row(AdjustmentType.BONUS, "经验推介", "省级", "1", null, "党校智库经验", 2),
                    row(AdjustmentType.BONUS, "经验推介", "国家级", "1", null, "党校智库经验", 3),
                    row(AdjustmentType.BONUS, "经验推介", "省级", "1", null, "志愿服务经验", 4)));
            assertThat(s.bonus()).isEqualByComparingTo("5");
        }

        @Test
        void aPartScoredAboveItsOwnMaximumCountsItsMaximum() {
            Scored s = scorer.score(unit(60), fullMarks(rubric, "19(2)=2"), List.of());
            assertThat(s.leafScores().get("19(2)")).isEqualByComparingTo("1");
            assertThat(s.base()).isEqualByComparingTo("100");
            assertThat(s.discrepancies()).singleElement()
                    .satisfies(d -> assertThat(d.kind()).isEqualTo(DiscrepancyKind.SCORE_ABOVE_MAX));
        }
    }

    @Nested
    class Shanxi {
        private final Rubric rubric = rubric("shanxi-2020");
        private final UnitScorer scorer = new UnitScorer(rubric);

        private Scored score(ScoreSheet sheet, Adjustment... rows) {
            return scorer.score(unit(300), sheet, List.of(rows));
        }

        @Test
        void influenceScoredAtItsFivePointsCountsTheFourItsTextStatesAndIsReportedAtItsCell() {
            Scored s = score(fullMarks(rubric));
            assertThat(s.base()).isEqualByComparingTo("99");
            assertThat(s.leafScores().get("6.4")).isEqualByComparingTo("4");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.SCORE_ABOVE_MAX);
                assertThat(d.item()).isEqualTo("6.4 影响广泛");
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!评分表!D" + (5 + rubric.leaves().indexOf(
                        rubric.leaf("6.4").orElseThrow())));
                assertThat(d.message()).isEqualTo("考核：得分 5 超过细则所述本项最高分 4（分值 5），按 4 分计");
            });
        }

        @Test
        void awardsListedForInfluenceThatAddUpToItsScoreAreNotReportedAndAddNoBonus() {
            // 项目甲 at 省部级 and 国家级 counts 0.8 once; 项目乙 厅局级 0.2; 项目丙 省部级 0.5: 1.5
            Scored s = score(fullMarks(rubric, "6.4=1.5"),
                    row(AdjustmentType.BONUS, "6.4", "省部级", "1", null, "项目甲", 2),
                    row(AdjustmentType.BONUS, "6.4", "国家级", "1", null, "项目甲", 3),
                    row(AdjustmentType.BONUS, "6.4", "厅局级", "1", null, "项目乙", 4),
                    row(AdjustmentType.BONUS, "6.4", "省部级", "1", null, "项目丙", 5));
            assertThat(s.bonus()).isEqualByComparingTo("0");
            assertThat(s.leafScores().get("6.4")).isEqualByComparingTo("1.5");
            assertThat(s.discrepancies()).isEmpty();
        }

        @Test
        void aScoreTheListedAwardsDoNotEarnCountsAsGivenAndIsReportedAtItsCell() {
            Scored s = score(fullMarks(rubric, "6.4=2"),
                    row(AdjustmentType.BONUS, "6.4", "省部级", "2", null, "项目甲", 2),
                    row(AdjustmentType.BONUS, "6.4", "厅局级", "1", null, "", 3));
            assertThat(s.leafScores().get("6.4")).isEqualByComparingTo("2");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.EARNED_SCORE_DIFFERS);
                assertThat(d.where().cell()).isEqualTo("D" + (5 + rubric.leaves().indexOf(rubric.leaf("6.4").orElseThrow())));
                assertThat(d.message()).isEqualTo("考核：得分 2 与所列 2 项依据按细则应得的 0.7 分不符（厅局级 0.2、省部级 0.5、"
                        + "国家级 0.8，同一内容只按最高级别计一次，最多 4 分），按所填得分计");
            });
        }

        @Test
        void aBonusBesideALeafIsReportedAndNotCountedAsTheRubricGrantsNone() {
            Scored s = score(fullMarks(rubric, "6.4=4", "1.1+=2"));
            assertThat(s.bonus()).isEqualByComparingTo("0");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_ITEM);
                assertThat(d.message()).isEqualTo("考核：评分细则未规定此项可加分，加分 2未计");
            });
        }

        @Test
        void aMatrixBonusTotalIsReportedAndNotCountedAsTheRubricGrantsNone() {
            ScoreSheet full = fullMarks(rubric, "6.4=4");
            CellRef cell = new CellRef("考核组.xlsx", "汇总表", "AC4");
            ScoreSheet matrix = new ScoreSheet(full.source(), full.unit(), full.group(), full.origin(), 0, full.scores(),
                    null, null, new BigDecimal("3"), cell, null, null);
            Scored s = score(matrix);
            assertThat(s.bonus()).isEqualByComparingTo("0");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_ITEM);
                assertThat(d.where()).isEqualTo(cell);
            });
        }

        @Test
        void aVetoRowIsReportedAndNotAppliedAsTheRubricDefinesNoVeto() {
            Scored s = score(fullMarks(rubric, "6.4=4"), row(AdjustmentType.VETO, "严重违纪", "", null, null, "", 2));
            assertThat(s.vetoed()).isFalse();
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.UNKNOWN_ITEM);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C2");
                assertThat(d.message()).isEqualTo("考核：评分细则没有一票否决项目，否决“严重违纪”未执行");
            });
        }
    }

    @Nested
    class Hunan {
        private final Rubric rubric = rubric("hunan-2023");
        private final UnitScorer scorer = new UnitScorer(rubric);

        @Test
        void partyDisciplineOfFourPointsAt350StaffDeducts240() {
            Scored s = scorer.score(unit(350), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "党纪处分", "", "1", "4", "", 2)));
            assertThat(s.deduction()).isEqualByComparingTo("2.40");
            assertThat(s.adjustments().get(0).factor()).isEqualByComparingTo("0.6");
        }

        @Test
        void aScaledDeductionWithoutAHeadcountCountsInFullAndIsReportedAsAnErrorAtItsCell() {
            Scored s = scorer.score(unit(null), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "党纪处分", "", "1", "4", "", 2)));
            assertThat(s.deduction()).isEqualByComparingTo("4");
            assertThat(s.adjustments().get(0).note()).isEqualTo("在职人数未知，未折算");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.MISSING_HEADCOUNT);
                assertThat(d.kind().severity()).isEqualTo(DiscrepancyKind.Severity.ERROR);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C2");
                assertThat(d.unit()).isEqualTo("甲单位");
            });
        }

        @Test
        void oneFalseReportDeductsFiveAndDisqualifiesAndAVetoRowNamingItDeductsNothingMore() {
            Scored deducted = scorer.score(unit(100), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "虚假信息", "", "1", null, "平台抽查", 2)));
            assertThat(deducted.deduction()).isEqualByComparingTo("5");
            assertThat(deducted.vetoed()).isTrue();
            assertThat(deducted.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.VETOED);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C2");
                assertThat(d.message()).contains("取消晋级资格");
            });

            Scored vetoed = scorer.score(unit(100), fullMarks(rubric), List.of(
                    row(AdjustmentType.VETO, "虚假信息", "", null, null, "平台抽查", 2)));
            assertThat(vetoed.deduction()).isEqualByComparingTo("0");
            assertThat(vetoed.vetoed()).isTrue();
        }

        @Test
        void eachOfTheFiveMajorIncidentsIsKnownByItsOwnNameAndDeductsFortyNotScaledByHeadcount() {
            // 820 staff: a scaled item would count 40 %
            Scored s = scorer.score(unit(820), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "重大安全责任事故", "", "1", null, "", 2),
                    row(AdjustmentType.DEDUCTION, "重大消防责任事故", "", "1", null, "", 3),
                    row(AdjustmentType.DEDUCTION, "重大食物中毒事件", "", "1", null, "", 4),
                    row(AdjustmentType.DEDUCTION, "重大不诚信事件", "", "1", null, "", 5),
                    row(AdjustmentType.DEDUCTION, "重大疫情传播事件", "", "2", null, "", 6)));
            assertThat(s.deduction()).isEqualByComparingTo("240");
            assertThat(s.adjustments()).extracting(AppliedAdjustment::item).containsExactly("重大安全责任事故",
                    "重大消防责任事故", "重大食物中毒事件", "重大不诚信事件", "重大疫情传播事件");
            assertThat(s.adjustments()).allSatisfy(a -> {
                assertThat(a.pointsPerCase()).isEqualByComparingTo("40");
                assertThat(a.factor()).isEqualByComparingTo("1");
            });
            assertThat(s.discrepancies()).isEmpty();
        }

        @Test
        void reprimandedSafetyEnvironmentAndMassIncidentCasesDeductTenEach() {
            Scored s = scorer.score(unit(820), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "安全责任事故", "", "2", null, "", 2),
                    row(AdjustmentType.DEDUCTION, "环保不达标", "", "1", null, "", 3),
                    row(AdjustmentType.DEDUCTION, "群体性事件", "", "1", null, "", 4)));
            assertThat(s.deduction()).isEqualByComparingTo("40");
            assertThat(s.adjustments()).extracting(a -> a.amount().intValueExact()).containsExactly(20, 10, 10);
        }

        @Test
        void fixedReprimandIsNotScaledByHeadcount() {
            Scored s = scorer.score(unit(820), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "通报批评", "", "2", null, "", 2)));
            assertThat(s.deduction()).isEqualByComparingTo("6");
        }

        @Test
        void disciplinePointsOutsideTheRangeCountTheNearestBoundAndAreReportedWithTheCell() {
            Scored s = scorer.score(unit(100), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "党纪处分", "", "1", "8", "", 7)));
            assertThat(s.deduction()).isEqualByComparingTo("6");
            assertThat(s.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DiscrepancyKind.DEDUCTION_OUT_OF_RANGE);
                assertThat(d.where().toString()).isEqualTo("考核组.xlsx!加扣分!C7");
            });
        }

        @Test
        void featureBonusIsCutToTenAndAllBonusesToTwenty() {
            Scored s = scorer.score(unit(100), fullMarks(rubric), List.of(
                    row(AdjustmentType.BONUS, "特色创建", "国家级", "4", null, "", 2),
                    row(AdjustmentType.BONUS, "荣誉称号", "国家级", "3", null, "", 3)));
            // 特色创建 3 × 4 = 12 → 10; 荣誉称号 5 × 3 = 15; 25 → 20 overall
            assertThat(s.bonus()).isEqualByComparingTo("20");
            assertThat(s.discrepancies()).extracting(Discrepancy::kind)
                    .containsExactly(DiscrepancyKind.BONUS_OVER_CAP, DiscrepancyKind.BONUS_OVER_CAP);
        }

        @Test
        void falseInformationDeductsFiveAndVetoesPromotion() {
            Scored s = scorer.score(unit(100), fullMarks(rubric), List.of(
                    row(AdjustmentType.DEDUCTION, "虚假信息", "", "1", null, "", 2),
                    row(AdjustmentType.VETO, "虚假信息", "", null, null, "平台填报不实", 3)));
            assertThat(s.deduction()).isEqualByComparingTo("5");
            assertThat(s.vetoed()).isTrue();
            assertThat(s.discrepancies()).filteredOn(d -> d.kind() == DiscrepancyKind.VETOED).singleElement()
                    .satisfies(d -> assertThat(d.message()).contains("取消晋级资格"));
        }
    }
}
