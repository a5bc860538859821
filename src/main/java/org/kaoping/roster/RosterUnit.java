package org.kaoping.roster;

import java.util.List;

/**
 * A unit of the campaign's roster (单位名单). {@code division} is the 分组 it is also ranked within;
 * {@code group} the inspection group (考核组) assigned to it; {@code headcount} the 在职人数, if known.
 */
public record RosterUnit(String name, List<String> aliases, Integer headcount, String division, String group) {
    public RosterUnit {
        aliases = List.copyOf(aliases);
    }
}
