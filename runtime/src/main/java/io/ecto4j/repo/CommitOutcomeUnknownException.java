package io.ecto4j.repo;

import java.sql.SQLException;

/**
 * The connection broke while a write was committing, so whether it committed is unknown: the
 * server may have committed and lost the connection before answering, or not. This is the one
 * failure after which neither "it happened" nor "it did not" is safe to assume; pgjdbc and Ecto's
 * DBConnection cannot tell either. Raised for a failed {@code COMMIT}, and for a write outside a
 * transaction (which commits by itself) whose connection broke while it ran.
 *
 * <p>What to do: find out from the database before repeating the work, e.g. by a key the
 * application chose (an idempotency key, a client-generated id), or make the work idempotent
 * ({@code ON CONFLICT DO NOTHING}) and repeat it. See docs/transactions.md, "When things fail".
 */
public final class CommitOutcomeUnknownException extends QueryException {
  CommitOutcomeUnknownException(String sql, SQLException cause) {
    this(sql, cause, "");
  }

  /** {@code where} names the server whose connection broke (and a likely failover), or is empty. */
  CommitOutcomeUnknownException(String sql, SQLException cause, String where) {
    super("the connection broke while the write was committing, so whether it committed is unknown"
        + " (never assume it rolled back; check the database before repeating it): " + cause.getMessage()
        + " (SQLSTATE " + cause.getSQLState() + ")" + where, sql, cause);
  }
}
