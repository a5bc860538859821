package org.kaoping.text;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The known word a mistyped one most likely meant: for the messages that refuse an unknown key. */
public final class Nearest {
    private Nearest() {
    }

    /** The nearest of {@code known} to {@code word}, if it is near enough to be a typing mistake. */
    public static Optional<String> of(String word, List<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(word, k)))
                .filter(k -> distance(word, k) <= Math.max(2, k.length() / 3));
    }

    /**
     * The message refusing {@code key} at {@code path} (empty for the top level) of a file whose keys there are
     * {@code known}: the nearest known key when it is near, else them all.
     */
    public static String unknownKey(String path, String key, List<String> known) {
        return "未知的键 “" + qualified(path, key) + "”" + of(key, known)
                .map(n -> "，是否应为 “" + qualified(path, n) + "”？").orElse("；可用的键：" + String.join("、", known));
    }

    private static String qualified(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
