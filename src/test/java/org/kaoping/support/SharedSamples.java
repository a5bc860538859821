package org.kaoping.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The worked campaigns in ../shared/samples (CI has shared/ beside the checkout). */
public final class SharedSamples {
    private SharedSamples() {
    }

    public static Path root() {
        Path shared = Path.of(System.getProperty("kaoping.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(shared.resolve("samples"))) {
            throw new IllegalStateException("../shared/samples not found at " + shared);
        }
        return shared;
    }

    public static Path sample(String campaign) {
        return root().resolve("samples").resolve(campaign);
    }
}
