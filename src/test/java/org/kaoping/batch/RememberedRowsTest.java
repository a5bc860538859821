package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaoping.intake.InputFile;
import org.kaoping.intake.InputScanner;
import org.kaoping.report.LeafRows;
import org.kaoping.scoring.Source;
import org.kaoping.roster.RosterLoader;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.support.Samples;
import org.kaoping.support.TestHome;
import org.kaoping.workbook.WorkbookParser;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repositories keep in memory what recent runs stored (a rerun in a long-running process then queries almost
 * nothing): what they remember must be what the database holds, and a step that rolls back must leave nothing
 * remembered. Checked against fresh repositories, which can only answer from the database.
 */
@SpringBootTest
class RememberedRowsTest {
    private static final TestHome HOME = TestHome.temporary("kaoping-remembered");
    private static final Path SAMPLE = Samples.sample("shanxi-2020-demo");

    @Autowired
    RunFileRepository runFiles;

    @Autowired
    ParsedWorkbookRepository parsed;

    @Autowired
    UnitOutcomeRepository outcomes;

    @Autowired
    RunRecordRepository records;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        HOME.register(registry);
    }

    @Test
    void rowsOfAStepThatRolledBackAreNotRemembered() {
        Run run = new Run();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            run.store();
            status.setRollbackOnly();
        });

        assertThat(runFiles.files(run.id)).isEmpty();
        assertThat(parsed.existing(run.files)).isEmpty();
        assertThat(parsed.outlines(run.files)).isEmpty();
        assertThat(parsed.load(run.keys())).isEmpty();
        assertThat(outcomes.load(run.campaign)).isEmpty();
        assertThat(records.units(run.id)).isEmpty();
    }

    @Test
    void whatIsRememberedIsWhatTheDatabaseHolds() {
        Run run = new Run();
        outcomes.load(run.campaign);
        new TransactionTemplate(transactions).executeWithoutResult(status -> run.store());

        RunFileRepository storedFiles = new RunFileRepository(jdbc);
        ParsedWorkbookRepository storedResults = new ParsedWorkbookRepository(jdbc);
        UnitOutcomeRepository storedOutcomes = new UnitOutcomeRepository(jdbc);
        assertThat(run.files).hasSize(10);
        assertThat(runFiles.files(run.id)).isEqualTo(storedFiles.files(run.id)).hasSize(10);
        assertThat(parsed.existing(run.files)).isEqualTo(storedResults.existing(run.files))
                .hasSize(10);
        assertThat(parsed.outlines(run.files)).isEqualTo(storedResults.outlines(run.files))
                .hasSize(10);
        assertThat(parsed.load(run.keys())).isEqualTo(storedResults.load(run.keys())).hasSize(10);
        assertThat(records.units(run.id)).isEqualTo(new RunRecordRepository(jdbc).units(run.id))
                .extracting(RunRecordRepository.UnitRecord::unit).containsExactly("丙单位", "乙单位", "甲单位");
        // Exact, as scored: the document keeps a decimal's scale (the rows of kp_run_unit kept 6 places).
        assertThat(records.units(run.id).get(1).total()).isEqualTo(new BigDecimal("1.2345675"));
        Map<String, UnitOutcomeRepository.Stored> remembered = outcomes.load(run.campaign);
        Map<String, UnitOutcomeRepository.Stored> inDatabase = storedOutcomes.load(run.campaign);
        assertThat(remembered.keySet()).isEqualTo(inDatabase.keySet()).containsExactly("fingerprint-" + run.id);
        LeafRows rows = remembered.values().iterator().next().leafRows();
        LeafRows rowsInDatabase = inDatabase.values().iterator().next().leafRows();
        assertThat(List.of(rows.firstRow(), rows.crc(), rows.length()))
                .isEqualTo(List.of(rowsInDatabase.firstRow(), rowsInDatabase.crc(), rowsInDatabase.length()));
        assertThat(rows.deflated()).isEqualTo(rowsInDatabase.deflated());

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                outcomes.save(run.campaign, List.of(), List.of("fingerprint-" + run.id)));
        assertThat(outcomes.load(run.campaign)).isEmpty();
        assertThat(new UnitOutcomeRepository(jdbc).load(run.campaign)).isEmpty();
    }

    @Test
    void outcomesAreRememberedForTheCampaignRunLastOnly() {
        Run first = new Run();
        Run last = new Run();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            first.store();
            last.store();
        });
        outcomes.load(first.campaign);
        outcomes.load(last.campaign);

        // Behind the repository's back: what it still remembers answers as before, what it let go is read again.
        jdbc.update("DELETE FROM kp_unit_outcome_shard WHERE campaign IN (?, ?)", first.campaign, last.campaign);
        assertThat(outcomes.load(last.campaign)).containsOnlyKeys("fingerprint-" + last.id);
        assertThat(outcomes.load(first.campaign)).isEmpty();
    }

    @Test
    void aRunOfAnotherCampaignLetsGoOfTheOutcomesKeptBeforeItStarts() {
        Run first = new Run();
        new TransactionTemplate(transactions).executeWithoutResult(status -> first.store());
        outcomes.load(first.campaign);

        new OneCampaignInMemory(outcomes).beforeJob(MetaDataInstanceFactory.createJobExecution("consolidationJob", 1L,
                1L, new JobParametersBuilder().addString(RunParameters.CAMPAIGN, "another").toJobParameters()));

        // Behind the repository's back: what it let go is read again, and is gone.
        jdbc.update("DELETE FROM kp_unit_outcome_shard WHERE campaign = ?", first.campaign);
        assertThat(outcomes.load(first.campaign)).isEmpty();
    }

    @Test
    void aRerunRewritesOnlyTheShardsItsNewAndStaleOutcomesFallIn() {
        String campaign = "shards-" + UUID.randomUUID();
        List<UnitOutcomeRepository.Stored> first = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            first.add(new UnitOutcomeRepository.Stored("f" + i, new byte[] {(byte) i, 1},
                    i % 2 == 0 ? null : new LeafRows(i, new byte[] {(byte) i}, i * 3L, i * 5L)));
        }
        outcomes.load(campaign);
        new TransactionTemplate(transactions).executeWithoutResult(s -> outcomes.save(campaign, first, List.of()));
        Map<Integer, byte[]> before = shards(campaign);

        UnitOutcomeRepository.Stored corrected = new UnitOutcomeRepository.Stored("g1", new byte[] {9}, null);
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                outcomes.save(campaign, List.of(corrected), List.of("f7")));

        Map<Integer, byte[]> after = shards(campaign);
        Set<Integer> rewritten = new HashSet<>();
        Set<Integer> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        all.forEach(shard -> {
            if (!Arrays.equals(after.get(shard), before.get(shard))) {
                rewritten.add(shard);
            }
        });
        assertThat(rewritten).containsExactlyInAnyOrder(UnitOutcomeRepository.shard("g1"),
                UnitOutcomeRepository.shard("f7"));
        Map<String, UnitOutcomeRepository.Stored> inDatabase = new UnitOutcomeRepository(jdbc).load(campaign);
        assertThat(inDatabase).hasSize(3000).containsKey("g1").doesNotContainKey("f7");
        assertThat(inDatabase.keySet()).isEqualTo(outcomes.load(campaign).keySet());
        assertThat(inDatabase.get("f8").leafRows()).isNull();
        assertThat(inDatabase.get("f9").outcome()).containsExactly(9, 1);
        assertThat(inDatabase.get("f9").leafRows()).extracting(LeafRows::firstRow, LeafRows::crc, LeafRows::length)
                .containsExactly(9, 27L, 45L);
    }

    @Test
    void aShardLeftWithoutOutcomesIsDeleted() {
        String campaign = "shards-" + UUID.randomUUID();
        UnitOutcomeRepository.Stored only = new UnitOutcomeRepository.Stored("alone", new byte[] {1}, null);
        new TransactionTemplate(transactions).executeWithoutResult(s -> outcomes.save(campaign, List.of(only), List.of()));
        assertThat(shards(campaign)).containsOnlyKeys(UnitOutcomeRepository.shard("alone"));

        new TransactionTemplate(transactions).executeWithoutResult(s ->
                outcomes.save(campaign, List.of(), List.of("alone")));

        assertThat(shards(campaign)).isEmpty();
        assertThat(outcomes.load(campaign)).isEmpty();
    }

    @Test
    void manyOutcomesAreStoredInPartsEachCommittedOnItsOwnButTheLast() {
        String campaign = "parts-" + UUID.randomUUID();
        // 200 outcomes of 1 KB in parts of 20 KB: the shards of about 20 outcomes at a time, each part on its own.
        UnitOutcomeRepository inParts = new UnitOutcomeRepository(jdbc, transactions, 20_000);
        List<UnitOutcomeRepository.Stored> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new UnitOutcomeRepository.Stored("p" + i, new byte[1000], null));
        }

        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            inParts.save(campaign, many, List.of());
            s.setRollbackOnly();
        });
        Map<String, UnitOutcomeRepository.Stored> committed = new UnitOutcomeRepository(jdbc).load(campaign);
        assertThat(committed.size()).isBetween(150, 199);
        assertThat(inParts.load(campaign).keySet()).isEqualTo(committed.keySet());

        new TransactionTemplate(transactions).executeWithoutResult(s -> inParts.save(campaign, many, List.of()));
        assertThat(new UnitOutcomeRepository(jdbc).load(campaign)).hasSize(200);
        assertThat(inParts.load(campaign).keySet()).isEqualTo(new UnitOutcomeRepository(jdbc).load(campaign).keySet());
    }

    private Map<Integer, byte[]> shards(String campaign) {
        Map<Integer, byte[]> out = new HashMap<>();
        jdbc.query("SELECT shard, outcomes FROM kp_unit_outcome_shard WHERE campaign = ?",
                (RowCallbackHandler) rs -> out.put(rs.getInt(1), rs.getBytes(2)), campaign);
        return out;
    }

    @Test
    void runsRecordedAsRowsBeforeTheirListsBecameDocumentsAreStillRead() {
        String runId = "20250101-000000-000-" + UUID.randomUUID();
        jdbc.update("INSERT INTO kp_run_file (run_id, campaign, path, source, size_bytes, modified, sha256, ignored,"
                + " parse_key, changed) VALUES (?, 'old', 'self/乙.xlsx', 'SELF', 10, 20, 'h2', NULL, 'k2', 30),"
                + " (?, 'old', 'inspection/甲.xlsx', 'INSPECTION', 11, 21, 'h1', NULL, 'k1', 31)", runId, runId);
        jdbc.update("INSERT INTO kp_run (run_id, campaign, files_found, files_parsed, files_rejected, units, units_ranked,"
                + " discrepancies, inputs_key, reported_at) VALUES (?, 'old', 2, 2, 0, 1, 1, 0, 'x', CURRENT_TIMESTAMP)",
                runId);
        jdbc.update("INSERT INTO kp_run_unit (run_id, unit, status, total, unit_rank) VALUES (?, '甲', 'RANKED', 90.5, 1)",
                runId);

        assertThat(new RunFileRepository(jdbc).files(runId)).containsExactly(
                new RunFileRepository.RunFile(new InputFile("inspection/甲.xlsx", Source.INSPECTION, 11, 21, "h1", null,
                        31), "k1"),
                new RunFileRepository.RunFile(new InputFile("self/乙.xlsx", Source.SELF, 10, 20, "h2", null, 30), "k2"));
        assertThat(new RunRecordRepository(jdbc).units(runId)).singleElement().satisfies(u -> {
            assertThat(u.total()).isEqualByComparingTo("90.5");
            assertThat(u.rank()).isEqualTo(1);
        });
    }

    @Test
    void aRerunsListIsStoredAsItsChangesAgainstTheFirstWholeListAndReadBackWhole() {
        String campaign = "lists-" + UUID.randomUUID();
        String first = campaign + "-1";
        String second = campaign + "-2";
        String third = campaign + "-3";
        List<RunFileRepository.RunFile> files = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            files.add(listed(String.format("self/%02d.xlsx", i), "h" + i));
        }
        runFiles.save(first, campaign, files, null, List.of());
        List<RunFileRepository.RunFile> corrected = new ArrayList<>(files);
        corrected.set(3, listed("self/03.xlsx", "corrected"));
        corrected.remove(7);
        corrected.add(listed("self/99.xlsx", "new"));
        runFiles.save(second, campaign, corrected, first, runFiles.files(first));
        List<RunFileRepository.RunFile> again = new ArrayList<>(corrected);
        again.set(0, listed("self/00.xlsx", "corrected"));
        runFiles.save(third, campaign, again, second, runFiles.files(second));

        assertThat(baseRuns(campaign)).containsEntry(first, "").containsEntry(second, first).containsEntry(third, first);
        RunFileRepository fresh = new RunFileRepository(jdbc);
        assertThat(fresh.files(second)).isEqualTo(runFiles.files(second)).isEqualTo(corrected).hasSize(32);
        assertThat(fresh.files(third)).isEqualTo(again);
        assertThat(fresh.files(third).get(0).file().sha256()).isEqualTo("corrected");
        assertThat(fresh.files(third)).extracting(f -> f.file().path()).doesNotContain("self/07.xlsx")
                .endsWith("self/99.xlsx");
    }

    @Test
    void aListWithManyFilesChangedIsStoredWhole() {
        String campaign = "lists-" + UUID.randomUUID();
        List<RunFileRepository.RunFile> files = new ArrayList<>();
        List<RunFileRepository.RunFile> changed = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            files.add(listed(String.format("self/%02d.xlsx", i), "h" + i));
            changed.add(listed(String.format("self/%02d.xlsx", i), i < 3 ? "c" + i : "h" + i));
        }
        runFiles.save(campaign + "-1", campaign, files, null, List.of());
        List<RunFileRepository.RunFile> fewer = new ArrayList<>(files.subList(0, 16));
        fewer.set(0, changed.get(0));
        runFiles.save(campaign + "-2", campaign, fewer, campaign + "-1", files);
        runFiles.save(campaign + "-3", campaign, changed, campaign + "-1", files);

        // Two changes (one file changed, one gone) are an eighth of the sixteen listed; three of seventeen are more.
        assertThat(baseRuns(campaign)).containsEntry(campaign + "-2", campaign + "-1").containsEntry(campaign + "-3", "");
        RunFileRepository fresh = new RunFileRepository(jdbc);
        assertThat(fresh.files(campaign + "-2")).isEqualTo(fewer);
        assertThat(fresh.files(campaign + "-3")).isEqualTo(changed);
    }

    private static RunFileRepository.RunFile listed(String path, String hash) {
        return new RunFileRepository.RunFile(new InputFile(path, Source.SELF, 10, 20, hash, null, 30), "key-" + hash);
    }

    private Map<String, String> baseRuns(String campaign) {
        Map<String, String> out = new HashMap<>();
        jdbc.query("SELECT run_id, base_run FROM kp_run_file_list WHERE campaign = ?",
                (RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)),
                campaign);
        return out;
    }

    /** A run's file list, the parse results of its files (ten sample workbooks) and one outcome. */
    private final class Run {
        final String id = UUID.randomUUID().toString();
        final String campaign = "c-" + id;
        final List<RunFileRepository.RunFile> files = new ArrayList<>();
        final List<ParsedWorkbookRepository.Stored> results = new ArrayList<>();

        Run() {
            WorkbookParser parser = new WorkbookParser(new RubricLoader().load(Path.of("config/rubrics/shanxi-2020.yml")),
                    new RosterLoader().load(SAMPLE.resolve("roster.xlsx")));
            // Listed in reverse path order: the repository gives them back in path order, from memory or not.
            List<InputFile> found = new ArrayList<>(new InputScanner().scan(SAMPLE.resolve("input")).stream()
                    .filter(InputFile::readable).limit(10).toList());
            java.util.Collections.reverse(found);
            for (InputFile file : found) {
                String key = id + "/" + file.path();
                files.add(new RunFileRepository.RunFile(file, key));
                results.add(new ParsedWorkbookRepository.Stored(key,
                        parser.parse(file, SAMPLE.resolve("input").resolve(file.path()))));
            }
        }

        List<String> keys() {
            return files.stream().map(RunFileRepository.RunFile::parseKey).toList();
        }

        void store() {
            runFiles.save(id, campaign, files);
            parsed.saveAll(results);
            records.save(new RunRecordRepository.RunRecord(id, campaign, 10, 10, 0, 3, 2, 0, "inputs"), List.of(
                    new RunRecordRepository.UnitRecord("甲单位", "RANKED", new BigDecimal("90.5"), 1),
                    new RunRecordRepository.UnitRecord("乙单位", "RANKED", new BigDecimal("1.2345675"), 2),
                    new RunRecordRepository.UnitRecord("丙单位", "UNSCORED", null, null)));
            outcomes.save(campaign, List.of(new UnitOutcomeRepository.Stored("fingerprint-" + id, new byte[] {1, 2, 3},
                    new LeafRows(2, new byte[] {4, 5}, 6, 7))), List.of());
        }
    }
}
