package io.ecto4j.repo;

/**
 * Adjusts the options of every transaction a repo opens, Ecto's {@code prepare_transaction/2}: an
 * isolation level, a timeout or retries set in one place rather than at every call. Set it with
 * {@code Repo.builder().prepareTransaction(…)} or {@link Repo#withTransactionPreparer}.
 *
 * <pre>{@code
 * Repo serializable = repo.withTransactionPreparer(options ->
 *     options.isolation(TransactionOptions.Isolation.SERIALIZABLE).retries(3));
 * }</pre>
 *
 * <p>It sees the options of {@code transaction}, {@code transact} and a {@code Multi}'s
 * transaction (the defaults when the call gave none), before the transaction begins, once per
 * call; a call inside a transaction joins it, so what the preparer returns then changes nothing,
 * as the options of a nested call do not. Savepoints are not transactions of their own and do not
 * call it.
 */
@FunctionalInterface
public interface TransactionPreparer {
  /** The options to run the transaction with instead of {@code options}; never null. */
  TransactionOptions prepare(TransactionOptions options);
}
