package io.ecto4j.query;

import java.util.Objects;

/**
 * A value of an {@code insertAll} row that stands for a value bound once for the whole statement,
 * Ecto's {@code {:placeholder, key}}: {@code Map.of("body", Placeholder.of("long_text"))} with
 * {@code WriteOptions.defaults().placeholders(Map.of("long_text", text))} sends {@code text} once,
 * however many rows use it.
 *
 * @param key the key in the options' placeholders
 */
public record Placeholder(String key) {
  public Placeholder {
    Objects.requireNonNull(key, "key");
  }

  /** The placeholder for {@code key}. */
  public static Placeholder of(String key) {
    return new Placeholder(key);
  }
}
