package org.kaoping.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worked sample campaigns bundled with the tests in src/test/resources/samples (roster.xlsx, input/,
 * expected.json each), so that a clone needs nothing beside it. Tests run with the project root as working dir.
 */
public final class Samples {
    private Samples() {
    }

    /** src/test/resources/samples: one folder per sample campaign. */
    public static Path root() {
        Path samples = Path.of("src/test/resources/samples").toAbsolutePath().normalize();
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("the bundled samples are not at " + samples
                    + " (tests must run with the project root as working dir)");
        }
        return samples;
    }

    public static Path sample(String campaign) {
        return root().resolve(campaign);
    }
}
