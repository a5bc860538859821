package org.kaoping.batch;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Map;
import org.kaoping.report.RenderedTables;
import org.springframework.stereotype.Component;

/**
 * The report tables of the campaign run last, as this process rendered them (see {@link RenderedTables}): a scheduled
 * rerun after one corrected workbook lays most of their blocks into the new workbooks as they are. For that campaign
 * only, as {@link UnitOutcomeRepository} keeps its outcomes: the blocks' row values are the last run's results,
 * and kept for every campaign a process has run they were live data that the collector traced again and again.
 * Softly, so that memory pressure takes them back before it fails anything; the next run then renders every block.
 */
@Component
public class RenderedReports {
    /** The tables of a campaign's two workbooks. */
    public record Tables(RenderedTables ranking, RenderedTables discrepancies) {
    }

    private final Map<String, SoftReference<Tables>> byCampaign = new HashMap<>();

    /** The campaign's tables, forgetting every other campaign's: its turn has come. */
    public synchronized Tables of(String campaign) {
        byCampaign.keySet().removeIf(c -> !c.equals(campaign));
        Tables kept = byCampaign.containsKey(campaign) ? byCampaign.get(campaign).get() : null;
        if (kept == null) {
            kept = new Tables(new RenderedTables(), new RenderedTables());
            byCampaign.put(campaign, new SoftReference<>(kept));
        }
        return kept;
    }
}
