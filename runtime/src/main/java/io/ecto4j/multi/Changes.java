package io.ecto4j.multi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
  private static final Changes EMPTY = new Changes(null, null, null);

  /**
   * The last step's name and result, and the changes before it: each step adds one link instead
   * of copying a map (a Multi has a handful of steps, so a lookup walks a few links).
   */
  private final Key<?> key;
  private final Object value;
  private final Changes before;

  private Changes(Key<?> key, Object value, Changes before) {
    this.key = key;
    this.value = value;
    this.before = before;
  }

  static Changes empty() {
    return EMPTY;
  }

  /** These changes and step {@code key}'s result; the step is a new one ({@code Multi} refuses a repeated name). */
  Changes with(Key<?> key, Object value) {
    return new Changes(key, value, this);
  }

  /** The link of {@code key}, or null when that step has not run. */
  private Changes link(Key<?> key) {
    for (Changes at = this; at.key != null; at = at.before) {
      if (at.key.equals(key)) {
        return at;
      }
    }
    return null;
  }

  /** What step {@code key} produced; a step that has not run is an error naming the steps that have. */
  @SuppressWarnings("unchecked")
  public <T> T get(Key<T> key) {
    Changes found = link(key);
    if (found == null) {
      throw new IllegalArgumentException("no step named \"" + key + "\" has run yet; steps so far: " + values().keySet());
    }
    return (T) found.value;
  }

  /** What step {@code key} produced, if it has run. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Key<T> key) {
    Changes found = link(key);
    return found == null ? Optional.empty() : Optional.ofNullable((T) found.value);
  }

  /** The results of {@code keys} alone, those that have run, in the order they ran (Ecto's {@code inspect(only: …)}). */
  Changes only(Set<Key<?>> keys) {
    Changes kept = EMPTY;
    for (Map.Entry<Key<?>, Object> entry : values().entrySet()) {
      if (keys.contains(entry.getKey())) {
        kept = new Changes(entry.getKey(), entry.getValue(), kept);
      }
    }
    return kept;
  }

  /** Every step's result by its key, in the order they ran. */
  private Map<Key<?>, Object> values() {
    List<Changes> links = new ArrayList<>();
    for (Changes at = this; at.key != null; at = at.before) {
      links.add(at);
    }
    Map<Key<?>, Object> values = new LinkedHashMap<>();
    for (int i = links.size() - 1; i >= 0; i--) {
      values.put(links.get(i).key, links.get(i).value);
    }
    return values;
  }

  public boolean contains(Key<?> key) {
    return link(key) != null;
  }

  /** Every step's result by name, in the order they ran. */
  public Map<String, Object> asMap() {
    Map<String, Object> byName = new LinkedHashMap<>();
    values().forEach((step, result) -> byName.put(step.name(), result));
    return Collections.unmodifiableMap(byName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Changes other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
