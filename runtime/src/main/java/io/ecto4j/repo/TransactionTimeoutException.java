package io.ecto4j.repo;

import io.ecto4j.EctoException;
import java.time.Duration;

/**
 * A transaction outlived its {@link TransactionOptions#timeout}: its connection was closed at the
 * deadline, so PostgreSQL rolled it back and nothing of it was committed, as Ecto's transaction
 * {@code timeout:} disconnects. What the body was doing then (a statement that the closing stopped)
 * is the cause.
 */
public final class TransactionTimeoutException extends EctoException {
  private final transient Duration timeout;

  TransactionTimeoutException(Duration timeout, Throwable cause) {
    super("the transaction timed out after " + timeout.toMillis() + " ms (TransactionOptions.timeout): its "
        + "connection was closed at the deadline, so PostgreSQL rolled it back and nothing of it was committed", cause);
    this.timeout = timeout;
  }

  /** The timeout it outlived. */
  public Duration timeout() {
    return timeout;
  }
}
