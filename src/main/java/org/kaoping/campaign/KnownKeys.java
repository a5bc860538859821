package org.kaoping.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Refuses a key that a configuration file does not define: a misspelt {@code retension:} or {@code shedule:}
 * would otherwise be ignored without a word (nothing pruned, no schedule firing). The refusal names the file, the
 * path of the node and the nearest known key.
 */
public final class KnownKeys {
    private KnownKeys() {
    }

    /** {@code path}: where {@code node} sits in the file, empty for the top level. */
    public static void check(String file, String path, Map<?, ?> node, List<String> known) {
        for (Object key : node.keySet()) {
            String k = String.valueOf(key);
            if (!known.contains(k)) {
                String nearest = known.stream().min(Comparator.comparingInt(c -> distance(k, c))).orElseThrow();
                String suggestion = distance(k, nearest) <= Math.max(2, nearest.length() / 3)
                        ? "，是否应为 “" + qualified(path, nearest) + "”？"
                        : "；可用的键：" + String.join("、", known);
                throw new CampaignException(file + ": 未知的键 “" + qualified(path, k) + "”" + suggestion);
            }
        }
    }

    private static String qualified(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
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
