package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kaoping.text.Text;

/**
 * An assessment system: the tree of categories, indicators and leaves, and the bonus, deduction and veto
 * rules outside it. Built and validated by {@link RubricLoader}. A rubric that is not {@code scored} is a
 * responsibility map (who answers for each criterion, no points); scored rubrics name one in
 * {@code responsibilities} to attribute their leaves.
 */
public record Rubric(String code, String name, BigDecimal max, List<Category> categories, BigDecimal bonusCap,
                     List<BonusItem> bonusItems, List<DeductionItem> deductionItems, List<VetoItem> vetoItems,
                     List<HeadcountBand> headcountBands, boolean scored, String responsibilities) {

    public Rubric {
        categories = List.copyOf(categories);
        bonusItems = List.copyOf(bonusItems);
        deductionItems = List.copyOf(deductionItems);
        vetoItems = List.copyOf(vetoItems);
        headcountBands = List.copyOf(headcountBands);
    }

    public Rubric(String code, String name, BigDecimal max, List<Category> categories, BigDecimal bonusCap,
                  List<BonusItem> bonusItems, List<DeductionItem> deductionItems, List<VetoItem> vetoItems,
                  List<HeadcountBand> headcountBands) {
        this(code, name, max, categories, bonusCap, bonusItems, deductionItems, vetoItems, headcountBands, true, null);
    }

    public List<Leaf> leaves() {
        return categories.stream().flatMap(c -> c.leaves().stream()).toList();
    }

    public Map<String, Leaf> leavesByCode() {
        return leaves().stream().collect(Collectors.toMap(Leaf::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The leaf with this code; full- and half-width forms compare equal ({@code （一）1} is {@code (一)1}). */
    public Optional<Leaf> leaf(String code) {
        String key = Text.key(code);
        return leaves().stream().filter(l -> l.code().equals(code)).findFirst()
                .or(() -> leaves().stream().filter(l -> Text.key(l.code()).equals(key)).findFirst());
    }

    /** The leaf at {@code position} of the category at {@code categoryOrdinal} (both 1-based), as matrices label columns. */
    public Optional<Leaf> leafAt(int categoryOrdinal, int position) {
        if (categoryOrdinal < 1 || categoryOrdinal > categories.size()) {
            return Optional.empty();
        }
        List<Leaf> leaves = categories.get(categoryOrdinal - 1).leaves();
        return position < 1 || position > leaves.size() ? Optional.empty() : Optional.of(leaves.get(position - 1));
    }

    public Optional<BonusItem> bonusItem(String text) {
        return bonusItems.stream().filter(i -> i.matches(text)).findFirst();
    }

    public Optional<DeductionItem> deductionItem(String text) {
        return deductionItems.stream().filter(i -> i.matches(text)).findFirst();
    }

    public Optional<VetoItem> vetoItem(String text) {
        return vetoItems.stream().filter(i -> i.matches(text)).findFirst();
    }

    /** The deduction a criterion states itself, if any. */
    public Optional<DeductionItem> deductionFor(String leafCode) {
        return deductionItems.stream().filter(i -> leafCode.equals(i.leafCode())).findFirst();
    }

    /** The veto a criterion states itself, if any. */
    public Optional<VetoItem> vetoFor(String leafCode) {
        return vetoItems.stream().filter(i -> leafCode.equals(i.leafCode())).findFirst();
    }

    /** The factor for scaled deductions at this headcount; 1 when no band applies. */
    public BigDecimal headcountFactor(int headcount) {
        return headcountBands.stream().filter(b -> b.contains(headcount)).map(HeadcountBand::factor).findFirst()
                .orElse(BigDecimal.ONE);
    }
}
