package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Ecto's check when a checkout gives its connection back: a transaction begun by raw SQL inside
 * it ({@code repo.query("BEGIN", …)}) and still open is refused, as DBConnection refuses a
 * connection "checked out with status transaction", and rolled back, so that the pool never gets
 * a connection in the middle of a transaction.
 */
final class Checkouts {
  private Checkouts() {}

  static <T> T run(Transactions transactions, Supplier<T> body) {
    if (transactions.holdsConnection()) {
      return transactions.checkout(body);
    }
    return transactions.checkout(() -> {
      // Only a connection that was idle when lent can be blamed: a test sandbox lends one already in its transaction.
      boolean idleWhenLent = idle(transactions.connection());
      T result;
      try {
        result = body.get();
      } catch (RuntimeException | Error e) {
        if (idleWhenLent && !idle(transactions.connection())) {
          rollBack(transactions.connection());
        }
        throw e;
      }
      if (idleWhenLent && !idle(transactions.connection())) {
        rollBack(transactions.connection());
        throw new IllegalStateException("connection was checked out with status transaction: a transaction begun by "
            + "raw SQL (BEGIN) inside checkout(...) was still open when it ended, and has been rolled back; use "
            + "repo.transaction(...) for a transaction");
      }
      return result;
    });
  }

  /** Whether the server says {@code connection} is in no transaction. */
  private static boolean idle(Connection connection) {
    try {
      return !connection.isWrapperFor(BaseConnection.class)
          || connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE;
    } catch (SQLException e) {
      throw Failures.of("checkout", e);
    }
  }

  private static void rollBack(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      throw Failures.of("ROLLBACK", e);
    }
  }
}
