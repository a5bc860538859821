package org.kaoping.scoring.ranking;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.kaoping.rubric.Category;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.Scored;

/**
 * One step of a campaign's tie-break order, applied to units whose exact totals are equal. Every
 * comparison is on exact values: two units that differ only beyond the shown 2 places are not tied.
 * {@code code} names the category or leaf for {@link Kind#CATEGORY} and {@link Kind#LEAF}, else null.
 */
public record TieBreaker(Kind kind, String code) {

    public enum Kind {
        BASE("base", false),
        BONUS("bonus", false),
        DEDUCTION_ASC("deduction-asc", false),
        CATEGORY("category", true),
        LEAF("leaf", true);

        private final String key;
        private final boolean takesCode;

        Kind(String key, boolean takesCode) {
            this.key = key;
            this.takesCode = takesCode;
        }

        public String key() {
            return key;
        }

        public boolean takesCode() {
            return takesCode;
        }

        public static Optional<Kind> byKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
        }
    }

    public TieBreaker {
        Objects.requireNonNull(kind);
        if (kind.takesCode() != (code != null && !code.isBlank())) {
            throw new IllegalArgumentException(kind.key() + (kind.takesCode() ? " needs a code" : " takes no code"));
        }
    }

    public static TieBreaker of(Kind kind) {
        return new TieBreaker(kind, null);
    }

    /** As written in {@code ranking.tie-breakers}: {@code base}, {@code category:一}. */
    public String key() {
        return code == null ? kind.key() : kind.key() + ":" + code;
    }

    public String label() {
        return switch (kind) {
            case BASE -> "基础分高者在前";
            case BONUS -> "加分高者在前";
            case DEDUCTION_ASC -> "扣分少者在前";
            case CATEGORY -> "一级指标 " + code + " 得分高者在前";
            case LEAF -> "评分项 " + code + " 得分高者在前";
        };
    }

    /** Better first. Throws when the rubric lacks the code: configurations are checked before a run starts. */
    public Comparator<Scored> order(Rubric rubric) {
        return switch (kind) {
            case BASE -> higherFirst(Scored::base);
            case BONUS -> higherFirst(Scored::bonus);
            case DEDUCTION_ASC -> Comparator.comparing(Scored::deduction);
            case CATEGORY -> {
                List<Leaf> leaves = category(rubric).leaves();
                yield higherFirst(s -> leaves.stream().map(l -> leafScore(s, l.code()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            case LEAF -> {
                String leaf = rubric.leaf(code).map(Leaf::code)
                        .orElseThrow(() -> new IllegalArgumentException("no leaf " + code + " in " + rubric.code()));
                yield higherFirst(s -> leafScore(s, leaf));
            }
        };
    }

    /** Whether the rubric has the category or leaf this tie-breaker names (always true for the others). */
    public boolean appliesTo(Rubric rubric) {
        return switch (kind) {
            case CATEGORY -> rubric.categories().stream().anyMatch(c -> c.code().equals(code));
            case LEAF -> rubric.leaf(code).isPresent();
            default -> true;
        };
    }

    private Category category(Rubric rubric) {
        return rubric.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no category " + code + " in " + rubric.code()));
    }

    /** A leaf without a score counts 0, as it does in the base. */
    private static BigDecimal leafScore(Scored s, String leaf) {
        Map<String, BigDecimal> scores = s.leafScores();
        return scores.getOrDefault(leaf, BigDecimal.ZERO);
    }

    private static Comparator<Scored> higherFirst(Function<Scored, BigDecimal> key) {
        return Comparator.comparing(key, Comparator.reverseOrder());
    }
}
