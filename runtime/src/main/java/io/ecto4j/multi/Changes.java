package io.ecto4j.multi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the steps of a {@link Multi} produced so far, by step, in the order they ran.
 *
 * <pre>{@code
 * .insert(PROFILE, changes -> Profile.changeset(new ProfileStruct(), Map.of("userId", changes.get(USER).id())))
 * }</pre>
 */
public final class Changes {
  private static final Changes EMPTY = new Changes(Map.of());

  private final Map<Key<?>, Object> values;

  private Changes(Map<Key<?>, Object> values) {
    this.values = values;
  }

  static Changes empty() {
    return EMPTY;
  }

  Changes with(Key<?> key, Object value) {
    Map<Key<?>, Object> next = new LinkedHashMap<>(values);
    next.put(key, value);
    return new Changes(Collections.unmodifiableMap(next));
  }

  /** What step {@code key} produced; a step that has not run is an error naming the steps that have. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException("no step named \"" + key + "\" has run yet; steps so far: " + values.keySet());
    }
    return (T) values.get(key);
  }

  /** What step {@code key} produced, if it has run. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Key<T> key) {
    return Optional.ofNullable((T) values.get(key));
  }

  /** The results of {@code keys} alone, those that have run, in the order they ran (Ecto's {@code inspect(only: …)}). */
  Changes only(Set<Key<?>> keys) {
    Map<Key<?>, Object> kept = new LinkedHashMap<>(values);
    kept.keySet().retainAll(keys);
    return new Changes(Collections.unmodifiableMap(kept));
  }

  public boolean contains(Key<?> key) {
    return values.containsKey(key);
  }

  /** Every step's result by name, in the order they ran. */
  public Map<String, Object> asMap() {
    Map<String, Object> byName = new LinkedHashMap<>();
    values.forEach((key, value) -> byName.put(key.name(), value));
    return Collections.unmodifiableMap(byName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changes other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
