package org.kaoping.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kaoping.campaign.CampaignSetup;
import org.kaoping.normalize.ParsedWorkbook;
import org.kaoping.report.LeafRows;
import org.kaoping.roster.RosterUnit;
import org.kaoping.scoring.CampaignResult;
import org.kaoping.scoring.Consolidator;
import org.kaoping.scoring.Discrepancy;
import org.kaoping.scoring.UnitOutcome;
import org.kaoping.scoring.input.Adjustment;
import org.kaoping.scoring.input.ScoreSheet;
import org.kaoping.store.Binary;
import org.kaoping.store.BuildFingerprint;
import org.kaoping.store.ParseKeys;
import org.kaoping.store.ParsedWorkbookRepository;
import org.kaoping.store.RunFileRepository;
import org.kaoping.store.UnitOutcomeCodec;
import org.kaoping.store.UnitOutcomeRepository;

/**
 * Scores a run's units, taking an earlier run's outcome for every unit whose inputs are unchanged: a unit's
 * outcome follows from the campaign's configuration and the files that name it, and nothing else
 * ({@link Consolidator#score}), so it is stored under a fingerprint of exactly those. Only the units without a
 * stored outcome have their files' scores decoded and are scored again; after one corrected workbook, that is the
 * one or few units it names.
 */
final class CampaignScoring {
    private static final byte[] NEWLINE = {'\n'};
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(ParseKeys::sha256);
    private final CampaignSetup setup;
    // The configuration's digest and the newline after it, as the first bytes of every unit's fingerprint.
    private final byte[] configurationBytes;
    private final ParsedWorkbookRepository parsed;
    private final UnitOutcomeRepository stored;
    private final Consolidator consolidator;
    private final int batch;

    /**
     * {@code configuration}: the campaign file, rubric, roster and read limits, as a text; {@code code}: the
     * {@link BuildFingerprint}; {@code batch}: the units scored together (see
     * {@link #score}).
     */
    CampaignScoring(CampaignSetup setup, String configuration, String code, ParsedWorkbookRepository parsed,
                    UnitOutcomeRepository stored, int batch) {
        this.setup = setup;
        this.configurationBytes = (ParseKeys.sha256(configuration + '\n' + setup.campaign().code() + '\n' + code)
                + '\n').getBytes(StandardCharsets.US_ASCII);
        this.parsed = parsed;
        this.stored = stored;
        this.batch = Math.max(1, batch);
        this.consolidator = new Consolidator(setup.rubric(), setup.roster(), setup.campaign().gaps(),
                setup.campaign().ranking());
    }

    /**
     * The run's result. By unit name: every roster unit's {@code fingerprint} and {@code outcome}, and the stored
     * 分项得分 rows of the units whose outcome was stored; {@code rescored} names the units scored again.
     * {@code storedBefore} is every outcome the campaign had stored, by fingerprint.
     */
    record Scoring(CampaignResult result, Map<String, String> fingerprints, Map<String, UnitOutcome> outcomes,
                   Set<String> rescored, Map<String, LeafRows> storedRows,
                   Map<String, UnitOutcomeRepository.Stored> storedBefore) {
    }

    /**
     * {@code files}: the run's files in path order, with each readable file's outline in {@code outlines};
     * {@code findings}: the read findings in file order.
     */
    Scoring score(List<RunFileRepository.RunFile> files, Map<String, ParsedWorkbookRepository.Outline> outlines,
                  List<Discrepancy> findings) {
        Map<String, UnitOutcomeRepository.Stored> stored = this.stored.load(setup.campaign().code());
        Map<String, List<String>> keysByUnit = new HashMap<>();
        for (RunFileRepository.RunFile f : files) {
            ParsedWorkbookRepository.Outline outline = outlines.get(f.parseKey());
            if (outline != null) {
                outline.units().forEach(u -> keysByUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(f.parseKey()));
            }
        }
        Map<String, String> fingerprints = new HashMap<>();
        Set<String> missing = new HashSet<>();
        List<RosterUnit> roster = setup.roster().units();
        // A digest per unit of the roster, in a rerun too: on all cores.
        List<String> prints = roster.parallelStream()
                .map(unit -> fingerprint(unit.name(), keysByUnit.getOrDefault(unit.name(), List.of()), DIGEST.get()))
                .toList();
        for (int i = 0; i < prints.size(); i++) {
            String unit = roster.get(i).name();
            fingerprints.put(unit, prints.get(i));
            if (!stored.containsKey(prints.get(i))) {
                missing.add(unit);
            }
        }

        Map<String, RosterUnit> byName = new HashMap<>();
        roster.forEach(u -> byName.put(u.name(), u));
        Binary.Canon canon = new Binary.Canon();
        List<UnitOutcome> outcomes = new ArrayList<>(roster.size());
        // A batch of units at a time: their files are decoded together and let go before the next batch, so that
        // a large campaign's first run never holds every parsed workbook at once (at 20,000 units, holding them all
        // added some 140 MB to the report step's peak heap).
        for (int from = 0; from < roster.size(); from += batch) {
            List<RosterUnit> units = roster.subList(from, Math.min(roster.size(), from + batch));
            Scored scored = missingSheets(units, missing, keysByUnit, files);
            outcomes.addAll(units.parallelStream().map(unit -> {
                if (missing.contains(unit.name())) {
                    return consolidator.score(unit, scored.sheets().getOrDefault(unit.name(), List.of()),
                            scored.adjustments().getOrDefault(unit.name(), List.of()));
                }
                return UnitOutcomeCodec.decode(stored.get(fingerprints.get(unit.name())).outcome(), byName::get, canon);
            }).toList());
        }
        Map<String, UnitOutcome> byUnit = new HashMap<>();
        outcomes.forEach(o -> byUnit.put(o.result().unit().name(), o));
        Map<String, LeafRows> storedRows = new HashMap<>();
        fingerprints.forEach((unit, fingerprint) -> {
            UnitOutcomeRepository.Stored s = stored.get(fingerprint);
            if (s != null && s.leafRows() != null) {
                storedRows.put(unit, s.leafRows());
            }
        });
        return new Scoring(consolidator.rank(findings, outcomes), fingerprints, byUnit, missing, storedRows,
                stored);
    }

    /** The sheets and adjustment rows of units to score, by unit. */
    private record Scored(Map<String, List<ScoreSheet>> sheets, Map<String, List<Adjustment>> adjustments) {
    }

    /**
     * The sheets and adjustment rows of the units of {@code batch} that are {@code missing} (to be scored), in file
     * order as a full scoring sees them: their files are decoded (a file naming units of two batches, twice).
     */
    private Scored missingSheets(List<RosterUnit> batch, Set<String> missing, Map<String, List<String>> keysByUnit,
                                 List<RunFileRepository.RunFile> files) {
        Set<String> scoring = new HashSet<>();
        Set<String> neededKeys = new LinkedHashSet<>();
        for (RosterUnit unit : batch) {
            if (missing.contains(unit.name())) {
                scoring.add(unit.name());
                neededKeys.addAll(keysByUnit.getOrDefault(unit.name(), List.of()));
            }
        }
        Map<String, ParsedWorkbook> workbooks = neededKeys.isEmpty() ? Map.of() : parsed.load(neededKeys);
        Map<String, List<ScoreSheet>> sheets = new HashMap<>();
        Map<String, List<Adjustment>> adjustments = new HashMap<>();
        for (RunFileRepository.RunFile f : files) {
            ParsedWorkbook workbook = workbooks.get(f.parseKey());
            if (workbook == null) {
                continue;
            }
            workbook.sheets().stream().filter(s -> scoring.contains(s.unit()))
                    .forEach(s -> sheets.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s));
            workbook.adjustments().stream().filter(a -> scoring.contains(a.unit()))
                    .forEach(a -> adjustments.computeIfAbsent(a.unit(), u -> new ArrayList<>()).add(a));
        }
        return new Scored(sheets, adjustments);
    }

    /**
     * The SHA-256 of the configuration digest, the unit and its files' parse keys, a line each: fed to the digest
     * line by line (a rerun fingerprints every unit of the roster, and joining the lines first cost more than
     * hashing them).
     */
    private String fingerprint(String unit, List<String> parseKeys, MessageDigest digest) {
        digest.reset();
        digest.update(configurationBytes);
        digest.update(unit.getBytes(StandardCharsets.UTF_8));
        for (String k : parseKeys) {
            digest.update(NEWLINE);
            // Parse keys are hex digits: one byte a character.
            digest.update(k.getBytes(StandardCharsets.ISO_8859_1));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
