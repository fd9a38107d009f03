package io.ecto4j.processor.validation;

import java.util.Optional;

/**
 * The compile-time check of an association filter's {@code fragment}: the runtime's fragment
 * (io.ecto4j.query.Fragment) refuses the same texts when it is built, but an association builds it
 * only when first used, so the processor says it at the annotation instead. One {@code ?} is the
 * column; {@code ??} is a literal question mark and a {@code ?} inside quotes is text; statement
 * separators and comments are refused, since the fragment is one condition.
 */
final class FragmentText {
  private FragmentText() {}

  /** What is wrong with {@code text}, as "which …" continues it; empty when it is one condition on the column. */
  static Optional<String> problem(String text) {
    if (text.isBlank()) {
      return Optional.of("is empty");
    }
    int placeholders = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          return Optional.of("has an unterminated " + (c == '\'' ? "string literal" : "quoted identifier"));
        }
        i = end;
      } else if (c == '?' && text.startsWith("??", i)) {
        i++;
      } else if (c == '?') {
        placeholders++;
      } else if (c == ';' || text.startsWith("--", i) || text.startsWith("/*", i)) {
        return Optional.of("contains '" + (c == ';' ? ";" : text.substring(i, i + 2)) + "'");
      }
    }
    return placeholders == 1 ? Optional.empty() : Optional.of("has " + placeholders + " placeholders ?, not one");
  }
}
