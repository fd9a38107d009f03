package io.ecto4j.repo;

import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * An update or delete of one struct found its primary key value on more than one row, because the
 * key column has no primary key or unique constraint in the database: Ecto's
 * {@code Ecto.MultiplePrimaryKeyError}. Unlike Ecto, which finds out from the row count once the
 * rows are changed, ecto4j has PostgreSQL refuse the statement (SQLSTATE 21000), so <b>nothing was
 * written</b>; inside a transaction the transaction is aborted, as by any failed statement.
 *
 * <pre>{@code
 * expected delete on posts to return at most one entry but got 2 entries
 * }</pre>
 */
public final class MultiplePrimaryKeyException extends QueryException {
  private final String operation;
  private final String table;
  private final Object key;
  private final OptionalLong count;

  /**
   * @param condition the key as the message shows it, {@code Post.id = 5} or
   *     {@code CompositePk.a = 1 and CompositePk.b = 2}
   * @param key the key's value; a {@code io.ecto4j.meta.PrimaryKeyValue} for a composite key
   */
  MultiplePrimaryKeyException(String operation, String table, String condition, Object key, OptionalLong count,
      String sql, SQLException cause) {
    super(message(operation, table, condition, key, count), sql, cause);
    this.operation = operation;
    this.table = table;
    this.key = key;
    this.count = count;
  }

  private static String message(String operation, String table, String condition, Object key, OptionalLong count) {
    String got = count.isPresent() ? count.getAsLong() + " entries" : "more than one entry";
    return "expected " + operation + " on " + table + " to return at most one entry but got " + got
        + "; PostgreSQL refused the statement (SQLSTATE 21000), so nothing was written."
        + "\n\nThis typically means the field set as primary key in your schema is not enough to uniquely"
        + " identify entries in the table: " + condition + " matches several rows of \"" + table
        + "\". Give the key's column(s) a primary key or unique constraint in the database.";
  }

  /** {@code "update"} or {@code "delete"}. */
  public String operation() {
    return operation;
  }

  /** The table, without a prefix. */
  public String table() {
    return table;
  }

  /** The primary key value the statement was given. */
  public Object key() {
    return key;
  }

  /**
   * How many rows hold the key, counted after the refusal; empty inside a transaction, which the
   * refusal aborted, so that nothing more can be read in it.
   */
  public OptionalLong count() {
    return count;
  }
}
