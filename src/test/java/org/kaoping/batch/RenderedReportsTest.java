package org.kaoping.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedReportsTest {
    @Test
    void aCampaignKeepsItsTablesUntilAnotherCampaignsTurn() {
        RenderedReports reports = new RenderedReports();
        RenderedReports.Tables first = reports.of("2024-wm");
        assertThat(reports.of("2024-wm")).isSameAs(first);
        assertThat(reports.of("2024-wx")).isNotSameAs(first);
        assertThat(reports.of("2024-wm")).isNotSameAs(first);
    }
}
