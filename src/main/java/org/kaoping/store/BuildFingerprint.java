package org.kaoping.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The build that stored results come from: a SHA-256 of every compiled class of kaoping and of the pom (its
 * dependencies' versions), written by the build into {@value #RESOURCE}. It is part of every parse key and every
 * stored outcome's key, so any change to reading, scoring, encoding or writing (or an upgraded library) makes the
 * next run read and score everything again instead of reusing what an older build stored. Code run without that
 * build step (from an IDE) gets a key of its own per process: nothing stored is ever reused by it.
 */
@Component
public class BuildFingerprint {
    static final String RESOURCE = "kaoping-build.txt";

    private final String value;

    public BuildFingerprint() {
        this.value = read();
    }

    public String value() {
        return value;
    }

    private static String read() {
        try (InputStream in = BuildFingerprint.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            String stored = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            return stored.matches("[0-9a-f]{64}") ? stored : "unbuilt-" + UUID.randomUUID();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
