package io.ecto4j.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The lists and arrays the query DSL is given, copied after a check: a null one, or a null inside
 * one, is an {@link IllegalArgumentException} that names the call, rather than a bare
 * {@link NullPointerException} from deep in a copy.
 */
final class Arguments {
  private Arguments() {}

  /** An immutable copy of {@code values}, the {@code what} of {@code call}. */
  static <E> List<E> list(Collection<? extends E> values, String call, String what) {
    if (values == null) {
      throw new IllegalArgumentException(call + " was given null instead of a collection of " + what);
    }
    List<E> copy = new ArrayList<>(values);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        throw new IllegalArgumentException(call + " was given null at index " + i + " of its " + what);
      }
    }
    return List.copyOf(copy);
  }

  /** An immutable copy of the varargs {@code values}, the {@code what} of {@code call}. */
  @SafeVarargs
  static <E> List<E> list(String call, String what, E... values) {
    if (values == null) {
      throw new IllegalArgumentException(call + " was given a null array instead of " + what);
    }
    return list(Arrays.asList(values), call, what);
  }
}
