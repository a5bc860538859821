package org.kaoping.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderTest {

    private final RubricLoader loader = new RubricLoader();

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private Rubric loadString(String yaml) {
        return loader.load("broken.yml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Shanxi2020 {

        private final Rubric rubric = loader.load(Path.of("config/rubrics/shanxi-2020.yml"));

        @Test
        void loadsSixCategoriesAndTwentySixLeavesTotallingOneHundred() {
            assertThat(rubric.code()).isEqualTo("shanxi-2020");
            assertThat(rubric.name()).isEqualTo("山西省直文明单位考核指标体系");
            assertThat(rubric.max()).isEqualByComparingTo(dec("100"));
            assertThat(rubric.categories()).extracting(Category::code).containsExactly("一", "二", "三", "四", "五", "六");
            assertThat(rubric.categories()).extracting(Category::max)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("16"), dec("22"), dec("11"), dec("16"), dec("16"), dec("19"));
            assertThat(rubric.leaves()).hasSize(26);
            assertThat(rubric.leaves().stream().map(Leaf::max).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(dec("100"));
        }

        @Test
        void isTwoLevelWithLeavesDirectlyUnderCategories() {
            assertThat(rubric.categories()).allSatisfy(c -> assertThat(c.indicators()).isEmpty());
            assertThat(rubric.categories().get(0).name()).isEqualTo("强化政治引领 领导班子好");
        }

        @Test
        void leafTwoPointTwoIsThoughtAndMoralityWorthSix() {
            Leaf leaf = rubric.leaf("2.2").orElseThrow();
            assertThat(leaf.name()).isEqualTo("思想道德建设");
            assertThat(leaf.max()).isEqualByComparingTo(dec("6"));
            assertThat(leaf.categoryCode()).isEqualTo("二");
            assertThat(leaf.categoryOrdinal()).isEqualTo(2);
            assertThat(leaf.position()).isEqualTo(2);
            assertThat(leaf.label()).isEqualTo("2.2 思想道德建设");
            assertThat(leaf.text()).startsWith("1、深入开展").contains("6、加强机关文化");
        }

        @Test
        void leafAtFiveThreeIsPublicHygiene() {
            assertThat(rubric.leafAt(5, 3)).map(Leaf::name).contains("公共卫生");
            assertThat(rubric.leafAt(5, 3)).map(Leaf::code).contains("5.3");
            assertThat(rubric.leafAt(7, 1)).isEmpty();
            assertThat(rubric.leafAt(5, 6)).isEmpty();
        }

        @Test
        void leafNamesAreTheIndicatorsWithoutLineBreaks() {
            assertThat(rubric.leaf("2.1")).map(Leaf::name).contains("社会主义核心价值观建设");
            assertThat(rubric.leaf("2.4")).map(Leaf::name).contains("业务能力建设");
            assertThat(rubric.leaf("6.4")).map(Leaf::name).contains("影响广泛");
            assertThat(rubric.leaves()).allSatisfy(l -> assertThat(l.name()).doesNotContainAnyWhitespaces());
        }

        @Test
        void methodsOfTwoPointFiveContainUnannouncedVisit() {
            assertThat(rubric.leaf("2.5").orElseThrow().methods()).containsExactly("暗访", "实地查看", "查看资料");
            assertThat(rubric.leaf("1.1").orElseThrow().methods()).containsExactly("群众谈话", "查看资料", "问卷调查");
        }

        @Test
        void wideInfluenceLeafIsWorthFiveAndKeepsItsCapNoteInText() {
            Leaf leaf = rubric.leaf("6.4").orElseThrow();
            assertThat(leaf.max()).isEqualByComparingTo(dec("5"));
            assertThat(leaf.text()).contains("此项最高分为4分");
        }

        @Test
        void hasNoBonusDeductionOrVetoRules() {
            assertThat(rubric.bonusCap()).isNull();
            assertThat(rubric.bonusItems()).isEmpty();
            assertThat(rubric.deductionItems()).isEmpty();
            assertThat(rubric.vetoItems()).isEmpty();
            assertThat(rubric.headcountBands()).isEmpty();
            assertThat(rubric.headcountFactor(800)).isEqualByComparingTo(BigDecimal.ONE);
        }
    }

    @Nested
    class Hunan2023 {

        private final Rubric rubric = loader.load(Path.of("config/rubrics/hunan-2023.yml"));

        @Test
        void loadsTwentyTwoLeavesInThreeLevels() {
            assertThat(rubric.code()).isEqualTo("hunan-2023");
            assertThat(rubric.max()).isEqualByComparingTo(dec("100"));
            assertThat(rubric.categories()).hasSize(6);
            assertThat(rubric.categories()).allSatisfy(c -> assertThat(c.indicators()).isNotEmpty());
            assertThat(rubric.categories()).extracting(Category::max)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("28"), dec("22"), dec("14"), dec("16"), dec("10"), dec("10"));
            assertThat(rubric.categories().stream().mapToInt(c -> c.indicators().size()).sum()).isEqualTo(15);
            assertThat(rubric.leaves()).extracting(Leaf::code)
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
                            "16", "17", "18", "19", "20", "21", "22");
            Indicator politics = rubric.categories().get(0).indicators().get(1);
            assertThat(politics.code()).isEqualTo("1.2");
            assertThat(politics.name()).isEqualTo("政治建设");
            assertThat(politics.max()).isEqualByComparingTo(dec("11"));
            assertThat(politics.leaves()).extracting(Leaf::code).containsExactly("4", "5", "6");
        }

        @Test
        void leafPositionsCountWithinTheCategoryAcrossIndicators() {
            Leaf six = rubric.leaf("6").orElseThrow();
            assertThat(six.categoryCode()).isEqualTo("一");
            assertThat(six.position()).isEqualTo(6);
            assertThat(rubric.leafAt(2, 4)).map(Leaf::code).contains("10");
        }

        @Test
        void leafTwentyTwoIsWorthFive() {
            Leaf leaf = rubric.leaf("22").orElseThrow();
            assertThat(leaf.max()).isEqualByComparingTo(dec("5"));
            assertThat(leaf.departments()).containsExactly("机关党委", "机关各部门");
        }

        @Test
        void leafNamesAreShortAndDifferFromIndicatorNames() {
            Set<String> indicatorNames = rubric.categories().stream().flatMap(c -> c.indicators().stream())
                    .map(Indicator::name).collect(Collectors.toSet());
            assertThat(rubric.leaves()).allSatisfy(l -> {
                assertThat(l.name().length()).isBetween(4, 10);
                assertThat(indicatorNames).doesNotContain(l.name());
            });
        }

        @Test
        void leafTextsDropTheOrdinalAndTheTrailingPoints() {
            assertThat(rubric.leaves()).allSatisfy(l -> {
                assertThat(l.text()).doesNotStartWith("（").doesNotMatch("(?s).*\\d\\s*分$");
                assertThat(l.text()).doesNotContain("\n");
            });
            assertThat(rubric.leaf("1").orElseThrow().departments()).containsExactly("办公室", "机关党委", "机关团委");
        }

        @Test
        void bonusIsCappedAtTwentyAndFeatureCreationAtTen() {
            assertThat(rubric.bonusCap()).isEqualByComparingTo(dec("20"));
            BonusItem honours = rubric.bonusItem("荣誉称号").orElseThrow();
            assertThat(honours.levels().get("国家级")).isEqualByComparingTo(dec("5"));
            assertThat(honours.levels().get("省部级")).isEqualByComparingTo(dec("3"));
            assertThat(honours.cap()).isNull();
            BonusItem feature = rubric.bonusItem("特色创建").orElseThrow();
            assertThat(feature.cap()).isEqualByComparingTo(dec("10"));
            assertThat(feature.levels().get("国家级")).isEqualByComparingTo(dec("3"));
            assertThat(feature.levels().get("省直机关")).isEqualByComparingTo(dec("0.5"));
        }

        @Test
        void partyDisciplineIsARangeFromTwoToSixScaledByHeadcount() {
            DeductionItem item = rubric.deductionItem("党纪处分").orElseThrow();
            assertThat(item.ranged()).isTrue();
            assertThat(item.rangeMin()).isEqualByComparingTo(dec("2"));
            assertThat(item.rangeMax()).isEqualByComparingTo(dec("6"));
            assertThat(item.scaled()).isTrue();
            assertThat(rubric.deductionItem("受党纪处分")).contains(item);
        }

        @Test
        void otherDeductionsCarryTheSeedsPoints() {
            // 安全事故 as the seed names its kinds: three at 10 (通报批评), five at 40
            assertThat(rubric.deductionItems()).hasSize(19);
            for (String kind : List.of("重大安全责任事故", "重大消防责任事故", "重大食物中毒事件", "重大不诚信事件", "重大疫情传播事件")) {
                DeductionItem item = rubric.deductionItem(kind).orElseThrow();
                assertThat(item.points()).isEqualByComparingTo(dec("40"));
                assertThat(item.scaled()).isFalse();
            }
            for (String kind : List.of("安全责任事故", "环保不达标", "群体性事件")) {
                assertThat(rubric.deductionItem(kind).orElseThrow().points()).isEqualByComparingTo(dec("10"));
            }
            assertThat(rubric.deductionItem("通报批评").orElseThrow().points()).isEqualByComparingTo(dec("3"));
            DeductionItem crime = rubric.deductionItem("刑事责任").orElseThrow();
            assertThat(crime.levels().get("主要领导")).isEqualByComparingTo(dec("40"));
            assertThat(crime.levels().get("其他人员")).isEqualByComparingTo(dec("10"));
            assertThat(crime.scaled()).isTrue();
            DeductionItem ideology = rubric.deductionItem("意识形态").orElseThrow();
            assertThat(ideology.scaled()).isFalse();
            assertThat(ideology.levels().get("重大负面舆情")).isEqualByComparingTo(dec("40"));
            assertThat(rubric.deductionItem("党建述职评议").orElseThrow().levels().get("较差"))
                    .isEqualByComparingTo(dec("20"));
            assertThat(rubric.deductionItem("填报虚假信息").orElseThrow().points()).isEqualByComparingTo(dec("5"));
        }

        @Test
        void headcountFactorIsSixtyPercentFrom200To500AndFortyPercentAbove() {
            assertThat(rubric.headcountFactor(350)).isEqualByComparingTo(dec("0.6"));
            assertThat(rubric.headcountFactor(200)).isEqualByComparingTo(dec("0.6"));
            assertThat(rubric.headcountFactor(500)).isEqualByComparingTo(dec("0.6"));
            assertThat(rubric.headcountFactor(501)).isEqualByComparingTo(dec("0.4"));
            assertThat(rubric.headcountFactor(820)).isEqualByComparingTo(dec("0.4"));
            assertThat(rubric.headcountFactor(120)).isEqualByComparingTo(BigDecimal.ONE);
        }

        @Test
        void falseInformationIsAVetoThatCancelsPromotion() {
            VetoItem veto = rubric.vetoItem("虚假信息").orElseThrow();
            assertThat(veto.consequence()).isEqualTo("取消晋级资格");
            assertThat(rubric.vetoItem("填报 虚假信息")).contains(veto);
            assertThat(rubric.vetoItems()).hasSize(1);
        }
    }

    @Nested
    class BrokenRubrics {

        @Test
        void leavesNotSummingToTheCategoryMaxAreRefusedNamingCategoryAndBothSums() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 16
                        leaves:
                          - {code: "1.1", name: 思想建设, max: 3}
                          - {code: "1.2", name: 民主建设, max: 12}
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("broken.yml").hasMessageContaining("categories[一]")
                    .hasMessageContaining("16").hasMessageContaining("15");
        }

        @Test
        void indicatorsNotSummingToTheCategoryMaxAreRefusedNamingCategoryAndBothSums() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 28
                        indicators:
                          - code: "1.1"
                            max: 17
                            leaves: [{code: "1", max: 17}]
                          - code: "1.2"
                            max: 10
                            leaves: [{code: "2", max: 10}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[一]").hasMessageContaining("28").hasMessageContaining("27");
        }

        @Test
        void leavesNotSummingToTheIndicatorMaxAreRefusedNamingTheIndicator() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 11
                        indicators:
                          - code: "1.2"
                            max: 11
                            leaves: [{code: "4", max: 4}, {code: "5", max: 3}, {code: "6", max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("indicators[1.2]").hasMessageContaining("11").hasMessageContaining("10");
        }

        @Test
        void categoriesNotSummingToTheTotalAreRefused() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    max: 100
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "1.1", max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("100").hasMessageContaining("3");
        }

        @Test
        void keyWrittenTwiceInOneNodeIsRefused() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        max: 5
                        leaves: [{code: "1.1", max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("max");
        }

        @Test
        void categoryWithBothIndicatorsAndLeavesIsRefusedNamingIt() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        indicators: [{code: "1.1", max: 3, leaves: [{code: "1", max: 3}]}]
                        leaves: [{code: "2", max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[一]").hasMessageContaining("indicators");
        }

        @Test
        void unquotedNumericCodeIsRefusedBecauseYamlWouldChangeIt() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: 1.10, max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[一].leaves").hasMessageContaining("引号");
        }

        @Test
        void fractionalHeadcountIsRefusedNamingTheBand() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "1.1", max: 3}]
                    deductions:
                      headcount-scaling:
                        - {min: 200.5, factor: 0.6}
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("headcount-scaling").hasMessageContaining("200.5");
        }

        @Test
        void duplicateLeafCodeIsRefusedNamingTheCode() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 6
                        leaves:
                          - {code: "1.1", max: 3}
                          - {code: "1.1", max: 3}
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("1.1").hasMessageContaining("重复");
        }

        @Test
        void duplicateLeafCodeAcrossCategoriesIsRefused() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "7", max: 3}]
                      - code: 二
                        max: 3
                        leaves: [{code: "7", max: 3}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[二].leaves[7]").hasMessageContaining("重复");
        }

        @Test
        void missingLeafMaxIsRefusedNamingTheLeaf() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 6
                        leaves:
                          - {code: "1.1", max: 3}
                          - {code: "1.2", name: 民主建设}
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[一].leaves[1.2]").hasMessageContaining("缺少 max");
        }

        @Test
        void missingCategoryMaxIsRefusedNamingTheCategory() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 三
                        leaves: [{code: "3.1", max: 4}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[三]").hasMessageContaining("缺少 max");
        }

        @Test
        void rangeWithMinAboveMaxIsRefusedNamingTheItem() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "1.1", max: 3}]
                    deductions:
                      items:
                        - name: 党纪处分
                          range: [6, 2]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("deductions.items[党纪处分]").hasMessageContaining("range")
                    .hasMessageContaining("无效");
        }

        @Test
        void overlappingHeadcountBandsAreRefusedNamingTheBand() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "1.1", max: 3}]
                    deductions:
                      headcount-scaling:
                        - {min: 200, max: 500, factor: 0.6}
                        - {min: 500, factor: 0.4}
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("deductions.headcount-scaling[2]").hasMessageContaining("重叠");
        }

        @Test
        void nonNumericMaxIsRefusedNamingTheNodeAndTheValue() {
            String yaml = """
                    code: broken
                    name: 坏细则
                    categories:
                      - code: 一
                        max: 3
                        leaves: [{code: "1.1", max: 三分}]
                    """;
            assertThatThrownBy(() -> loadString(yaml)).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories[一].leaves[1.1].max").hasMessageContaining("三分")
                    .hasMessageContaining("不是数值");
        }

        @Test
        void invalidYamlIsRefusedNamingTheSource() {
            assertThatThrownBy(() -> loadString("code: [broken\n")).isInstanceOf(RubricException.class)
                    .hasMessageContaining("broken.yml").hasMessageContaining("YAML");
        }

        @Test
        void rubricWithoutCategoriesIsRefused() {
            assertThatThrownBy(() -> loadString("code: x\nname: y\n")).isInstanceOf(RubricException.class)
                    .hasMessageContaining("categories");
        }
    }

    @Nested
    class Jiaozuo2016 {

        private final Rubric rubric = loader.load(Path.of("config/rubrics/jiaozuo-2016.yml"));

        @Test
        void loadsSixCategoriesAndTwentySixCriteriaWithTheMaximaTheirTextsGive() {
            assertThat(rubric.categories()).extracting(Category::max).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("25"), dec("20"), dec("15"), dec("15"), dec("10"), dec("15"));
            assertThat(rubric.leaves()).hasSize(26);
            assertThat(rubric.leaf("（一）5").orElseThrow().max()).isEqualByComparingTo("8");
            assertThat(rubric.leaf("（一）5").orElseThrow().text()).contains("分值8分");
            assertThat(rubric.max()).isEqualByComparingTo("100");
        }

        @Test
        void awardsOfTheUnitCountOnceAtTheHighestLevelSoFiveIsTheMost() {
            BonusRule rule = rubric.leaf("（一）1").orElseThrow().bonus();
            assertThat(rule.levels()).containsOnlyKeys("国家级", "省级", "市级", "工委");
            assertThat(rule.levels().get("工委")).isEqualByComparingTo("1");
            assertThat(rule.highest()).isEqualTo(HighestLevel.ITEM);
            assertThat(rubric.leaf("（一）1").orElseThrow().bonusCap()).isEqualByComparingTo("5");
        }

        @Test
        void innovationOutcomesCountOncePerOutcomeAndSuggestionsAtMostThree() {
            assertThat(rubric.leaf("（三）1").orElseThrow().bonus().highest()).isEqualTo(HighestLevel.SUBJECT);
            assertThat(rubric.leaf("（三）1").orElseThrow().bonusCap()).isNull();
            BonusRule suggestions = rubric.leaf("（三）4").orElseThrow().bonus();
            assertThat(suggestions.points()).isEqualByComparingTo("0.5");
            assertThat(suggestions.cap()).isEqualByComparingTo("3");
        }

        @Test
        void criminalCaseIsAVetoAndEachReprimandDeductsTwo() {
            VetoItem veto = rubric.vetoFor("（六）1").orElseThrow();
            assertThat(veto.name()).isEqualTo("违法案件");
            assertThat(veto.consequence()).isEqualTo("取消当年评先资格");
            DeductionItem reprimand = rubric.deductionFor("（六）2").orElseThrow();
            assertThat(reprimand.name()).isEqualTo("通报批评");
            assertThat(reprimand.points()).isEqualByComparingTo("2");
            assertThat(rubric.deductionItem("通报批评")).contains(reprimand);
        }
    }

    @Nested
    class Yiyang2021 {

        private final Rubric rubric = loader.load(Path.of("config/rubrics/yiyang-2021.yml"));

        @Test
        void elevenItemsFortyFourCriteriaSomeScoredInParts() {
            assertThat(rubric.categories()).hasSize(11);
            assertThat(rubric.leaves().stream().map(l -> l.criterion() == null ? l.code() : l.criterion()).distinct())
                    .hasSize(44);
            assertThat(rubric.leaves()).hasSize(54);
            assertThat(rubric.leaves()).extracting(Leaf::code).startsWith("1(1)", "1(2)", "1(3)", "2", "3", "4(1)");
            assertThat(rubric.leaf("19(2)").orElseThrow().max()).isEqualByComparingTo("1");
            assertThat(rubric.leaf("19(2)").orElseThrow().criterion()).isEqualTo("19");
            assertThat(rubric.max()).isEqualByComparingTo("100");
        }

        @Test
        void partsCarryTheirCriterionsMethodsAndDepartments() {
            Leaf part = rubric.leaf("1(2)").orElseThrow();
            assertThat(part.name()).isEqualTo("理论武装（2）");
            assertThat(part.methods()).containsExactly("材料审核");
            assertThat(part.departments()).containsExactly("办公室");
            assertThat(part.position()).isEqualTo(2);
            assertThat(rubric.leaf("2").orElseThrow().position()).isEqualTo(4);
        }

        @Test
        void criteria26And27HaveNoDepartmentAsTheSeedTableLeavesItBlank() {
            assertThat(rubric.leaf("25").orElseThrow().departments()).containsExactly("图书馆");
            assertThat(rubric.leaf("26").orElseThrow().departments()).isEmpty();
            assertThat(rubric.leaf("27").orElseThrow().departments()).isEmpty();
            assertThat(rubric.leaf("28").orElseThrow().departments()).containsExactly("机关党委", "纪委", "工会", "办公室");
        }

        @Test
        void honoursAreCappedAtTenAndTheSameExperienceCountsOnceAtItsHighestLevel() {
            BonusItem honours = rubric.bonusItem("荣誉称号").orElseThrow();
            assertThat(honours.levels().get("市级")).isEqualByComparingTo("0.2");
            assertThat(honours.cap()).isEqualByComparingTo("10");
            BonusItem experience = rubric.bonusItem("经验推介").orElseThrow();
            assertThat(experience.levels().get("国家级")).isEqualByComparingTo("3");
            assertThat(experience.highest()).isEqualTo(HighestLevel.SUBJECT);
            assertThat(rubric.bonusCap()).isNull();
        }
    }

    @Nested
    class QuanzhouResponsibilityMap {

        private final Rubric map = loader.load(Path.of("config/rubrics/quanzhou-jinrong.yml"));

        @Test
        void loadsAsARubricWithoutPointsNamingWhoAnswersForEachItem() {
            assertThat(map.scored()).isFalse();
            assertThat(map.max()).isNull();
            assertThat(map.leaves()).allSatisfy(l -> assertThat(l.max()).isNull());
            assertThat(map.leaves().stream().filter(l -> l.code().startsWith("Ⅲ-"))).hasSize(20);
            Leaf work = map.leaf("Ⅲ-6").orElseThrow();
            assertThat(work.responsible()).hasSize(2);
            assertThat(work.responsible().get(1).people()).containsExactly("李鸣誉");
            assertThat(work.departmentsShown()).isEqualTo("银保科、资本科、地金科、综合科");
        }

        @Test
        void scoredRubricNamingTheMapAttributesLeavesBySameCodeOrByTheCodesItNames(@TempDir Path dir) throws Exception {
            Files.copy(Path.of("config/rubrics/quanzhou-jinrong.yml"), dir.resolve("quanzhou-jinrong.yml"));
            Files.writeString(dir.resolve("fujian.yml"), """
                    code: fujian
                    name: 文明单位测评（测试）
                    responsibilities: quanzhou-jinrong
                    categories:
                      - code: 一
                        max: 10
                        leaves:
                          - {code: "Ⅲ-1", name: 领导重视, max: 4}
                          - {code: "1.2", name: 创建规范, max: 3, responsibility: ["Ⅲ-2", "Ⅲ-5"]}
                          - {code: "1.3", name: 其他, max: 3, departments: [办公室]}
                    """);
            Rubric rubric = loader.load(dir.resolve("fujian.yml"));
            Leaf first = rubric.leaf("Ⅲ-1").orElseThrow();
            assertThat(first.responsible()).singleElement().satisfies(r -> {
                assertThat(r.leaders()).containsExactly("朱亮");
                assertThat(r.people()).containsExactly("许伟灿");
            });
            assertThat(rubric.leaf("1.2").orElseThrow().peopleShown()).isEqualTo("陈啸林、李博超");
            assertThat(rubric.leaf("1.3").orElseThrow().departmentsShown()).isEqualTo("办公室");
            assertThat(rubric.leaf("1.3").orElseThrow().peopleShown()).isEmpty();
        }

        @Test
        void leafNamingACodeTheMapDoesNotHaveIsRefusedNamingBoth(@TempDir Path dir) throws Exception {
            Files.copy(Path.of("config/rubrics/quanzhou-jinrong.yml"), dir.resolve("quanzhou-jinrong.yml"));
            Files.writeString(dir.resolve("fujian.yml"), """
                    code: fujian
                    name: 测试
                    responsibilities: quanzhou-jinrong
                    categories:
                      - {code: 一, max: 4, leaves: [{code: "1.1", max: 4, responsibility: "Ⅲ-99"}]}
                    """);
            assertThatThrownBy(() -> loader.load(dir.resolve("fujian.yml"))).isInstanceOf(RubricException.class)
                    .hasMessage("评分细则 fujian.yml 的评分项 1.1: responsibility Ⅲ-99 在责任分工表 quanzhou-jinrong 中不存在");
        }

        @Test
        void missingMapIsRefused(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("fujian.yml"), """
                    code: fujian
                    name: 测试
                    responsibilities: nowhere
                    categories:
                      - {code: 一, max: 4, leaves: [{code: "1.1", max: 4}]}
                    """);
            assertThatThrownBy(() -> loader.load(dir.resolve("fujian.yml"))).isInstanceOf(RubricException.class)
                    .hasMessageStartingWith("评分细则 fujian.yml 的 responsibilities: 找不到责任分工表 ");
        }
    }

    @Nested
    class BrokenRules {

        @Test
        void partsNotSummingToTheirCriterionAreRefusedNamingIt() {
            assertThatThrownBy(() -> loadString("""
                    code: t
                    name: t
                    categories:
                      - code: 一
                        max: 4
                        leaves:
                          - code: "1"
                            max: 4
                            parts: [{text: 甲, max: 2}, {text: 乙, max: 1}]
                    """)).isInstanceOf(RubricException.class)
                    .hasMessage("评分细则 broken.yml 的 categories[一].leaves[1]: 分值 4 与其各部分（parts）分值之和 3 不符");
        }

        @Test
        void bonusWithBothLevelsAndPointsIsRefused() {
            assertThatThrownBy(() -> loadString("""
                    code: t
                    name: t
                    categories:
                      - code: 一
                        max: 4
                        leaves:
                          - {code: "1", max: 4, bonus: {levels: {国家级: 3}, points: 1}}
                    """)).hasMessage("评分细则 broken.yml 的 categories[一].leaves[1].bonus: levels 与 points 只能写一个");
        }

        @Test
        void unknownHighestLevelRuleIsRefusedListingTheChoices() {
            assertThatThrownBy(() -> loadString("""
                    code: t
                    name: t
                    categories:
                      - code: 一
                        max: 4
                        leaves:
                          - {code: "1", max: 4, bonus: {points: 1, highest-level-only: once}}
                    """)).hasMessageContaining("categories[一].leaves[1].bonus: highest-level-only 应为 item")
                    .hasMessageEndingWith("实为 once");
        }

        @Test
        void bonusLevelWithoutPositivePointsIsRefusedNamingTheLevel() {
            assertThatThrownBy(() -> loadString("""
                    code: t
                    name: t
                    categories:
                      - code: 一
                        max: 4
                        leaves:
                          - {code: "1", max: 4, bonus: {levels: {国家级: 0}}}
                    """)).hasMessage("评分细则 broken.yml 的 categories[一].leaves[1].bonus.levels.国家级: 分值应大于 0");
        }

        @Test
        void deductionWithoutPointsIsRefused() {
            assertThatThrownBy(() -> loadString("""
                    code: t
                    name: t
                    categories:
                      - code: 一
                        max: 4
                        leaves:
                          - {code: "1", max: 4, deduction: {name: 通报批评}}
                    """)).hasMessage("评分细则 broken.yml 的 categories[一].leaves[1].deduction: 需写每例扣分 points（大于 0）或 levels");
        }

        @Test
        void responsibilityMapWithPointsOrRulesIsRefused() {
            assertThatThrownBy(() -> loadString("""
                    code: m
                    name: m
                    scored: false
                    max: 100
                    categories:
                      - {code: 一, leaves: [{code: "Ⅲ-1", responsible: [{departments: [办公室], people: [甲]}]}]}
                    """)).hasMessage("评分细则 broken.yml: scored: false 的责任分工表不能有 max");
            assertThatThrownBy(() -> loadString("""
                    code: m
                    name: m
                    scored: false
                    categories:
                      - {code: 一, leaves: [{code: "Ⅲ-1"}]}
                    """)).hasMessage("评分细则 broken.yml 的 categories[一].leaves[Ⅲ-1]: 责任分工表的评分项缺少 responsible（分管领导、责任科室、责任人）");
        }
    }

    @Test
    void everyConfiguredRubricHasDistinctLeafCodes() {
        for (String file : List.of("shanxi-2020.yml", "hunan-2023.yml", "jiaozuo-2016.yml", "yiyang-2021.yml",
                "quanzhou-jinrong.yml")) {
            Rubric rubric = loader.load(Path.of("config/rubrics", file));
            assertThat(rubric.leavesByCode()).hasSameSizeAs(rubric.leaves());
        }
    }
}
