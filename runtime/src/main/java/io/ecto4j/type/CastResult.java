package io.ecto4j.type;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of casting external input to a field's type: a value, or a refusal. Changesets turn
 * a refusal into the error {@code is invalid} with {@code validation: cast} and the type.
 *
 * @param <V> the field's Java type
 */
public final class CastResult<V> {
  private static final CastResult<?> INVALID = new CastResult<>(null, false, Map.of());

  private final V value;
  private final boolean ok;
  private final Map<String, Object> details;

  private CastResult(V value, boolean ok, Map<String, Object> details) {
    this.value = value;
    this.ok = ok;
    this.details = details;
  }

  /** A successful cast to {@code value} (which may be null, for an empty input). */
  public static <V> CastResult<V> ok(V value) {
    return new CastResult<>(value, true, Map.of());
  }

  /** The input cannot be read as this type. */
  @SuppressWarnings("unchecked")
  public static <V> CastResult<V> invalid() {
    return (CastResult<V>) INVALID;
  }

  /**
   * The input is refused for a reason the error's metadata should carry, beside {@code type}: an
   * enum's {@code validation: inclusion} with the allowed names under {@code enum}, as Ecto.Enum
   * reports it. The map's order is kept.
   */
  public static <V> CastResult<V> invalid(Map<String, ?> details) {
    return new CastResult<>(null, false, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details)));
  }

  /** Whether the input was cast. */
  public boolean isOk() {
    return ok;
  }

  /** The cast value; only meaningful when {@link #isOk()}. */
  public V value() {
    return value;
  }

  /** The error metadata of a refusal given by {@link #invalid(Map)}; empty otherwise. */
  public Map<String, Object> details() {
    return details;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CastResult<?> other && ok == other.ok && Objects.equals(value, other.value)
        && details.equals(other.details);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, ok, details);
  }

  @Override
  public String toString() {
    return ok ? "ok(" + value + ")" : details.isEmpty() ? "invalid" : "invalid" + details;
  }
}
