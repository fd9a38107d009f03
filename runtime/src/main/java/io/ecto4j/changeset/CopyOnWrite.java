package io.ecto4j.changeset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A collection of an immutable changeset, shared with the next changeset until a step writes to it:
 * the first {@link #write()} copies it into a mutable one that the step owns, and the next
 * changeset freezes that without copying again.
 */
final class CopyOnWrite<C> {
  private C value;
  private boolean owned;
  private final UnaryOperator<C> copy;

  private CopyOnWrite(C value, UnaryOperator<C> copy) {
    this.value = value;
    this.copy = copy;
  }

  /** An (unmodifiable, possibly null) map, copied to a {@code LinkedHashMap} on the first write. */
  static <K, V> CopyOnWrite<Map<K, V>> map(Map<K, V> shared) {
    return new CopyOnWrite<>(shared, m -> m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m));
  }

  /** An unmodifiable list, copied to an {@code ArrayList} on the first write. */
  static <E> CopyOnWrite<List<E>> list(List<E> shared) {
    return new CopyOnWrite<>(shared, ArrayList::new);
  }

  C read() {
    return value;
  }

  /** The mutable copy this step owns, made on the first call. */
  C write() {
    if (!owned) {
      value = copy.apply(value);
      owned = true;
    }
    return value;
  }

  /** Replaces the value with {@code replacement}, which this step owns. */
  void replace(C replacement) {
    value = replacement;
    owned = true;
  }

  /** The map (or null) for the next changeset: the shared one, or this step's copy behind a read-only view. */
  @SuppressWarnings("unchecked")
  <K, V> Map<K, V> frozenMap() {
    Map<K, V> map = (Map<K, V>) value;
    return owned ? Collections.unmodifiableMap(map) : map;
  }

  /** The list for the next changeset: the shared one, or an immutable copy of this step's. */
  @SuppressWarnings("unchecked")
  <E> List<E> frozenList() {
    List<E> list = (List<E>) value;
    return owned ? List.copyOf(list) : list;
  }
}
