package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import java.util.List;

/**
 * The arguments a {@link Fragment} takes besides expressions, Ecto's fragment modifiers:
 * {@code identifier/1}, {@code constant/1} and {@code splice/1}. Each is built by {@link Functions},
 * checked there, and renders where its {@code ?} stands. They are expressions so that a fragment's
 * arguments stay one list; {@code identifier} and {@code splice} have no value to read.
 */
final class FragmentParts {
  private FragmentParts() {}

  /** {@code "name"}: an identifier, quoted as every identifier is. */
  record Identifier(String name) implements Expression<Void>, Node {
    Identifier {
      SqlWriter.quote(name);
    }

    @Override
    public FieldType<Void> type() {
      throw new UnsupportedOperationException("identifier(" + name + ") names something in a fragment; it has no value");
    }

    @Override
    public void render(SqlWriter w) {
      w.identifier(name);
    }

    @Override
    public String toString() {
      return "identifier(" + name + ")";
    }
  }

  /** A literal the developer's code gives: a number, or a string in single quotes. */
  record Constant<V>(String sql, FieldType<V> type) implements Expression<V>, Node {
    /** {@code 'text'} with single quotes doubled, as PostgreSQL's standard strings escape them. */
    static String quoted(String value) {
      if (value == null || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("constant(value) expects a string without NUL characters, got "
            + (value == null ? "null" : "a string with one") + "; bind values with Functions.value(…)");
      }
      return "'" + value.replace("'", "''") + "'";
    }

    static String decimal(double value) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("constant(value) expects a finite number, got " + value);
      }
      return new java.math.BigDecimal(Double.toString(value)).toPlainString();
    }

    @Override
    public void render(SqlWriter w) {
      w.append(sql);
    }

    @Override
    public Precedence precedence() {
      // a negative number is a prefix operator applied to a literal
      return sql.startsWith("-") ? Precedence.OPAQUE : Precedence.ATOM;
    }

    @Override
    public String toString() {
      return "constant(" + sql + ")";
    }
  }

  /** Several arguments in the place of one {@code ?}, separated by commas as Ecto separates them. */
  record Splice(List<Expression<?>> items) implements Expression<Void>, Node {
    @Override
    public FieldType<Void> type() {
      throw new UnsupportedOperationException("splice(…) stands for several arguments of a fragment; it has no value");
    }

    @Override
    public void render(SqlWriter w) {
      for (int i = 0; i < items.size(); i++) {
        // each item stands where a ? would: parenthesized unless it is one term, as a fragment's arguments are
        w.append(i == 0 ? "" : ",").operand(items.get(i), Precedence.ATOM, false);
      }
    }

    @Override
    public String toString() {
      return "splice(" + items + ")";
    }
  }
}
