package io.ecto4j.type;

/**
 * The one check that a Java string can be stored as PostgreSQL text. A {@code String} is UTF-16,
 * where a character outside the Basic Multilingual Plane is a high surrogate followed by a low one;
 * a surrogate without its partner has no UTF-8 encoding, and the driver silently sends {@code ?} in
 * its place. Every bind of a string calls this first, so the value is refused instead of corrupted.
 *
 * <pre>{@code
 * Utf16.firstUnpairedSurrogate("😀");        // -1: a well-formed pair
 * Utf16.firstUnpairedSurrogate("a\uD800b");  // 1
 * Utf16.requireWellFormed(param, 2);         // throws UnpairedSurrogateException naming parameter 2
 * }</pre>
 */
public final class Utf16 {
  private Utf16() {}

  /** The index of the first surrogate in {@code text} that is not part of a pair, or -1 if none. */
  public static int firstUnpairedSurrogate(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return i;
        }
        i++;
      }
    }
    return -1;
  }

  /** Whether {@code text} is well-formed UTF-16, so that PostgreSQL stores it unchanged. */
  public static boolean isWellFormed(CharSequence text) {
    return firstUnpairedSurrogate(text) < 0;
  }

  /**
   * Refuses a statement parameter that PostgreSQL would not store as given: text (a
   * {@code CharSequence} or {@code Character}) with an unpaired surrogate, or an array holding such
   * text. Other values, and null, pass. For hand-written statements that bind with
   * {@code setObject}; typed binds check by themselves.
   *
   * @param parameterIndex the 1-based index of the {@code ?} placeholder, for the message
   * @throws UnpairedSurrogateException naming the parameter, and the element of an array
   */
  public static void requireWellFormed(Object value, int parameterIndex) {
    if (value instanceof CharSequence text) {
      requireText(text, parameterIndex);
    } else if (value instanceof Character c && Character.isSurrogate(c)) {
      throw UnpairedSurrogateException.of(parameterIndex, null, c.toString(), 0);
    } else if (value instanceof Object[] elements) {
      for (int i = 0; i < elements.length; i++) {
        if (elements[i] instanceof CharSequence text) {
          requireElement(text, parameterIndex, i);
        }
      }
    }
  }

  /** {@link #requireWellFormed(Object, int)} for text, not null, as {@link Binds#string} calls it. */
  static void requireText(CharSequence text, int parameterIndex) {
    int offset = firstUnpairedSurrogate(text);
    if (offset >= 0) {
      throw UnpairedSurrogateException.of(parameterIndex, null, text, offset);
    }
  }

  /** Element {@code element} (0-based) of a list or array bound as one parameter. */
  static void requireElement(CharSequence text, int parameterIndex, int element) {
    int offset = firstUnpairedSurrogate(text);
    if (offset >= 0) {
      throw UnpairedSurrogateException.of(parameterIndex, "the element [" + element + "]", text, offset);
    }
  }
}
