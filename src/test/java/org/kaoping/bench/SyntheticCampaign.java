package org.kaoping.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.kaoping.normalize.WorkbookFixtures.Matrix;
import org.kaoping.normalize.WorkbookFixtures;
import org.kaoping.rubric.Leaf;
import org.kaoping.rubric.Rubric;
import org.kaoping.rubric.RubricLoader;
import org.kaoping.support.TestHome;

/**
 * A synthetic campaign of N units on the Shanxi rubric: one self-assessment per unit and one inspection matrix
 * per group of {@link #GROUP_SIZE} units, written with the test fixtures (the same layouts the parser tests use).
 *
 * <p>Writing 5,000 workbooks with POI would take longer than reading them, so the self-assessments are made by
 * patching a few fixture-written templates: each template's unit cell holds a placeholder in sharedStrings.xml,
 * replaced per unit while the zip is copied entry by entry. The matrices are few and written by the fixture.
 */
final class SyntheticCampaign {
    static final String CODE = "bench";
    static final String SECOND = "bench2";
    static final String WARM_UP = "warmup";
    static final int GROUP_SIZE = 50;
    private static final int TEMPLATES = 16;
    private static final String PLACEHOLDER = "@@UNIT@@";
    private static final List<String> DIVISIONS = List.of("党群口", "政府口", "政法口");
    private static final long SEED = 20240520L;

    private final Path root;
    private final String code;
    private final int units;
    private final Rubric rubric;
    private final List<byte[]> templates = new ArrayList<>();

    private SyntheticCampaign(Path root, String code, int units) {
        this.root = root;
        this.code = code;
        this.units = units;
        new TestHome(root);
        this.rubric = new RubricLoader().load(root.resolve("config/rubrics/shanxi-2020.yml"));
    }

    /** Writes config, roster and every input workbook of campaign {@code code} under {@code root} (a kaoping.home). */
    static SyntheticCampaign write(Path root, String code, int units) {
        SyntheticCampaign c = new SyntheticCampaign(root, code, units);
        c.config();
        c.templates();
        IntStream.range(0, units).parallel().forEach(i -> c.selfAssessment(i, i % TEMPLATES));
        IntStream.range(0, c.groups()).parallel().forEach(c::matrix);
        return c;
    }

    /**
     * Campaign {@code code}: this one's roster and workbooks again, the workbooks copied anew (so with new times
     * and parse keys), for another first run of a campaign of the same shape.
     */
    SyntheticCampaign copy(String code) {
        SyntheticCampaign c = new SyntheticCampaign(root, code, units);
        c.config();
        c.templates.addAll(templates);
        try (var walk = Files.walk(input())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = c.input().resolve(input().relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Deletes the campaign's workbooks (what kaoping stored of it stays). */
    void removeInput() {
        deleteTree(input());
    }

    /** Deletes {@code root} and everything under it, deepest first. */
    static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String code() {
        return code;
    }

    static String unitName(int i) {
        return String.format("测试单位%05d", i + 1);
    }

    static String groupName(int g) {
        return String.format("第%03d考核组", g + 1);
    }

    int groups() {
        return (units + GROUP_SIZE - 1) / GROUP_SIZE;
    }

    Rubric rubric() {
        return rubric;
    }

    /** The roster written by {@link #config()}. */
    org.kaoping.roster.Roster roster() {
        return new org.kaoping.roster.RosterLoader().load(root.resolve("config/rosters/" + code + ".csv"));
    }

    Path input() {
        return root.resolve("input").resolve(code);
    }

    List<Path> workbooks() {
        try (var walk = Files.walk(input())) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit sends a corrected self-assessment: another template's scores, same file name, newer mtime. */
    Path correct(int unit) {
        return selfAssessment(unit, (unit + 1) % TEMPLATES);
    }

    private void config() {
        StringBuilder csv = new StringBuilder("单位名称,在职人数,分组,考核组\n");
        for (int i = 0; i < units; i++) {
            csv.append(unitName(i)).append(',').append(50 + i % 400).append(',')
                    .append(DIVISIONS.get(i % DIVISIONS.size())).append(',').append(groupName(i / GROUP_SIZE)).append('\n');
        }
        TestHome.write(root.resolve("config/rosters/" + code + ".csv"), csv.toString());
        TestHome.write(root.resolve("config/campaigns/" + code + ".yml"),
                "name: 性能基准 " + units + " 个单位\nrubric: shanxi-2020\nroster: rosters/" + code + ".csv\n");
    }

    /** Self-assessments that lose half points here and there, so units differ from each other. */
    private void templates() {
        Path dir = root.resolve("templates").resolve(code);
        for (int t = 0; t < TEMPLATES; t++) {
            Random random = new Random(SEED + t);
            WorkbookFixtures.ShanxiSelf self = WorkbookFixtures.shanxiSelf(rubric).unit(PLACEHOLDER);
            for (Leaf leaf : rubric.leaves()) {
                self.score(leaf.code(), below(leaf.max(), random));
            }
            try {
                templates.add(Files.readAllBytes(self.write(dir, "template-" + t)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path selfAssessment(int unit, int template) {
        Path file = input().resolve("self").resolve(unitName(unit) + "自查打分表.xlsx");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, patched(templates.get(template), unitName(unit)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void matrix(int group) {
        Random random = new Random(SEED * 31 + group);
        Matrix matrix = WorkbookFixtures.matrix(rubric).group(groupName(group));
        for (int i = group * GROUP_SIZE; i < Math.min(units, (group + 1) * GROUP_SIZE); i++) {
            matrix.unit(unitName(i));
            for (Leaf leaf : rubric.leaves()) {
                matrix.score(leaf.code(), below(leaf.max(), random));
            }
        }
        matrix.write(input().resolve("inspection"), groupName(group) + "评分汇总表");
    }

    /** Full marks mostly, now and then half a point or a point less. */
    private static BigDecimal below(BigDecimal max, Random random) {
        int lost = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
        return max.subtract(BigDecimal.valueOf(lost, 1).multiply(BigDecimal.valueOf(5)));
    }

    private static byte[] patched(byte[] template, String unit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + 64);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(template));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(PLACEHOLDER, unit)
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Moves every input's modification time on by {@code seconds}: each counts as a new version of the file. */
    void touch(int seconds) {
        for (Path file : workbooks()) {
            try {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(file).toMillis() + seconds * 1000L));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static long size(List<Path> files) {
        return files.stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }
}
