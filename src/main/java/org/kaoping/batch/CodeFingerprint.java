package org.kaoping.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A digest of the compiled code that stored outcomes and 分项得分 rows come from: scoring, rubric and roster types,
 * the report's row writing, and how outcomes are encoded. It is part of every stored outcome's key, so a kaoping
 * upgrade that scores or writes differently scores every unit again on its first run instead of reusing what an
 * older version stored; no version number has to be remembered to bump. Computed once per process (a few dozen
 * class files, wherever they are: a folder, the jar).
 */
@Component
public class CodeFingerprint {
    private static final String[] PATTERNS = {"classpath*:org/kaoping/scoring/**/*.class",
            "classpath*:org/kaoping/rubric/**/*.class", "classpath*:org/kaoping/roster/**/*.class",
            "classpath*:org/kaoping/report/**/*.class", "classpath*:org/kaoping/batch/Binary*.class",
            "classpath*:org/kaoping/batch/UnitOutcomeCodec*.class", "classpath*:org/kaoping/batch/CampaignScoring*.class"};

    private final String value;

    public CodeFingerprint() {
        this.value = digest();
    }

    public String value() {
        return value;
    }

    private static String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                    CodeFingerprint.class.getClassLoader());
            int classes = 0;
            for (String pattern : PATTERNS) {
                Resource[] found = resolver.getResources(pattern);
                Arrays.sort(found, Comparator.comparing(CodeFingerprint::name));
                for (Resource r : found) {
                    digest.update(name(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try (InputStream in = r.getInputStream()) {
                        digest.update(in.readAllBytes());
                    }
                    classes++;
                }
            }
            if (classes == 0) {
                throw new IllegalStateException("kaoping's own classes were not found on the class path");
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Resource r) {
        String name = r.getFilename();
        return name == null ? r.getDescription() : name;
    }
}
