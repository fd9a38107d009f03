package io.ecto4j.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Percentiles read from logarithmic bins stay within their bin's width of the exact ones. */
class HistogramTest {
  @Test
  void percentilesAreWithinNinePercentAndNeverAboveTheMaximum() {
    Histogram histogram = new Histogram();
    for (int ms = 1; ms <= 100; ms++) {
      histogram.add(ms * 1_000_000L);
    }

    assertThat(histogram.count()).isEqualTo(100);
    assertThat(histogram.totalMs()).isEqualTo(5050.0, within(1e-9));
    assertThat(histogram.percentileMs(50)).isBetween(50.0, 50 * 1.09);
    assertThat(histogram.percentileMs(95)).isBetween(95.0, 95 * 1.09);
    assertThat(histogram.percentileMs(99)).isBetween(99.0, 100.0);
    assertThat(histogram.percentileMs(100)).isEqualTo(100.0);
  }

  @Test
  void anEmptyHistogramReadsZeroAndExtremesLandInTheEndBins() {
    Histogram histogram = new Histogram();
    assertThat(histogram.percentileMs(99)).isZero();

    histogram.add(0);
    histogram.add(Long.MAX_VALUE / 2);
    assertThat(histogram.percentileMs(50)).isLessThan(0.002);   // the first bin: up to a microsecond
    assertThat(histogram.percentileMs(100)).isEqualTo(Long.MAX_VALUE / 2 / 1e6, within(1.0));
  }
}
