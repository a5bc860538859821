package org.kaoping.campaign;

import java.util.List;
import java.util.Map;
import org.kaoping.text.Nearest;

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
                String suggestion = Nearest.of(k, known).map(n -> "，是否应为 “" + qualified(path, n) + "”？")
                        .orElse("；可用的键：" + String.join("、", known));
                throw new CampaignException(file + ": 未知的键 “" + qualified(path, k) + "”" + suggestion);
            }
        }
    }

    private static String qualified(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
