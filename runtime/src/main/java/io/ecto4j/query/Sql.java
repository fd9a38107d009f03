package io.ecto4j.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A rendered statement: the SQL text with {@code ?} placeholders and the values bound to them.
 *
 * <pre>{@code
 * Sql sql = repo.toSql(Posts.query().where(Posts.TITLE.eq("Hello")));
 * sql.text();   // SELECT p0."id", … FROM "posts" AS p0 WHERE p0."title" = ?
 * sql.values(); // [Hello]
 * }</pre>
 */
public final class Sql {
  private final String text;
  private final List<Param<?>> params;

  Sql(String text, List<Param<?>> params) {
    this.text = text;
    this.params = params;
  }

  /** The SQL text. */
  public String text() {
    return text;
  }

  /** The parameter values, in placeholder order. */
  public List<Object> values() {
    return params.stream().map(p -> (Object) p.value()).toList();
  }

  /** Binds every parameter to {@code statement}, each with its own type. */
  public void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).bind(statement, i + 1);
    }
  }

  @Override
  public String toString() {
    return text + " " + values();
  }
}
