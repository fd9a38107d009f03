package io.ecto4j.repo;

/**
 * The handle a transaction body receives: the repo to work with, and a typed way to roll back.
 *
 * <pre>{@code
 * Result<OrderStruct, String> placed = repo.transaction((Transaction<String> tx) -> {
 *   OrderStruct order = tx.repo().insertOrThrow(newOrder);
 *   if (outOfStock) {
 *     return tx.rollback("out of stock");
 *   }
 *   return order;
 * });
 * }</pre>
 *
 * @param <E> what the transaction rolls back with
 */
public final class Transaction<E> {
  private final Repo repo;

  Transaction(Repo repo) {
    this.repo = repo;
  }

  /** The repo; its statements in this thread run in this transaction. */
  public Repo repo() {
    return repo;
  }

  /**
   * Ends the transaction, which rolls back and returns {@code Err(value)}. Never returns: its
   * return type lets it stand where the body's value would.
   */
  public <T> T rollback(E value) {
    throw new Transactions.Rollback(value);
  }
}
