package org.kaoping.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BuildFingerprintTest {

    @Test
    void fingerprintIsTheDigestTheBuildWroteBesideTheClasses() throws Exception {
        String written = Files.readString(Path.of("target/classes", BuildFingerprint.RESOURCE)).strip();

        assertThat(written).matches("[0-9a-f]{64}");
        assertThat(new BuildFingerprint().value()).isEqualTo(written);
    }
}
