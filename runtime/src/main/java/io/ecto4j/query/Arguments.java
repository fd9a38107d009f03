package io.ecto4j.query;

import java.util.Collection;
import java.util.List;

/**
 * The lists and arrays the query DSL is given, copied after a check: a null one, or a null inside
 * one, is an {@link IllegalArgumentException} that names the call, rather than a bare
 * {@link NullPointerException} from deep in a copy.
 */
final class Arguments {
  private Arguments() {}

  /**
   * An immutable copy of {@code values}, the {@code what} of {@code call}: checked in place, then
   * copied once ({@link List#copyOf} copies nothing when it is given an immutable list already).
   */
  static <E> List<E> list(Collection<? extends E> values, String call, String what) {
    if (values == null) {
      throw new IllegalArgumentException(call + " was given null instead of a collection of " + what);
    }
    int index = 0;
    for (E value : values) {
      requireElement(value, index++, call, what);
    }
    return List.copyOf(values);
  }

  /** An immutable copy of the varargs {@code values}, the {@code what} of {@code call}. */
  @SafeVarargs
  static <E> List<E> list(String call, String what, E... values) {
    if (values == null) {
      throw new IllegalArgumentException(call + " was given a null array instead of " + what);
    }
    for (int i = 0; i < values.length; i++) {
      requireElement(values[i], i, call, what);
    }
    return List.of(values);
  }

  private static void requireElement(Object value, int index, String call, String what) {
    if (value == null) {
      throw new IllegalArgumentException(call + " was given null at index " + index + " of its " + what);
    }
  }
}
