package io.ecto4j.repo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link Repo#transaction(TransactionOptions, TransactionBody)}: isolation, read-only,
 * time limits for this transaction only, and retries of serialization failures and deadlocks.
 *
 * <pre>{@code
 * repo.transaction(TransactionOptions.defaults()
 *         .isolation(Isolation.SERIALIZABLE)
 *         .lockTimeout(Duration.ofSeconds(2))
 *         .retries(3),
 *     tx -> transfer(from, to, amount));
 * }</pre>
 */
public final class TransactionOptions {
  /** PostgreSQL's isolation levels ({@code READ UNCOMMITTED} behaves as {@code READ COMMITTED} there). */
  public enum Isolation {
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    private final String sql;

    Isolation(String sql) {
      this.sql = sql;
    }
  }

  private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null, null, 0);

  private final Isolation isolation;
  private final boolean readOnly;
  private final Duration statementTimeout;
  private final Duration lockTimeout;
  private final int retries;

  private TransactionOptions(Isolation isolation, boolean readOnly, Duration statementTimeout, Duration lockTimeout,
      int retries) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.statementTimeout = statementTimeout;
    this.lockTimeout = lockTimeout;
    this.retries = retries;
  }

  /** The server's defaults, no retries. */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  public TransactionOptions isolation(Isolation level) {
    return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, statementTimeout, lockTimeout, retries);
  }

  /** The transaction may not write. */
  public TransactionOptions readOnly() {
    return new TransactionOptions(isolation, true, statementTimeout, lockTimeout, retries);
  }

  /** A statement running longer is cancelled ({@code SET LOCAL statement_timeout}). */
  public TransactionOptions statementTimeout(Duration timeout) {
    return new TransactionOptions(isolation, readOnly, positive(timeout), lockTimeout, retries);
  }

  /** Waiting longer for a lock fails the statement ({@code SET LOCAL lock_timeout}). */
  public TransactionOptions lockTimeout(Duration timeout) {
    return new TransactionOptions(isolation, readOnly, statementTimeout, positive(timeout), retries);
  }

  /**
   * How many times the whole transaction is run again after a serialization failure (SQLSTATE
   * 40001) or a deadlock (40P01); 0 by default. The body must be safe to run again.
   */
  public TransactionOptions retries(int count) {
    if (count < 0 || count > 100) {
      throw new IllegalArgumentException("retries must be between 0 and 100, got " + count);
    }
    return new TransactionOptions(isolation, readOnly, statementTimeout, lockTimeout, count);
  }

  int retries() {
    return retries;
  }

  /** The statements that open the transaction with these options, in order. */
  List<String> setUpStatements() {
    List<String> statements = new ArrayList<>();
    if (isolation != null || readOnly) {
      statements.add("SET TRANSACTION" + (isolation == null ? "" : " ISOLATION LEVEL " + isolation.sql)
          + (readOnly ? " READ ONLY" : ""));
    }
    if (statementTimeout != null) {
      statements.add("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
    }
    if (lockTimeout != null) {
      statements.add("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
    }
    return statements;
  }

  private static Duration positive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive, got " + timeout);
    }
    return timeout;
  }
}
