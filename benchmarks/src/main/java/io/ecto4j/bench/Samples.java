package io.ecto4j.bench;

import java.util.Arrays;

/**
 * The operations of one side of a {@link Paired} iteration: the nanoseconds of each, and the bytes
 * they allocated. Grows as needed; an iteration of two seconds holds at most a few hundred thousand.
 */
final class Samples {
  private long[] nanos = new long[1 << 16];
  private int count;
  private long bytes;

  void add(long operationNanos, long operationBytes) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = operationNanos;
    bytes += operationBytes;
  }

  void clear() {
    count = 0;
    bytes = 0;
  }

  int count() {
    return count;
  }

  /** The median operation's time in microseconds; NaN when there was none. */
  double medianMicros() {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double middle = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2.0;
    return middle / 1e3;
  }

  /** The bytes allocated per operation, on average; NaN when there was none. */
  double bytesPerOperation() {
    return count == 0 ? Double.NaN : (double) bytes / count;
  }
}
