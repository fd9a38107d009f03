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

  private static final TransactionOptions DEFAULTS =
      new TransactionOptions(null, false, null, null, null, 0, Backoff.DEFAULT);

  private final Isolation isolation;
  private final boolean readOnly;
  private final Duration statementTimeout;
  private final Duration lockTimeout;
  private final Duration timeout;
  private final int retries;
  private final Backoff backoff;

  private TransactionOptions(Isolation isolation, boolean readOnly, Duration statementTimeout, Duration lockTimeout,
      Duration timeout, int retries, Backoff backoff) {
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.statementTimeout = statementTimeout;
    this.lockTimeout = lockTimeout;
    this.timeout = timeout;
    this.retries = retries;
    this.backoff = backoff;
  }

  /** The server's defaults, no retries. */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  public TransactionOptions isolation(Isolation level) {
    return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, statementTimeout, lockTimeout,
        timeout, retries, backoff);
  }

  /** The transaction may not write. */
  public TransactionOptions readOnly() {
    return new TransactionOptions(isolation, true, statementTimeout, lockTimeout, timeout, retries, backoff);
  }

  /**
   * A statement running longer is cancelled ({@code SET LOCAL statement_timeout}, SQLSTATE 57014).
   * PostgreSQL counts whole milliseconds: a fraction rounds up, never down to 0, which would switch
   * the timeout off. A timeout longer than the repo's client socket timeout raises that one for
   * the transaction's connection, so that the server's timeout, with its clear error, comes first.
   */
  public TransactionOptions statementTimeout(Duration timeout) {
    return new TransactionOptions(isolation, readOnly, positive(timeout), lockTimeout, this.timeout, retries, backoff);
  }

  /** Waiting longer for a lock fails the statement ({@code SET LOCAL lock_timeout}); rounded up as above. */
  public TransactionOptions lockTimeout(Duration timeout) {
    return new TransactionOptions(isolation, readOnly, statementTimeout, positive(timeout), this.timeout, retries,
        backoff);
  }

  /**
   * The whole transaction may take no longer, Ecto's {@code timeout:} of {@code Repo.transaction}:
   * at the deadline its connection is closed, as DBConnection disconnects, so that PostgreSQL
   * rolls it back and a statement still running stops; the call then throws
   * {@link TransactionTimeoutException}, whatever the body did after. Java cannot stop the body
   * itself: its next statement fails at once. Not for a transaction Spring's manager runs (use
   * {@code @Transactional(timeout)} there).
   */
  public TransactionOptions timeout(Duration timeout) {
    return new TransactionOptions(isolation, readOnly, statementTimeout, lockTimeout, positive(timeout), retries,
        backoff);
  }

  /**
   * How many times the whole transaction is run again after a serialization failure (SQLSTATE
   * 40001) or a deadlock (40P01); 0 by default. The body must be safe to run again. Each retry
   * waits first, exponentially longer with jitter (see {@link #retryBackoff}), so that transactions
   * that collided do not start again together and collide again.
   */
  public TransactionOptions retries(int count) {
    if (count < 0 || count > 100) {
      throw new IllegalArgumentException("retries must be between 0 and 100, got " + count);
    }
    return new TransactionOptions(isolation, readOnly, statementTimeout, lockTimeout, timeout, count, backoff);
  }

  /**
   * The wait before each retry: about {@code initial} before the first, doubling each time, never
   * more than {@code max}, each a random time between half that and that. 10 ms and 1 s by
   * default; {@code Duration.ZERO, Duration.ZERO} retries at once.
   */
  public TransactionOptions retryBackoff(Duration initial, Duration max) {
    Backoff chosen = new Backoff(Objects.requireNonNull(initial, "initial"), Objects.requireNonNull(max, "max"));
    return new TransactionOptions(isolation, readOnly, statementTimeout, lockTimeout, timeout, retries, chosen);
  }

  /** The isolation level, or null for the server's default. */
  Isolation isolationLevel() {
    return isolation;
  }

  boolean isReadOnly() {
    return readOnly;
  }

  int retries() {
    return retries;
  }

  Backoff backoff() {
    return backoff;
  }

  /** The whole transaction's timeout, or null for none. */
  Duration timeout() {
    return timeout;
  }

  /** The statement timeout, or null when the server's applies. */
  Duration statementTimeout() {
    return statementTimeout;
  }

  /** The statements that open the transaction with these options, in order. */
  List<String> setUpStatements() {
    List<String> statements = new ArrayList<>();
    if (isolation != null || readOnly) {
      statements.add("SET TRANSACTION" + (isolation == null ? "" : " ISOLATION LEVEL " + isolation.sql)
          + (readOnly ? " READ ONLY" : ""));
    }
    if (statementTimeout != null) {
      statements.add("SET LOCAL statement_timeout = " + millisRoundedUp(statementTimeout));
    }
    if (lockTimeout != null) {
      statements.add("SET LOCAL lock_timeout = " + millisRoundedUp(lockTimeout));
    }
    return statements;
  }

  /** PostgreSQL's timeouts are whole milliseconds up to 2^31 - 1 (about 24 days). */
  private static final Duration LONGEST = Duration.ofMillis(Integer.MAX_VALUE);

  private static Duration positive(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a timeout must be positive, got " + timeout);
    }
    if (timeout.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("a timeout must be at most " + LONGEST + " (PostgreSQL's limit), got " + timeout);
    }
    return timeout;
  }

  /** Whole milliseconds, a fraction rounded up: 0.3 ms is 1, never 0 (which means "no timeout"). */
  static long millisRoundedUp(Duration timeout) {
    long millis = timeout.toMillis();
    return Duration.ofMillis(millis).compareTo(timeout) < 0 ? millis + 1 : millis;
  }
}
