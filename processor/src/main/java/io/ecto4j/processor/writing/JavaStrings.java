package io.ecto4j.processor.writing;

/**
 * Java string literals, written as JavaPoet's {@code $S} writes them: JavaPoet builds a string per
 * character it escapes, in both of its passes over a file, and a companion's SQL and DDL are
 * thousands of characters. Passed as {@code $L}, the literal is one token; the text is the same,
 * a string with line breaks included: {@code "a\n"}, then on the next line {@code + "b"}, two
 * indents further in.
 */
final class JavaStrings {
  private static final String CONTINUATION = "\"\n" + GeneratedFiles.INDENT + GeneratedFiles.INDENT + "+ \"";

  private JavaStrings() {}

  /** {@code value} as a Java string literal, {@code null} for null, as {@code $S} writes it. */
  static String literal(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      escape(literal, c);
      if (c == '\n' && i + 1 < value.length()) {
        literal.append(CONTINUATION);
      }
    }
    return literal.append('"').toString();
  }

  private static void escape(StringBuilder literal, char c) {
    switch (c) {
      case '\b' -> literal.append("\\b");
      case '\t' -> literal.append("\\t");
      case '\n' -> literal.append("\\n");
      case '\f' -> literal.append("\\f");
      case '\r' -> literal.append("\\r");
      case '"' -> literal.append("\\\"");
      case '\\' -> literal.append("\\\\");
      default -> {
        if (Character.isISOControl(c)) {
          literal.append(String.format("\\u%04x", (int) c));
        } else {
          literal.append(c);
        }
      }
    }
  }
}
