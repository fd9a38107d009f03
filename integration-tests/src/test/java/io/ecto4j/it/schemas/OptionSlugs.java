package io.ecto4j.it.schemas;

import io.ecto4j.schema.Autogenerate;
import java.util.concurrent.atomic.AtomicInteger;

/** The slugs of {@link OptionRecord}: {@code slug-1}, {@code slug-2}, … in the order they are made. */
public final class OptionSlugs implements Autogenerate<String> {
  private static final AtomicInteger MADE = new AtomicInteger();

  @Override
  public String generate() {
    return "slug-" + MADE.incrementAndGet();
  }

  /** How many slugs were made so far. */
  public static int made() {
    return MADE.get();
  }
}
