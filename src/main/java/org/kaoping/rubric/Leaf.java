package org.kaoping.rubric;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scored criterion. {@code position} is its 1-based place within its category, which is how inspection
 * matrices label columns ({@code 1-1}, {@code 一.1}). A criterion scored in parts becomes one leaf per part, each
 * naming its {@code criterion}. {@code responsible} comes from the responsibility map the rubric names.
 * In a responsibility map {@code max} is null. {@code cap} and {@code earned}: see {@link LeafRules}.
 */
public record Leaf(String code, String name, String text, BigDecimal max, String categoryCode, int categoryOrdinal,
                   int position, List<String> methods, List<String> departments, BonusRule bonus, String criterion,
                   List<String> responsibilityCodes, List<Responsibility> responsible, BigDecimal cap,
                   BonusRule earned) {

    public Leaf {
        methods = List.copyOf(methods);
        departments = List.copyOf(departments);
        responsibilityCodes = List.copyOf(responsibilityCodes);
        responsible = List.copyOf(responsible);
    }

    public Leaf(String code, String name, String text, BigDecimal max, String categoryCode, int categoryOrdinal,
                int position, List<String> methods, List<String> departments, BonusRule bonus, String criterion,
                List<String> responsibilityCodes, List<Responsibility> responsible) {
        this(code, name, text, max, categoryCode, categoryOrdinal, position, methods, departments, bonus, criterion,
                responsibilityCodes, responsible, null, null);
    }

    public Leaf(String code, String name, String text, BigDecimal max, String categoryCode, int categoryOrdinal,
                int position, List<String> methods, List<String> departments, BigDecimal bonusCap) {
        this(code, name, text, max, categoryCode, categoryOrdinal, position, methods, departments,
                BonusRule.capOnly(bonusCap), null, List.of(), List.of());
    }

    /** Code and short name, as reports show a leaf: {@code 2.2 思想道德建设}. */
    public String label() {
        return name == null || name.isBlank() ? code : code + " " + name;
    }

    /** The most the score can count: the 分值, or less where the leaf's text caps it ({@code cap}). */
    public BigDecimal scoreMax() {
        return cap == null ? max : cap;
    }

    /** The most item-level bonus this leaf can carry; null when unlimited. */
    public BigDecimal bonusCap() {
        return bonus == null ? null : bonus.effectiveCap();
    }

    Leaf withResponsible(List<Responsibility> attributed) {
        return new Leaf(code, name, text, max, categoryCode, categoryOrdinal, position, methods, departments, bonus,
                criterion, responsibilityCodes, attributed, cap, earned);
    }

    /** 责任部门 as reports show it: the map's 责任科室 when the rubric names a map, else the leaf's own departments. */
    public String departmentsShown() {
        Set<String> all = new LinkedHashSet<>();
        responsible.forEach(r -> all.addAll(r.departments()));
        if (all.isEmpty()) {
            all.addAll(departments);
        }
        return String.join("、", all);
    }

    /** 责任人 as reports show it. */
    public String peopleShown() {
        Set<String> all = new LinkedHashSet<>();
        responsible.forEach(r -> all.addAll(r.people()));
        return String.join("、", all);
    }

    /** 分管领导 as reports show it (泉州's map names them beside 责任科室 and 责任人). */
    public String leadersShown() {
        Set<String> all = new LinkedHashSet<>();
        responsible.forEach(r -> all.addAll(r.leaders()));
        return String.join("、", all);
    }
}
