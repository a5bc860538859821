package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeFingerprintTest {

    @Test
    void fingerprintIsASha256OfTheClassesAndTheSameEachTimeItIsTaken() {
        String first = new CodeFingerprint().value();
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(new CodeFingerprint().value()).isEqualTo(first);
    }
}
