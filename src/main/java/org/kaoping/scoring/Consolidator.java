package org.kaoping.scoring;

import static org.kaoping.scoring.DiscrepancyKind.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kaoping.roster.Roster;
import org.kaoping.roster.RosterUnit;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.CellRef;
import org.kaoping.scoring.input.LeafScore;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.scoring.input.Source;
import org.kaoping.scoring.ranking.Ranking;
import org.kaoping.scoring.ranking.RankingRules;

/**
 * Turns everything read from a campaign's workbooks into results (scoring-rules.md): picks each unit's
 * official sheet (its assigned group's newest), its self-assessment (newest), scores both, compares them,
 * and ranks. Pure: no I/O, no Spring.
 */
public final class Consolidator {
    private static final Comparator<ScoreSheet> NEWEST_FIRST = Comparator.comparingLong(ScoreSheet::modified)
            .reversed().thenComparing(s -> s.origin().file(), Comparator.reverseOrder());

    private final Rubric rubric;
    private final Roster roster;
    private final GapThresholds gaps;
    private final RankingRules ranking;
    private final UnitScorer scorer;
    private final List<Leaf> leaves;

    public Consolidator(Rubric rubric, Roster roster, GapThresholds gaps) {
        this(rubric, roster, gaps, RankingRules.DEFAULT);
    }

    public Consolidator(Rubric rubric, Roster roster, GapThresholds gaps, RankingRules ranking) {
        this.rubric = rubric;
        this.roster = roster;
        this.gaps = gaps;
        this.ranking = ranking;
        this.scorer = new UnitScorer(rubric);
        this.leaves = rubric.leaves();
    }

    public CampaignResult consolidate(List<ScoreSheet> sheets, List<Adjustment> adjustments,
                                      List<Discrepancy> readFindings) {
        Map<String, List<ScoreSheet>> sheetsByUnit = sheets.stream()
                .collect(Collectors.groupingBy(ScoreSheet::unit, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Adjustment>> adjustmentsByUnit = adjustments.stream()
                .collect(Collectors.groupingBy(Adjustment::unit, LinkedHashMap::new, Collectors.toList()));

        // Units are scored independently (the scorer is pure), so on all cores.
        List<UnitOutcome> outcomes = roster.units().parallelStream()
                .map(unit -> score(unit, sheetsByUnit.getOrDefault(unit.name(), List.of()),
                        adjustmentsByUnit.getOrDefault(unit.name(), List.of())))
                .toList();
        return rank(readFindings, outcomes);
    }

    /**
     * Ranks scored units: {@code outcomes} in roster order, one per roster unit. Discrepancies are the read
     * findings, then each unit's in roster order, so the report reads the same whatever the thread count or
     * whichever outcomes were remembered from an earlier run.
     */
    public CampaignResult rank(List<Discrepancy> readFindings, List<UnitOutcome> outcomes) {
        List<Discrepancy> discrepancies = new ArrayList<>(readFindings);
        List<UnitResult> provisional = new ArrayList<>();
        for (UnitOutcome outcome : outcomes) {
            discrepancies.addAll(outcome.discrepancies());
            provisional.add(outcome.result());
        }
        return new CampaignResult(rubric, rank(provisional), discrepancies, ranking);
    }

    /**
     * One unit's result and discrepancies from the sheets and adjustment rows that name it ({@code own} and
     * {@code claims} in the order the run's files list them): depends on nothing else, which is what lets a rerun
     * score only the units whose files changed.
     */
    public UnitOutcome score(RosterUnit unit, List<ScoreSheet> own, List<Adjustment> claims) {
        List<Discrepancy> discrepancies = new ArrayList<>();
        ScoreSheet official = chooseOfficial(unit, own, discrepancies);
        ScoreSheet self = newest(unit, own.stream().filter(s -> s.source() == Source.SELF).toList(), discrepancies);

        Scored officialScore = null;
        if (official != null) {
            officialScore = scorer.score(unit, official, officialAdjustments(unit, official, claims, discrepancies));
            discrepancies.addAll(officialScore.discrepancies());
        } else {
            discrepancies.add(Discrepancy.of(NOT_SUBMITTED, unit.name(), null, "",
                    "没有考核组评分" + (unit.group() == null || unit.group().isBlank() ? "" : "（应由" + unit.group() + "评分）")
                            + "，列为未考核"));
            claims.stream().filter(a -> a.source() == Source.INSPECTION).forEach(a -> discrepancies.add(
                    Discrepancy.of(NOT_SUBMITTED, unit.name(), a.cell(), a.item(),
                            a.group() + " 的" + a.type().label() + "未计：本单位没有考核组评分")));
        }
        Scored selfScore = null;
        if (self != null) {
            List<Adjustment> selfClaims = claims.stream()
                    .filter(a -> a.source() == Source.SELF && a.cell().file().equals(self.origin().file())).toList();
            selfScore = scorer.score(unit, self, selfClaims);
            discrepancies.addAll(selfScore.discrepancies().stream().filter(d -> d.kind() != VETOED).toList());
        } else {
            discrepancies.add(Discrepancy.of(NOT_SUBMITTED, unit.name(), null, "", "未提交自评表"));
        }
        if (officialScore != null && selfScore != null) {
            discrepancies.addAll(gaps(unit, self, selfScore, official, officialScore));
        }
        Status status = officialScore == null ? Status.UNSCORED
                : officialScore.vetoed() ? Status.VETOED : Status.RANKED;
        return new UnitOutcome(new UnitResult(unit, status, officialScore, selfScore, null, null,
                official == null ? null : official.group()), discrepancies);
    }

    /** The assigned group's newest sheet; another group's only when the assigned group did not score the unit. */
    private ScoreSheet chooseOfficial(RosterUnit unit, List<ScoreSheet> own, List<Discrepancy> out) {
        List<ScoreSheet> inspections = own.stream().filter(s -> s.source() == Source.INSPECTION).toList();
        if (inspections.isEmpty()) {
            return null;
        }
        String assigned = unit.group();
        boolean hasAssignment = assigned != null && !assigned.isBlank();
        List<ScoreSheet> byAssigned = inspections.stream()
                .filter(s -> !hasAssignment || assigned.equals(s.group())).toList();
        List<ScoreSheet> byOthers = inspections.stream().filter(s -> !byAssigned.contains(s)).toList();
        if (!byAssigned.isEmpty()) {
            for (ScoreSheet other : byOthers) {
                out.add(Discrepancy.of(SCORED_BY_OTHER_GROUP, unit.name(), other.origin(), "",
                        other.group() + " 也为本单位评分（应由 " + assigned + " 评分），未采用"));
            }
            return newest(unit, byAssigned, out);
        }
        ScoreSheet chosen = newest(unit, byOthers, out);
        out.add(Discrepancy.of(SCORED_BY_OTHER_GROUP, unit.name(), chosen.origin(), "",
                "仅有 " + chosen.group() + " 为本单位评分（应由 " + assigned + " 评分），已采用"));
        return chosen;
    }

    /** The newest sheet wins; every older one is reported as superseded. */
    private static ScoreSheet newest(RosterUnit unit, List<ScoreSheet> candidates, List<Discrepancy> out) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<ScoreSheet> sorted = candidates.stream().sorted(NEWEST_FIRST).toList();
        ScoreSheet winner = sorted.get(0);
        for (ScoreSheet older : sorted.subList(1, sorted.size())) {
            out.add(Discrepancy.of(SUPERSEDED_FILE, unit.name(), older.origin(), "",
                    older.source().label() + "评分已被较新的 " + winner.origin() + " 替代"));
        }
        return winner;
    }

    /**
     * Inspection adjustments of the group whose sheet is used; when that group sent several files with
     * adjustments for the unit, the newest file's rows count.
     */
    private static List<Adjustment> officialAdjustments(RosterUnit unit, ScoreSheet official, List<Adjustment> claims,
                                                        List<Discrepancy> out) {
        List<Adjustment> inspection = claims.stream().filter(a -> a.source() == Source.INSPECTION).toList();
        for (Adjustment a : inspection) {
            if (!Objects.equals(a.group(), official.group())) {
                out.add(Discrepancy.of(SCORED_BY_OTHER_GROUP, unit.name(), a.cell(), a.item(),
                        a.group() + " 的" + a.type().label() + "未采用（本单位评分来自 " + official.group() + "）"));
            }
        }
        List<Adjustment> sameGroup = inspection.stream().filter(a -> Objects.equals(a.group(), official.group())).toList();
        if (sameGroup.isEmpty()) {
            return List.of();
        }
        long newest = sameGroup.stream().mapToLong(Adjustment::modified).max().orElseThrow();
        String newestFile = sameGroup.stream().filter(a -> a.modified() == newest).map(a -> a.cell().file())
                .max(Comparator.naturalOrder()).orElseThrow();
        sameGroup.stream().map(a -> a.cell().file()).distinct().filter(f -> !f.equals(newestFile))
                .forEach(f -> out.add(Discrepancy.of(SUPERSEDED_FILE, unit.name(), CellRef.file(f), "",
                        "加扣分已被较新的 " + newestFile + " 替代")));
        return sameGroup.stream().filter(a -> a.cell().file().equals(newestFile)).toList();
    }

    /**
     * A leaf's gap names the official score cell (the one that counts) and, in its message, the self one, so
     * that both can be opened; a sheet per unit has no cell of its own to name instead.
     */
    private List<Discrepancy> gaps(RosterUnit unit, ScoreSheet selfSheet, Scored self, ScoreSheet officialSheet,
                                   Scored official) {
        List<Discrepancy> out = new ArrayList<>();
        for (Leaf leaf : leaves) {
            BigDecimal s = self.leafScores().get(leaf.code());
            BigDecimal o = official.leafScores().get(leaf.code());
            if (s != null && o != null && s.subtract(o).compareTo(gaps.leaf()) >= 0) {
                CellRef selfCell = cellOf(selfSheet, leaf);
                out.add(new Discrepancy(SELF_OFFICIAL_GAP, unit.name(),
                        Objects.requireNonNullElse(cellOf(officialSheet, leaf), official.origin()), leaf.label(),
                        shown(s), shown(o), "自评比考核高 " + shown(s.subtract(o)) + " 分"
                                + (selfCell == null ? "" : "（自评见 " + selfCell + "）")));
            }
        }
        BigDecimal diff = self.total().subtract(official.total());
        if (diff.abs().compareTo(gaps.total()) >= 0) {
            out.add(new Discrepancy(SELF_OFFICIAL_GAP, unit.name(), official.origin(), "总分",
                    shown(self.total()), shown(official.total()),
                    "自评总分与考核总分相差 " + shown(diff.abs()) + " 分"));
        }
        return out;
    }

    private static CellRef cellOf(ScoreSheet sheet, Leaf leaf) {
        for (LeafScore s : sheet.scores()) {
            if (s.cell() != null && s.leafCode().equals(leaf.code())) {
                return s.cell();
            }
        }
        return null;
    }

    private String shown(BigDecimal value) {
        return ranking.rounding().format(value);
    }

    private record Standing(UnitResult unit, BigDecimal total) {
    }

    /**
     * Ranks overall and within each 分组 by the same order; 等次 follow the overall rank, so a unit has
     * the same 等次 on its 分组 sheet as on 总排名.
     */
    private List<UnitResult> rank(List<UnitResult> units) {
        // Each total is added up once, not at every comparison of the sorts (thousands of units, rerun after rerun).
        List<Standing> standings = new ArrayList<>();
        units.stream().filter(u -> u.status() == Status.RANKED).forEach(u -> standings.add(new Standing(u, u.total())));
        Comparator<Standing> order = Comparator.comparing(Standing::total, Comparator.reverseOrder())
                .thenComparing(s -> s.unit().official(), ranking.tieBreak(rubric));
        // Stable: units that tie keep their roster order, overall and within their 分组.
        standings.sort(order);
        int[] overall = Ranking.ranks(standings, order, ranking.method());
        Map<String, List<Integer>> divisions = new LinkedHashMap<>();
        for (int i = 0; i < standings.size(); i++) {
            divisions.computeIfAbsent(Objects.toString(standings.get(i).unit().unit().division(), ""),
                    d -> new ArrayList<>()).add(i);
        }
        int[] divisionRanks = new int[standings.size()];
        for (List<Integer> members : divisions.values()) {
            int[] ranks = Ranking.ranks(members.stream().map(standings::get).toList(), order, ranking.method());
            for (int j = 0; j < ranks.length; j++) {
                divisionRanks[members.get(j)] = ranks[j];
            }
        }
        List<UnitResult> out = new ArrayList<>(units.size());
        for (int i = 0; i < standings.size(); i++) {
            UnitResult u = standings.get(i).unit();
            out.add(new UnitResult(u.unit(), u.status(), u.official(), u.self(), overall[i], divisionRanks[i],
                    u.scoredBy(), ranking.grade(overall[i], standings.get(i).total(), standings.size()).orElse(null)));
        }
        units.stream().filter(u -> u.status() == Status.VETOED)
                .sorted(Comparator.comparing(UnitResult::total, Comparator.reverseOrder())).forEach(out::add);
        units.stream().filter(u -> u.status() == Status.UNSCORED).forEach(out::add);
        return out;
    }
}
