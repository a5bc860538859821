package org.kaoping.scoring;

import java.util.HashSet;
import java.util.Set;

/** The notes of an applied adjustment or a discrepancy: parts joined by “；”, blanks and repeats left out. */
final class Notes {
    private Notes() {
    }

    static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (String p : parts) {
            if (p != null && !p.isBlank() && seen.add(p.strip())) {
                s.append(s.isEmpty() ? "" : "；").append(p);
            }
        }
        return s.toString();
    }
}
