package org.kaoping.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.kaoping.intake.InputFile;

/**
 * The key a parse result is stored under: the file's content, path and time, and the rubric/roster it was
 * read against. Same key, same result — so it is never computed twice.
 */
public final class ParseKeys {
    private ParseKeys() {
    }

    public static String of(String contextKey, InputFile file) {
        return sha256(contextKey + '\n' + file.sha256() + '\n' + file.path() + '\n' + file.modified());
    }

    /** The SHA-256 of a key's material (UTF-8), in hex: how kaoping's stored results are keyed. */
    public static String sha256(String material) {
        return HexFormat.of().formatHex(sha256().digest(material.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
