package io.ecto4j.repo;

import io.ecto4j.EctoException;

/**
 * A transaction ended normally but could not commit, or a statement was refused in it, because a
 * transaction nested in it failed: as in Ecto, an inner failure dooms the whole, no further
 * statement runs in it, and nothing was written. {@link #reason()} is what
 * the inner one rolled back with (a value, or the exception it threw).
 */
public final class TransactionRolledBackException extends EctoException {
  private final transient Object reason;

  TransactionRolledBackException(Object reason) {
    this("the transaction was rolled back because a nested transaction failed with: " + reason, reason);
  }

  private TransactionRolledBackException(String message, Object reason) {
    super(message + "; nested transactions join the outer one (use repo.savepoint(…) for a part that may fail alone)",
        reason instanceof Throwable t ? t : null);
    this.reason = reason;
  }

  /** A statement refused because the transaction it would run in is already doomed (Ecto's "transaction rolling back"). */
  static TransactionRolledBackException rollingBack(Object reason) {
    return new TransactionRolledBackException("transaction rolling back: a nested transaction failed with: " + reason
        + ", so no further statement runs in this transaction", reason);
  }

  public Object reason() {
    return reason;
  }
}
