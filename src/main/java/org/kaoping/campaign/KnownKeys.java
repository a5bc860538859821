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
            if (!known.contains(String.valueOf(key))) {
                throw new CampaignException(file + ": " + Nearest.unknownKey(path, String.valueOf(key), known));
            }
        }
    }
}
