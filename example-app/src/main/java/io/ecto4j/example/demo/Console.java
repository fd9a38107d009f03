package io.ecto4j.example.demo;

import io.ecto4j.changeset.ChangesetError;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Prints the walkthrough like the lesson's IEx sessions: each call, then its result, long values
 * shortened, and changeset errors in Ecto's own notation.
 */
final class Console {
  private static final int WIDTH = 150;

  private final PrintStream out;
  private final LongSupplier statements;
  private final Map<String, Long> statementsBySection = new java.util.LinkedHashMap<>();
  private String section;
  private long sectionStart;

  Console(PrintStream out, LongSupplier statements) {
    this.out = out;
    this.statements = statements;
  }

  void section(String title) {
    closeSection();
    section = title;
    sectionStart = statements.getAsLong();
    out.println();
    out.println("== " + title + " ==");
  }

  void note(String text) {
    out.println("# " + text);
  }

  <T> T show(String call, Supplier<T> action) {
    out.println("ecto4j> " + call);
    T result = action.get();
    out.println("  " + shorten(render(result)));
    return result;
  }

  void closeSection() {
    if (section != null) {
      statementsBySection.put(section, statements.getAsLong() - sectionStart);
      section = null;
    }
  }

  void summary() {
    closeSection();
    out.println();
    out.println("== Statements run, by section ==");
    statementsBySection.forEach((title, count) -> out.printf("  %-44s %5d%n", title, count));
  }

  static String render(Object value) {
    if (value instanceof List<?> list) {
      StringJoiner items = new StringJoiner(",\n   ", "[", "]");
      int shown = list.size() <= 5 ? list.size() : 3;
      list.stream().limit(shown).forEach(item -> items.add(shorten(render(item))));
      return list.size() > shown ? items + "  … " + list.size() + " in all" : items.toString();
    }
    return String.valueOf(value);
  }

  /** Changeset errors as Ecto prints them: {@code [email: {"must be a valid email", [validation: :format]}]}. */
  static String ectoErrors(List<ChangesetError> errors) {
    StringJoiner list = new StringJoiner(",\n    ", "[\n    ", "\n  ]");
    for (ChangesetError error : errors) {
      StringJoiner keys = new StringJoiner(", ", "[", "]");
      error.keys().forEach((key, value) -> keys.add(key + ": " + atom(value)));
      list.add(error.field() + ": {\"" + error.message() + "\", " + keys + "}");
    }
    return errors.isEmpty() ? "[]" : list.toString();
  }

  private static String atom(Object value) {
    return value instanceof String text && text.matches("[a-z_]+") ? ":" + text : String.valueOf(value);
  }

  private static String shorten(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      out.append(out.length() == 0 ? "" : "\n").append(line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line);
    }
    return out.toString();
  }
}
