package io.ecto4j.repo;

import io.ecto4j.EctoException;

/**
 * A transaction ended normally but could not commit, because a transaction nested in it failed:
 * as in Ecto, an inner failure dooms the whole, and nothing was written. {@link #reason()} is what
 * the inner one rolled back with (a value, or the exception it threw).
 */
public final class TransactionRolledBackException extends EctoException {
  private final transient Object reason;

  TransactionRolledBackException(Object reason) {
    super("the transaction was rolled back because a nested transaction failed with: " + reason
        + "; nested transactions join the outer one (use repo.savepoint(…) for a part that may fail alone)",
        reason instanceof Throwable t ? t : null);
    this.reason = reason;
  }

  public Object reason() {
    return reason;
  }
}
