package io.ecto4j.changeset;

/**
 * A field's value and where it came from, Ecto's {@code {:changes, value} | {:data, value}}.
 *
 * @param source whether the value is a change or the data's
 * @param value the value, possibly null
 * @param <V> the field's type
 */
public record Fetched<V>(Source source, V value) {
  /** Where a fetched value came from. */
  public enum Source { CHANGES, DATA }
}
