package io.ecto4j.repo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * An outer transaction manager that keeps a repo's transactions, so that the repo's and the
 * manager's own code share one connection and one transaction per thread: a repo built with
 * {@link Repo#hostedBy} asks its host where it would otherwise keep the state itself. The Spring
 * Boot starter implements it on Spring's {@code PlatformTransactionManager}.
 *
 * <p>ecto4j keeps its own rules on top of any host: anything thrown out of a body rolls back; a
 * nested {@code repo.transaction} joins, and its failure dooms the whole (the host's transaction
 * becomes rollback-only, and every further statement of the repo in it fails with
 * {@link TransactionRolledBackException}); {@code repo.savepoint} is a {@code SAVEPOINT} on the
 * transaction's connection; options are applied, and serialization failures retried, only by the
 * transaction that began. What the host adds is its own code's view of the same transaction.
 */
public interface TransactionHost {
  /**
   * Begins a transaction on this thread, or joins the one it is in (Spring's
   * {@code PROPAGATION_REQUIRED}). {@code isolation} (null for the server's default) and
   * {@code readOnly} tell the host what a new transaction is for; the repo runs its own set-up
   * statements on it as well.
   */
  Begun begin(TransactionOptions.Isolation isolation, boolean readOnly);

  /**
   * The connection held for this thread's statements on the repo's data source: its
   * transaction's, or one the host keeps for the thread outside a transaction; null when there is
   * none, and the repo borrows one per statement from the data source. The repo never closes it.
   */
  Connection connection();

  /**
   * Why this thread's transaction may only roll back (the value or exception a nested one failed
   * with, or the host's own description), or null when it may commit or there is none.
   */
  Object rollbackOnly();

  /**
   * Runs {@code work} with {@code connection} held for this thread, outside a transaction
   * ({@code repo.checkout}): the repo's statements, and the host's code, use it, and a
   * transaction begun meanwhile runs on it. The repo closes it afterwards.
   */
  <T> T holding(Connection connection, Supplier<T> work);

  /** A transaction {@link #begin} began or joined for the repo. */
  interface Begun {
    /** Whether it was begun for the repo (and is the repo's to commit), rather than joined. */
    boolean isNew();

    /** Ends it after its body returned: commits a new one; a joined one is left to its owner. */
    void commit() throws SQLException;

    /**
     * Ends it after its body failed with {@code reason} (an exception, or the value of
     * {@code repo.rollback(value)}): rolls back a new one; marks a joined one rollback-only, so
     * that {@link #rollbackOnly()} tells {@code reason} and its owner cannot commit it.
     */
    void rollback(Object reason) throws SQLException;
  }
}
