package org.kaoping.batch;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kaoping.report.RenderedTables;
import org.springframework.stereotype.Component;

/**
 * Each campaign's report tables as this process last rendered them (see {@link RenderedTables}): a scheduled rerun
 * after one corrected workbook lays most of their blocks into the new workbooks as they are. Softly, so that memory
 * pressure takes them back (a campaign of 5,000 units keeps some 3 MB) before it fails anything; the next run then
 * renders every block again.
 */
@Component
public class RenderedReports {
    /** The tables of a campaign's two workbooks. */
    public record Tables(RenderedTables ranking, RenderedTables discrepancies) {
    }

    private final Map<String, SoftReference<Tables>> byCampaign = new ConcurrentHashMap<>();

    public Tables of(String campaign) {
        return byCampaign.compute(campaign, (code, kept) ->
                kept != null && kept.get() != null ? kept
                        : new SoftReference<>(new Tables(new RenderedTables(), new RenderedTables()))).get();
    }
}
