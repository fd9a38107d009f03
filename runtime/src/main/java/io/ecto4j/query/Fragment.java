package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Ecto's {@code fragment("lower(?)", p.title)}: SQL text written by the developer, with each
 * {@code ?} replaced by an argument expression. The text is a literal of the source code; every
 * value reaches PostgreSQL as a bound parameter through the arguments.
 *
 * <p>The text is checked when the fragment is built: the number of placeholders must match the
 * arguments, and statement separators or comment markers are refused, since a fragment is one
 * expression. {@code ??} stands for a literal {@code ?} (PostgreSQL's JSON operator), and a
 * {@code ?} inside quotes is not a placeholder.
 */
record Fragment<V>(String text, List<String> pieces, List<Expression<?>> args, FieldType<V> type)
    implements Expression<V>, Node {

  static <V> Fragment<V> of(FieldType<V> type, String text, Expression<?>... args) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a fragment needs SQL text, e.g. fragment(\"lower(?)\", Posts.TITLE)");
    }
    List<String> pieces = split(text);
    if (pieces.size() - 1 != args.length) {
      throw new IllegalArgumentException("fragment \"" + text + "\" has " + (pieces.size() - 1)
          + " placeholder(s) ? but " + args.length + " argument(s) were given; pass one expression per ?"
          + " (a value as Functions.value(…)), and write ?? for a literal question mark");
    }
    for (Expression<?> arg : args) {
      if (arg == null) {
        throw new IllegalArgumentException("fragment \"" + text + "\" got a null argument; pass "
            + "Functions.value(null, type) for a NULL value");
      }
    }
    return new Fragment<>(text, List.copyOf(pieces), List.of(args), type);
  }

  /** The text between placeholders; quoted text is copied whole, {@code ??} kept for the driver. */
  private static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, i + 1);
        if (end < 0) {
          throw invalid(text, "an unterminated " + (c == '\'' ? "string literal" : "quoted identifier"));
        }
        piece.append(text, i, end + 1);
        i = end;
      } else if (c == '?' && i + 1 < text.length() && text.charAt(i + 1) == '?') {
        piece.append("??");
        i++;
      } else if (c == '?') {
        pieces.add(piece.toString());
        piece.setLength(0);
      } else if (c == ';' || text.startsWith("--", i) || text.startsWith("/*", i)) {
        throw invalid(text, "'" + (c == ';' ? ";" : text.substring(i, i + 2)) + "'");
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  private static IllegalArgumentException invalid(String text, String what) {
    return new IllegalArgumentException("fragment \"" + text + "\" contains " + what
        + "; a fragment is one SQL expression whose values are passed as arguments");
  }

  @Override
  public void render(SqlWriter w) {
    w.append(pieces.get(0));
    for (int i = 0; i < args.size(); i++) {
      w.expression(args.get(i)).append(pieces.get(i + 1));
    }
  }

  @Override
  public String toString() {
    return "fragment(" + SqlWriter.inspect(this) + ")";
  }
}
