package org.kaoping.campaign;

import java.nio.file.Path;

/**
 * The folder a run works in ({@code kaoping.home}): {@code config/}, {@code input/} (read only),
 * {@code output/} and {@code data/} (the H2 database).
 */
public record KaopingHome(Path root) {

    public KaopingHome {
        root = root.toAbsolutePath().normalize();
    }

    public Path config() {
        return root.resolve("config");
    }

    public Path campaignFile(String campaign) {
        return config().resolve("campaigns").resolve(campaign + ".yml");
    }

    public Path rubricFile(String rubric) {
        return config().resolve("rubrics").resolve(rubric + ".yml");
    }

    public Path input(String campaign) {
        return root.resolve("input").resolve(campaign);
    }

    public Path output(String campaign) {
        return root.resolve("output").resolve(campaign);
    }
}
