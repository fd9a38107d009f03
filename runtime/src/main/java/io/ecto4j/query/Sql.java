package io.ecto4j.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A rendered statement: the SQL text with {@code ?} placeholders and the values bound to them.
 *
 * <pre>{@code
 * Sql sql = repo.toSql(Posts.query().where(Posts.TITLE.eq("Hello")));
 * sql.text();   // SELECT p0."id", … FROM "posts" AS p0 WHERE p0."title" = ?
 * sql.values(); // [Hello]
 * }</pre>
 *
 * <p>A statement rendered from a query remembers how, so that a repo with a default schema prefix
 * ({@code Repo.builder().prefix("tenant_a")}) can have it rendered for that prefix:
 * {@link #withDefaultPrefix}.
 */
public final class Sql {
  static final BoundValue[] NO_PARAMS = new BoundValue[0];
  private final String text;
  /** An array, not a list: a statement is made per call, and a list around the array was one more object. */
  private final BoundValue[] params;
  private final String defaultPrefix;
  private final Function<String, Sql> renderer;

  Sql(String text, List<? extends BoundValue> params, String defaultPrefix, Function<String, Sql> renderer) {
    this(text, params.toArray(NO_PARAMS), defaultPrefix, renderer);
  }

  /** {@code params} is the statement's own from now on: nothing else may write to it. */
  Sql(String text, BoundValue[] params, String defaultPrefix, Function<String, Sql> renderer) {
    this.text = text;
    this.params = params;
    this.defaultPrefix = defaultPrefix;
    this.renderer = renderer;
  }

  /** The SQL text. */
  public String text() {
    return text;
  }

  /**
   * The parameter values, in placeholder order (nulls included), as logs show them: a value
   * written to a redacted field of a row is {@code **redacted**}.
   */
  public List<Object> values() {
    List<Object> values = new ArrayList<>(params.length);
    for (BoundValue param : params) {
      values.add(param.shown());
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * This statement as it reads when tables without an explicit prefix live in the PostgreSQL
   * schema {@code prefix} (null: the connection's {@code search_path}). A query's own
   * {@code prefix(…)} still wins over it.
   */
  public Sql withDefaultPrefix(String prefix) {
    if (Objects.equals(prefix, defaultPrefix) || renderer == null) {
      return this;
    }
    return renderer.apply(prefix);
  }

  List<BoundValue> params() {
    return List.of(params);
  }

  String defaultPrefix() {
    return defaultPrefix;
  }

  /** Binds every parameter to {@code statement}, each with its own type. */
  public void bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      params[i].bind(statement, i + 1);
    }
  }

  @Override
  public String toString() {
    return text + " " + values();
  }
}
