package org.kaoping.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kaoping.scoring.ranking.DisplayRounding;
import org.kaoping.scoring.ranking.Grade;
import org.kaoping.scoring.ranking.RankingMethod;
import org.kaoping.scoring.ranking.RankingRules;
import org.kaoping.scoring.ranking.TieBreaker;
import org.kaoping.support.TestHome;

/** The {@code ranking:} section of a campaign yml: defaults, the README example, and every refusal. */
class RankingConfigTest {
    private static final String HEAD = "name: 测试\nrubric: shanxi-2020\nroster: rosters/demo.xlsx\n";

    @TempDir
    Path dir;

    private KaopingHome home(String ranking) {
        TestHome home = new TestHome(dir);
        TestHome.copyFile(Path.of("config/rosters/shanxi-2020-demo.xlsx"), dir.resolve("config/rosters/demo.xlsx"));
        TestHome.write(dir.resolve("config/campaigns/c.yml"), HEAD + ranking);
        return new KaopingHome(home.root());
    }

    private RankingRules load(String ranking) {
        return new CampaignSetupLoader().load(home(ranking), "c").campaign().ranking();
    }

    @Test
    void withoutARankingSectionTheDefaultsOfTheScoringRulesApply() {
        assertThat(load("")).isEqualTo(RankingRules.DEFAULT);
        assertThat(RankingRules.DEFAULT.method()).isEqualTo(RankingMethod.COMPETITION);
        assertThat(RankingRules.DEFAULT.tieBreakers()).isEmpty();
        assertThat(RankingRules.DEFAULT.rounding()).isEqualTo(DisplayRounding.HALF_UP);
        assertThat(RankingRules.DEFAULT.graded()).isFalse();
    }

    @Test
    void theReadmeExampleIsReadKeyByKey() {
        RankingRules rules = load("""
                ranking:
                  method: dense
                  tie-breakers: [base, category:一, deduction-asc, leaf:1.2, bonus]
                  rounding: half-even
                  grades:
                    - {name: 优秀, top: 10%}
                    - {name: 良好, top: 5, min: 85}
                    - {name: 合格, min: 59.5}
                    - {name: 不合格}
                """);
        assertThat(rules.method()).isEqualTo(RankingMethod.DENSE);
        assertThat(rules.tieBreakers()).extracting(TieBreaker::key)
                .containsExactly("base", "category:一", "deduction-asc", "leaf:1.2", "bonus");
        assertThat(rules.rounding()).isEqualTo(DisplayRounding.HALF_EVEN);
        assertThat(rules.grades()).containsExactly(
                new Grade("优秀", new Grade.Quota(new BigDecimal("10"), true), null),
                new Grade("良好", new Grade.Quota(new BigDecimal("5"), false), new BigDecimal("85")),
                new Grade("合格", null, new BigDecimal("59.5")),
                new Grade("不合格", null, null));
    }

    @Test
    void aTieBreakerMayAlsoBeWrittenAsAOneKeyMap() {
        RankingRules rules = load("ranking:\n  tie-breakers:\n    - category: 二\n    - leaf: \"2.1\"\n");
        assertThat(rules.tieBreakers()).extracting(TieBreaker::key).containsExactly("category:二", "leaf:2.1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ranking: dense                                  | ranking：应写成 method、tie-breakers、rounding、grades 等键，实为“dense”
            ranking: {methods: dense}                       | ranking.methods：未知的键，可用 method、tie-breakers、rounding、grades
            ranking: {method: olympic}                      | ranking.method：未知的排名方法“olympic”，可用 competition、dense
            ranking: {rounding: half-down}                  | ranking.rounding：未知的舍入方式“half-down”，可用 half-up、half-even
            ranking: {tie-breakers: [base, self-asc]}       | ranking.tie-breakers 第 2 项：未知的同分排序“self-asc”，可用 base、bonus、deduction-asc、category:<一级指标编号>、leaf:<评分项编号>
            ranking: {tie-breakers: [category]}             | ranking.tie-breakers 第 1 项：“category”缺少编号，应写成 category:<编号>，如 category:一
            ranking: {tie-breakers: ['base:一']}            | ranking.tie-breakers 第 1 项：“base:一”：base 后不能带编号
            ranking: {tie-breakers: ['category:七']}        | ranking.tie-breakers：“category:七”：评分细则 shanxi-2020 没有一级指标“七”
            ranking: {tie-breakers: ['leaf:9.9']}           | ranking.tie-breakers：“leaf:9.9”：评分细则 shanxi-2020 没有评分项“9.9”
            ranking: {grades: 优秀}                         | ranking.grades：应为列表，实为“优秀”
            ranking: {grades: [{top: 10%}]}                 | ranking.grades 第 1 项：缺少 name（等次名称）
            ranking: {grades: [{name: ' '}]}                | ranking.grades 第 1 项：缺少 name（等次名称）
            ranking: {grades: [{name: 优秀, top: -5%}]}     | ranking.grades 第 1 项（优秀）的 top：“-5%”：名额应大于 0
            ranking: {grades: [{name: 优秀, top: -2}]}      | ranking.grades 第 1 项（优秀）的 top：“-2”：名额应大于 0
            ranking: {grades: [{name: 优秀, top: 0%}]}      | ranking.grades 第 1 项（优秀）的 top：“0%”：名额应大于 0
            ranking: {grades: [{name: 优秀, top: 120%}]}    | ranking.grades 第 1 项（优秀）的 top：“120%”：百分数不能超过 100%
            ranking: {grades: [{name: 优秀, top: ten}]}     | ranking.grades 第 1 项（优秀）的 top：“ten”不是有效的名额，应写成百分数（如 10%）或单位个数（如 5）
            ranking: {grades: [{name: 优秀, top: 2.5}]}     | ranking.grades 第 1 项（优秀）的 top：“2.5”不是有效的名额，应写成百分数（如 10%）或单位个数（如 5）
            ranking: {grades: [{name: 优秀, top: '10%%'}]}  | ranking.grades 第 1 项（优秀）的 top：“10%%”不是有效的名额，应写成百分数（如 10%）或单位个数（如 5）
            ranking: {grades: [{name: 良好, min: 八十五}]}  | ranking.grades 第 1 项（良好）的 min：“八十五”不是数值
            ranking: {grades: [{name: 良好, max: 85}]}      | ranking.grades 第 1 项（良好）的 max：未知的键，可用 name、top、min
            ranking: {grades: [{name: 良好, min: 85}, {name: 良好, min: 60}]} | ranking.grades 第 2 项（良好）：等次名称“良好”重复
            ranking: {grades: [{name: 其他}, {name: 合格, min: 60}]}          | ranking.grades 第 2 项（合格）：前一个等次“其他”没有条件，已包括其余所有单位，此等次不会用到
            """)
    void aBrokenRankingSectionIsRefusedNamingTheKeyAndTheValue(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.strip() + "\n"))
                .isInstanceOf(CampaignException.class)
                .hasMessage("考核配置 c.yml 的 " + message.strip());
    }

    @Test
    void rubricCodesAreCheckedOnlyWhereTheRubricIsKnown() {
        // CampaignLoader alone cannot know the rubric's codes; the setup loader refuses before any reading.
        KaopingHome home = home("ranking: {tie-breakers: ['category:七']}\n");
        assertThat(new CampaignLoader().load(home, "c").ranking().tieBreakers()).extracting(TieBreaker::key)
                .containsExactly("category:七");
        assertThatThrownBy(() -> new CampaignSetupLoader().load(home, "c")).isInstanceOf(CampaignException.class);
    }
}
