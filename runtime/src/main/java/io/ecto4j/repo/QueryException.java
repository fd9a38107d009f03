package io.ecto4j.repo;

import io.ecto4j.EctoException;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL refused a statement, or the connection failed while running it; the message carries
 * the SQLSTATE, the driver's text and the SQL. Two failures have types of their own, because the
 * caller should react to them differently: {@link CommitOutcomeUnknownException} (the connection
 * broke while a write was committing) and {@link ClientTimeoutException} (the server did not answer
 * within the client's socket timeout).
 */
public class QueryException extends EctoException {
  private final String sql;
  private final String sqlState;
  private final String constraint;

  public QueryException(String sql, SQLException cause) {
    this(cause.getMessage() + " (SQLSTATE " + cause.getSQLState() + ")", sql, cause);
  }

  /** For the subclasses: {@code message} says what happened; the SQL and SQLSTATE are appended. */
  QueryException(String message, String sql, SQLException cause) {
    super(message + "\n  in: " + sql, cause);
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

  /**
   * PostgreSQL's error code, e.g. {@code 23505} for a unique violation, {@code 57P01} for a backend
   * terminated by an administrator or a server shutdown, {@code 08006} for a broken connection.
   */
  public String sqlState() {
    return sqlState;
  }

  /**
   * Whether the connection itself failed (SQLSTATE class {@code 08}, or {@code 57P01}–{@code 57P03}:
   * terminated, crashed, or a server not yet accepting connections), rather than the server
   * refusing the statement. Such a connection is never used again.
   */
  public boolean connectionFailed() {
    return Failures.connectionFailed(sqlState);
  }
}
