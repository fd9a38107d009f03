package io.ecto4j.processor.writing;

import java.util.List;

/**
 * A call's arguments that are plain names as one literal, wrapped where JavaPoet's {@code $W}
 * would wrap them. JavaPoet allocates a regular-expression matcher for every token it writes, in
 * both of its passes over a file ({@code CodeWriter.emitAndIndent}); n names joined by {@code ",$W"}
 * are 3n tokens, and a struct of n components writes n + 1 such lists (its {@code with…} methods
 * and its builder's {@code build()}), the struct's largest share of that work (docs/benchmarks.md,
 * "Fifth pass (#21)"). The text written is the same.
 */
final class ArgumentLists {
  /** JavaPoet's line length. */
  private static final int COLUMN_LIMIT = 100;
  /** How much further JavaPoet indents the lines of a statement after its first: two levels of two spaces. */
  private static final int CONTINUATION = 4;
  /** What follows the last argument of a statement's call: {@code ");"}. */
  private static final int CLOSING = 2;

  private ArgumentLists() {}

  /**
   * {@code names} separated by {@code ", "}, for a call whose statement is indented by {@code indent}
   * and whose arguments start at {@code column}, with a line break wherever JavaPoet would wrap: an
   * argument with what follows it ({@code ","}, or {@code ");"} after the last) must end by column 100.
   */
  static String wrapped(List<String> names, int indent, int column) {
    return wrapped(names, column, indent + CONTINUATION, CLOSING, "\n");
  }

  /**
   * {@code names} separated by {@code ", "}, starting at {@code column}; where the next would end
   * past column 100 (with its {@code ","}, or the {@code closing} characters after the last), a
   * {@code lineBreak} instead of the space, after which the text goes on at {@code continuation}.
   */
  static String wrapped(List<String> names, int column, int continuation, int closing, String lineBreak) {
    StringBuilder text = new StringBuilder();
    int at = column;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean last = i == names.size() - 1;
      if (i > 0) {
        if (at + 1 + name.length() + (last ? closing : 1) > COLUMN_LIMIT) {
          text.append(lineBreak);
          at = continuation;
        } else {
          text.append(' ');
          at++;
        }
      }
      text.append(name);
      at += name.length();
      if (!last) {
        text.append(',');
        at++;
      }
    }
    return text.toString();
  }
}
