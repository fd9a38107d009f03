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
 *
 * <p>The text's own operators are unknown, so the renderer treats it as Ecto cannot: a fragment
 * that is not one self-delimited term ({@code name(…)}, {@code (…)}, a name or a number) is put in
 * parentheses where it is an operand, and an argument that is not a term is put in parentheses
 * where it replaces its {@code ?}. A fragment that starts with {@code SELECT} is always
 * parenthesized, as Ecto's is.
 */
record Fragment<V>(String text, List<String> pieces, List<Expression<?>> args, FieldType<V> type)
    implements Expression<V>, Node {

  static <V> Fragment<V> of(FieldType<V> type, String text, Expression<?>... args) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a fragment needs SQL text, e.g. fragment(\"lower(?)\", Posts.TITLE)");
    }
    List<String> pieces = split(text);
    if (args == null) {
      throw new IllegalArgumentException("fragment \"" + text + "\" was given a null array of arguments");
    }
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
    boolean subquery = startsWithSelect(text);
    w.append(subquery ? "(" : "");
    renderText(w);
    w.append(subquery ? ")" : "");
  }

  /** The text with its arguments in place and no parentheses of its own, as a CTE's body takes it. */
  void renderText(SqlWriter w) {
    w.append(pieces.get(0));
    for (int i = 0; i < args.size(); i++) {
      w.operand(args.get(i), Precedence.ATOM, false).append(pieces.get(i + 1));
    }
  }

  @Override
  public Precedence precedence() {
    return startsWithSelect(text) || isTerm(text.strip()) ? Precedence.ATOM : Precedence.OPAQUE;
  }

  private static boolean startsWithSelect(String text) {
    String start = text.stripLeading();
    return start.regionMatches(true, 0, "select", 0, 6) && start.length() > 6
        && Character.isWhitespace(start.charAt(6));
  }

  /** Whether {@code text} is one term: a name or number, {@code ?}, {@code (…)} or {@code name(…)} whole. */
  private static boolean isTerm(String text) {
    if (text.equals("?") || text.matches("[A-Za-z_][A-Za-z0-9_.$]*|[0-9]+(\\.[0-9]+)?")) {
      return true;
    }
    int open = text.indexOf('(');
    boolean named = open > 0 && text.substring(0, open).matches("[A-Za-z_][A-Za-z0-9_.]*");
    return (open == 0 || named) && closing(text, open) == text.length() - 1;
  }

  /** The index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
  private static int closing(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = text.indexOf(c, i + 1);
        if (i < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "fragment(" + SqlWriter.inspect(this) + ")";
  }
}
