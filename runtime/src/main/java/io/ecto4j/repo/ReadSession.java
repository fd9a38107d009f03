package io.ecto4j.repo;

import java.sql.Connection;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One connection for the reads of one call that runs several, such as a preload's statement per
 * association: the first read borrows a connection as it would alone (from a replica, when the
 * repo routes reads there), and the reads after it run on that connection instead of borrowing
 * their own; it goes back to the pool when the call ends. JDBC code does the same with one
 * {@code getConnection()} around its statements.
 *
 * <p>It holds nothing for a transaction or a checkout, whose statements already share their
 * connection, nor for writes, which always take the primary's. A read that needs another kind of
 * server than the held connection's (a row lock, which a replica refuses) borrows its own. A
 * statement that fails on the held connection gives it back, so a retried read starts afresh.
 */
final class ReadSession {
  /** This thread's session, of the repo whose primary data source is {@link #owner}. */
  private static final ThreadLocal<ReadSession> CURRENT = new ThreadLocal<>();

  private final DataSource owner;
  private Connection connection;
  private ReadRouting.Target target;

  private ReadSession(DataSource owner) {
    this.owner = owner;
  }

  /**
   * Runs {@code work} with the reads of the repo on {@code owner} sharing one connection; inside
   * such a run of the same repo it just runs {@code work}.
   */
  static <T> T run(DataSource owner, Supplier<T> work) {
    ReadSession outer = CURRENT.get();
    if (outer != null && outer.owner == owner) {
      return work.get();
    }
    ReadSession session = new ReadSession(owner);
    CURRENT.set(session);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
      session.release(null);
    }
  }

  /** The session of the repo on {@code owner} open on this thread, or null. */
  static ReadSession of(DataSource owner) {
    ReadSession session = CURRENT.get();
    return session != null && session.owner == owner ? session : null;
  }

  /**
   * The held connection, if a read routed to {@code wanted} (null: the repo routes nothing) may
   * run on it: the same kind of server, primary or replica.
   */
  Connection connectionFor(ReadRouting.Target wanted) {
    if (connection == null) {
      return null;
    }
    boolean sameKind = wanted == null ? target == null : target != null && target.isPrimary() == wanted.isPrimary();
    return sameKind ? connection : null;
  }

  /** Where the held connection goes: its server, for the statement's event. */
  ReadRouting.Target target() {
    return target;
  }

  /** Keeps {@code borrowed} for the reads after this one, if nothing is held yet; whether it did. */
  boolean keep(Connection borrowed, ReadRouting.Target on) {
    if (connection != null) {
      return false;
    }
    connection = borrowed;
    target = on;
    return true;
  }

  /** Gives the held connection back (after a failure on it, or at the end); the next read borrows anew. */
  void release(RuntimeException failure) {
    Connection held = connection;
    connection = null;
    target = null;
    if (held != null) {
      Executor.giveBack(held, failure);
    }
  }
}
