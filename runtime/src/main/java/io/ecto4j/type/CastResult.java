package io.ecto4j.type;

import java.util.Objects;

/**
 * The outcome of casting external input to a field's type: a value, or a refusal. Changesets turn
 * a refusal into the error {@code is invalid} with {@code validation: cast} and the type.
 *
 * @param <V> the field's Java type
 */
public final class CastResult<V> {
  private static final CastResult<?> INVALID = new CastResult<>(null, false);

  private final V value;
  private final boolean ok;

  private CastResult(V value, boolean ok) {
    this.value = value;
    this.ok = ok;
  }

  /** A successful cast to {@code value} (which may be null, for an empty input). */
  public static <V> CastResult<V> ok(V value) {
    return new CastResult<>(value, true);
  }

  /** The input cannot be read as this type. */
  @SuppressWarnings("unchecked")
  public static <V> CastResult<V> invalid() {
    return (CastResult<V>) INVALID;
  }

  public boolean isOk() {
    return ok;
  }

  /** The cast value; only meaningful when {@link #isOk()}. */
  public V value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CastResult<?> other && ok == other.ok && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, ok);
  }

  @Override
  public String toString() {
    return ok ? "ok(" + value + ")" : "invalid";
  }
}
