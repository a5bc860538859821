package org.kaoping.scoring.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DisplayRoundingTest {

    @Test
    void halfUpRoundsATrailingFiveUpAndHalfEvenToTheEvenNeighbour() {
        assertThat(DisplayRounding.HALF_UP.format(new BigDecimal("84.125"))).isEqualTo("84.13");
        assertThat(DisplayRounding.HALF_EVEN.format(new BigDecimal("84.125"))).isEqualTo("84.12");
        assertThat(DisplayRounding.HALF_UP.format(new BigDecimal("84.135"))).isEqualTo("84.14");
        assertThat(DisplayRounding.HALF_EVEN.format(new BigDecimal("84.135"))).isEqualTo("84.14");
    }

    @Test
    void halfEvenRoundsUpWhenAnythingFollowsTheFive() {
        assertThat(DisplayRounding.HALF_EVEN.format(new BigDecimal("84.1251"))).isEqualTo("84.13");
        assertThat(DisplayRounding.HALF_EVEN.format(new BigDecimal("84.12500"))).isEqualTo("84.12");
    }

    @Test
    void shownValuesHaveTwoPlacesAndNullStaysBlank() {
        assertThat(DisplayRounding.HALF_EVEN.shown(new BigDecimal("85"))).isEqualTo(new BigDecimal("85.00"));
        assertThat(DisplayRounding.HALF_UP.shown(null)).isNull();
        assertThat(DisplayRounding.HALF_UP.format(null)).isEmpty();
    }
}
