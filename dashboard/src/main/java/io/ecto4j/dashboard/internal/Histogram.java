package io.ecto4j.dashboard.internal;

import java.util.Arrays;

/**
 * Durations counted in logarithmic bins, eight per doubling, from a microsecond to about two
 * minutes: a percentile is read within 9% of the true value, and memory stays a few hundred ints
 * however many statements arrive. The dashboard runs for the life of a service, so it cannot keep
 * every sample as {@code QueryStats} does for a test or a load run.
 */
public final class Histogram {
  private static final int PER_DOUBLING = 8;
  private static final int MIN_EXPONENT = 10;   // 2^10 ns, about a microsecond
  private static final int BINS = (37 - MIN_EXPONENT) * PER_DOUBLING + 1;

  private final int[] bins = new int[BINS];
  private long count;
  private long totalNanos;
  private long maxNanos;

  public synchronized void add(long nanos) {
    bins[bin(nanos)]++;
    count++;
    totalNanos += nanos;
    maxNanos = Math.max(maxNanos, nanos);
  }

  public synchronized long count() {
    return count;
  }

  public synchronized double totalMs() {
    return totalNanos / 1e6;
  }

  public synchronized double maxMs() {
    return maxNanos / 1e6;
  }

  /** The {@code p}th percentile in milliseconds, the upper bound of its bin capped at the maximum seen. */
  public synchronized double percentileMs(double p) {
    if (count == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p / 100.0 * count);
    long seen = 0;
    for (int i = 0; i < BINS; i++) {
      seen += bins[i];
      if (seen >= rank) {   // the last bin holds everything longer: its bound is the maximum
        return (i == BINS - 1 ? maxNanos : Math.min(upperBound(i), maxNanos)) / 1e6;
      }
    }
    return maxNanos / 1e6;
  }

  public synchronized void clear() {
    Arrays.fill(bins, 0);
    count = 0;
    totalNanos = 0;
    maxNanos = 0;
  }

  static int bin(long nanos) {
    if (nanos <= 1L << MIN_EXPONENT) {
      return 0;
    }
    double exponent = Math.log(nanos) / Math.log(2) - MIN_EXPONENT;
    return (int) Math.min(BINS - 1, Math.ceil(exponent * PER_DOUBLING));
  }

  static double upperBound(int bin) {
    return Math.pow(2, MIN_EXPONENT + (double) bin / PER_DOUBLING);
  }
}
