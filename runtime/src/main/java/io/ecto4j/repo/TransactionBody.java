package io.ecto4j.repo;

/**
 * The work of a transaction.
 *
 * @param <T> what it returns
 * @param <E> what it rolls back with
 */
@FunctionalInterface
public interface TransactionBody<T, E> {
  T run(Transaction<E> transaction);
}
