package io.ecto4j.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of casting external input to a field's type: a value, or a refusal. Changesets turn
 * a refusal into an error with {@code validation: cast} and the type: {@code is invalid}, or the
 * message and metadata a custom type gave, Ecto's {@code {:error, message: "…", reason: …}}.
 *
 * <pre>{@code
 * return CastResult.invalid("must be in %{currency}", Map.of("currency", "EUR"));
 * }</pre>
 *
 * @param <V> the field's Java type
 */
public final class CastResult<V> {
  private static final CastResult<?> INVALID = new CastResult<>(null, false, null, Map.of());

  private final V value;
  private final boolean ok;
  private final String message;
  private final Map<String, Object> keys;

  private CastResult(V value, boolean ok, String message, Map<String, Object> keys) {
    this.value = value;
    this.ok = ok;
    this.message = message;
    this.keys = keys;
  }

  /** A successful cast to {@code value} (which may be null, for an empty input). */
  public static <V> CastResult<V> ok(V value) {
    return new CastResult<>(value, true, null, Map.of());
  }

  /** The input cannot be read as this type. */
  @SuppressWarnings("unchecked")
  public static <V> CastResult<V> invalid() {
    return (CastResult<V>) INVALID;
  }

  /**
   * The input cannot be read as this type, with the error message (a template with
   * {@code %{key}} placeholders) and metadata the changeset error gets, e.g.
   * {@code invalid("is not an email", Map.of("reason", "no_at_sign"))}. The metadata keeps the
   * iteration order of {@code keys}; {@code type} and {@code validation} are the changeset's own.
   */
  public static <V> CastResult<V> invalid(String message, Map<String, ?> keys) {
    return new CastResult<>(null, false, Objects.requireNonNull(message, "message"), copy(keys));
  }

  /** The input cannot be read as this type; the error is {@code is invalid} with this metadata. */
  public static <V> CastResult<V> invalid(Map<String, ?> keys) {
    return new CastResult<>(null, false, null, copy(keys));
  }

  private static Map<String, Object> copy(Map<String, ?> keys) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(keys, "keys")));
  }

  public boolean isOk() {
    return ok;
  }

  /** The cast value; only meaningful when {@link #isOk()}. */
  public V value() {
    return value;
  }

  /** The error message a refusal asks for; empty for the default {@code is invalid}. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** The metadata of a refusal, in order; empty for a plain refusal or a success. */
  public Map<String, Object> keys() {
    return keys;
  }

  /**
   * This refusal, found at {@code position} of a container (a list index, a map key): Ecto's
   * {@code source} metadata, to which each enclosing container prepends its position. A plain
   * refusal stays plain, as in Ecto.
   */
  <W> CastResult<W> at(Object position) {
    if (message == null && keys.isEmpty()) {
      return invalid();
    }
    Map<String, Object> located = new LinkedHashMap<>(keys);
    List<Object> source = new ArrayList<>();
    source.add(position);
    if (keys.get("source") instanceof List<?> inner) {
      source.addAll(inner);
    }
    located.put("source", List.copyOf(source));
    return new CastResult<>(null, false, message, Collections.unmodifiableMap(located));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CastResult<?> other && ok == other.ok && Objects.equals(value, other.value)
        && Objects.equals(message, other.message) && keys.equals(other.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, ok, message, keys);
  }

  @Override
  public String toString() {
    if (ok) {
      return "ok(" + value + ")";
    }
    if (message == null && keys.isEmpty()) {
      return "invalid";
    }
    return "invalid(" + (message == null ? "" : message + ", ") + keys + ")";
  }
}
