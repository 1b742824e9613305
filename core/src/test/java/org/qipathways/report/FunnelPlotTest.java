package org.qipathways.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The funnel plot's control limits and positions, worked by hand. */
class FunnelPlotTest {

    @Test
    void limitsAreTheNormalApproximationToTheBinomial() {
        // p = 0.3, n = 100: sqrt(0.21 / 100) = 0.045826.
        assertThat(FunnelPlot.limit(0.3, 100, FunnelPlot.Z_95, true)).isCloseTo(0.3898, within(1e-4));
        assertThat(FunnelPlot.limit(0.3, 100, FunnelPlot.Z_95, false)).isCloseTo(0.2102, within(1e-4));
        assertThat(FunnelPlot.limit(0.3, 100, FunnelPlot.Z_998, true)).isCloseTo(0.4416, within(1e-4));
        assertThat(FunnelPlot.limit(0.3, 100, FunnelPlot.Z_998, false)).isCloseTo(0.1584, within(1e-4));
        // Narrower with more people; never below 0 or above 1.
        assertThat(FunnelPlot.limit(0.3, 400, FunnelPlot.Z_95, true)).isCloseTo(0.3449, within(1e-4));
        assertThat(FunnelPlot.limit(0.05, 10, FunnelPlot.Z_998, false)).isZero();
        assertThat(FunnelPlot.limit(0.95, 10, FunnelPlot.Z_998, true)).isEqualTo(1.0);
    }

    @Test
    void positionsAgainstTheLimits() {
        assertThat(FunnelPlot.position(0.3, 100, 0.30)).isEqualTo("within the 95% limits");
        assertThat(FunnelPlot.position(0.3, 100, 0.40)).isEqualTo("above the 95% limit");
        assertThat(FunnelPlot.position(0.3, 100, 0.45)).isEqualTo("above the 99.8% limit");
        assertThat(FunnelPlot.position(0.3, 100, 0.20)).isEqualTo("below the 95% limit");
        assertThat(FunnelPlot.position(0.3, 100, 0.15)).isEqualTo("below the 99.8% limit");
    }
}
