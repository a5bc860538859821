package org.kaoping.roster;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kaoping.text.Text;

/**
 * The units of a campaign, found by roster name or alias however they are spelled in a workbook
 * (stray spaces, full-width or half-width punctuation).
 */
public final class Roster {
    private static final Pattern PUNCTUATION = Pattern.compile("[\"'“”‘’·•.,，。;；:：、]");
    private final List<RosterUnit> units;
    private final Map<String, RosterUnit> byKey = new LinkedHashMap<>();
    private final Set<String> groups = new LinkedHashSet<>();

    public Roster(List<RosterUnit> units) {
        this.units = List.copyOf(units);
        for (RosterUnit u : units) {
            byKey.putIfAbsent(nameKey(u.name()), u);
            if (u.group() != null && !u.group().isBlank()) {
                groups.add(u.group());
            }
        }
        for (RosterUnit u : units) {
            for (String alias : u.aliases()) {
                byKey.putIfAbsent(nameKey(alias), u);
            }
        }
    }

    public List<RosterUnit> units() {
        return units;
    }

    public Set<String> groups() {
        return groups;
    }

    /** The unit whose name or alias is exactly this text, spacing and punctuation width aside. */
    public Optional<RosterUnit> find(String name) {
        return Optional.ofNullable(byKey.get(nameKey(name)));
    }

    /**
     * The unit whose name or alias occurs in this text (a file or sheet name such as
     * {@code 附件2 百分考评细则（审计局）.xlsx}); the longest match wins so that {@code 省人社厅} beats {@code 人社厅}.
     */
    public Optional<RosterUnit> findIn(String text) {
        String key = nameKey(text);
        return byKey.entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && key.contains(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The roster group (考核组) named exactly, or contained in the text (a file name such as {@code 第二考核组打分汇总表}). */
    public Optional<String> findGroup(String text) {
        String key = nameKey(text);
        Optional<String> exact = groups.stream().filter(g -> nameKey(g).equals(key)).findFirst();
        if (exact.isPresent() || key.isEmpty()) {
            return exact;
        }
        return groups.stream().filter(g -> key.contains(nameKey(g)))
                .max(Comparator.comparingInt(g -> nameKey(g).length()));
    }

    private static String nameKey(String s) {
        return PUNCTUATION.matcher(Text.key(s)).replaceAll("");
    }
}
