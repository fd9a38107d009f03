package io.ecto4j.it.schemas;

import io.ecto4j.schema.Autogenerate;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** Timestamps one day apart from 2000-01-01, one per call, so that a test knows which call made which. */
public final class TickingClock implements Autogenerate<LocalDateTime> {
  /** The first value made. */
  public static final LocalDateTime START = LocalDateTime.of(2000, 1, 1, 12, 0);
  private static final AtomicInteger CALLS = new AtomicInteger();

  @Override
  public LocalDateTime generate() {
    return START.plusDays(CALLS.getAndIncrement());
  }

  /** The value the next call makes. */
  public static LocalDateTime next() {
    return START.plusDays(CALLS.get());
  }
}
