package org.kaoping.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Builds a kaoping.home for tests: the repo's rubrics, plus campaigns made from samples or generated files. */
public final class TestHome {
    private final Path root;

    public TestHome(Path root) {
        this.root = root;
        copyTree(Path.of("config/rubrics"), root.resolve("config/rubrics"));
    }

    /** A home in a new temporary folder, for a test class's whole run. */
    public static TestHome temporary(String prefix) {
        try {
            return new TestHome(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** Points the application under test at this home. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("kaoping.home", () -> root.toString());
        TestDatabase.register(registry, root);
    }

    /** A campaign from the bundled sample src/test/resources/samples/&lt;sample&gt;: its roster and its input folder. */
    public TestHome sampleCampaign(String code, String sample, String rubric) {
        Path from = Samples.sample(sample);
        copyFile(from.resolve("roster.xlsx"), root.resolve("config/rosters/" + code + ".xlsx"));
        copyTree(from.resolve("input"), root.resolve("input/" + code));
        return campaign(code, rubric, "rosters/" + code + ".xlsx");
    }

    public TestHome campaign(String code, String rubric, String roster) {
        write(root.resolve("config/campaigns/" + code + ".yml"),
                "name: 测试 " + code + "\nrubric: " + rubric + "\nroster: " + roster + "\n");
        return this;
    }

    /** Adds settings ({@code schedule:}, {@code ranking:}, …) to the end of campaign {@code code}'s file. */
    public TestHome appendToCampaign(String code, String yaml) {
        Path file = root.resolve("config/campaigns/" + code + ".yml");
        try {
            write(file, Files.readString(file) + yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The run folders under {@code home}'s output/&lt;campaign&gt;/ (latest/ and hidden ones aside). */
    public static long runFolders(Path home, String campaign) {
        Path output = home.resolve("output").resolve(campaign);
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(output)) {
            return dirs.filter(d -> !d.getFileName().toString().equals("latest")
                    && !d.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path input(String campaign) {
        return root.resolve("input").resolve(campaign);
    }

    public Path latest(String campaign, String file) {
        return root.resolve("output").resolve(campaign).resolve("latest").resolve(file);
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            to.toFile().setWritable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                copyFile(p, to.resolve(from.relativize(p).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
