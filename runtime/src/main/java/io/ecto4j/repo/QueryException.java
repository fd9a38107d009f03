package io.ecto4j.repo;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/** PostgreSQL refused a statement; the message carries its SQLSTATE, its text and the SQL. */
public final class QueryException extends EctoException {
  private final String sql;
  private final String sqlState;
  private final String constraint;

  public QueryException(String sql, SQLException cause) {
    super(cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")\n  in: " + sql, cause);
    this.sql = sql;
    this.sqlState = cause.getSQLState();
    this.constraint = cause instanceof PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getConstraint() : null;
  }

  /** The constraint PostgreSQL names as violated, if any. */
  public Optional<String> constraint() {
    return Optional.ofNullable(constraint);
  }

  /** The statement that failed. */
  public String sql() {
    return sql;
  }

  /** PostgreSQL's error code, e.g. {@code 23505} for a unique violation. */
  public String sqlState() {
    return sqlState;
  }
}
