package io.ecto4j.type;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strings of a JSON value, keys and values, in nested maps, lists and arrays, checked to be
 * well-formed UTF-16 (see {@link Utf16}); numbers, booleans and other leaves pass.
 */
final class JsonStrings {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonStrings() {}

  /** Whether every string in {@code value} is well-formed; casting refuses the value otherwise. */
  static boolean wellFormed(Object value) {
    if (value instanceof CharSequence text) {
      return Utf16.isWellFormed(text);
    }
    if (value instanceof Character c) {
      return !Character.isSurrogate(c);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!wellFormed(entry.getKey()) || !wellFormed(entry.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        if (!wellFormed(item)) {
          return false;
        }
      }
      return true;
    }
    return !(value instanceof Object[] items) || wellFormed(Arrays.asList(items));
  }

  /**
   * The failure for the first ill-formed string of {@code value}, bound as parameter {@code index},
   * naming its JSON path ({@code $.tags[1]}); empty when none is found in maps, lists and strings.
   */
  static Optional<UnpairedSurrogateException> locate(Object value, int index) {
    return locate(value, "$", index);
  }

  private static Optional<UnpairedSurrogateException> locate(Object value, String path, int index) {
    if (value instanceof CharSequence || value instanceof Character) {
      return failure(value.toString(), "the JSON string at " + path, index);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        Optional<UnpairedSurrogateException> found = failure(key, "a JSON key in " + path, index)
            .or(() -> locate(entry.getValue(), path + member(key), index));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    Iterable<?> items = value instanceof Object[] array ? Arrays.asList(array)
        : value instanceof Iterable<?> iterable ? iterable : null;
    if (items != null) {
      int i = 0;
      for (Object item : items) {
        Optional<UnpairedSurrogateException> found = locate(item, path + "[" + i++ + "]", index);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<UnpairedSurrogateException> failure(String text, String place, int index) {
    int offset = Utf16.firstUnpairedSurrogate(text);
    return offset < 0 ? Optional.empty() : Optional.of(UnpairedSurrogateException.of(index, place, text, offset));
  }

  /** {@code .title}, or {@code ["a key"]} for a key that is not a plain name. */
  private static String member(String key) {
    return PLAIN_KEY.matcher(key).matches() ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]";
  }
}
