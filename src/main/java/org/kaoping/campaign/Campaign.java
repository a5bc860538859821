package org.kaoping.campaign;

import java.nio.file.Path;
import org.kaoping.scoring.GapThresholds;

/**
 * A campaign as configured in {@code config/campaigns/<code>.yml}: its display name, the rubric it scores
 * against, its roster, and when self/official gaps are reported.
 */
public record Campaign(String code, String name, String rubric, Path rubricFile, Path rosterFile, GapThresholds gaps) {
}
