package io.ecto4j.spring.boot.transaction;

import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionHost;
import io.ecto4j.repo.TransactionOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ecto4j's transactions kept by Spring's: a {@link Repo#hostedBy hosted} repo begins and joins
 * transactions through the {@link PlatformTransactionManager} (a {@code DataSourceTransactionManager}
 * or {@code JdbcTransactionManager} on the repo's data source), and runs its statements on the
 * connection Spring binds to the thread, as {@code JdbcTemplate} does ({@link DataSourceUtils}).
 * So a {@code repo.transaction} inside a {@code @Transactional} method joins it, and a
 * {@code @Transactional} method, a {@code TransactionTemplate} or {@code JdbcTemplate} work inside a
 * {@code repo.transaction} joins ecto4j's.
 *
 * <p>ecto4j's doom is Spring's global rollback-only mark (the {@link ConnectionHolder}'s): a
 * joined {@code repo.transaction} that fails marks it, so that Spring's outer commit becomes an
 * {@code UnexpectedRollbackException}; a Spring participant that failed marks it, so that ecto4j
 * refuses further statements and its outer {@code repo.transaction} throws
 * {@code TransactionRolledBackException}.
 *
 * <pre>{@code
 * Repo repo = Repo.hostedBy(dataSource, new SpringTransactionHost(dataSource, transactionManager));
 * }</pre>
 */
public final class SpringTransactionHost implements TransactionHost {
  /** The reason a transaction that Spring's own code marked rollback-only gives. */
  static final String MARKED_BY_SPRING = "a Spring transaction participant (a @Transactional method that threw,"
      + " or setRollbackOnly()) marked the transaction rollback-only";

  private final DataSource dataSource;
  private final PlatformTransactionManager manager;

  /**
   * A host on {@code manager}'s transactions over {@code dataSource}; refused when the manager
   * manages another resource, since the repo's statements would then run outside its transactions.
   */
  public SpringTransactionHost(DataSource dataSource, PlatformTransactionManager manager) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.manager = Objects.requireNonNull(manager, "manager");
    if (!managesDataSource(manager, dataSource)) {
      throw new IllegalArgumentException("the transaction manager " + manager.getClass().getName()
          + " does not manage the repo's data source " + dataSource + "; give ecto4j a DataSourceTransactionManager"
          + " (or JdbcTransactionManager) on the same DataSource");
    }
  }

  /** Whether {@code manager} binds {@code dataSource}'s connections, as a DataSourceTransactionManager on it does. */
  public static boolean managesDataSource(PlatformTransactionManager manager, DataSource dataSource) {
    return manager instanceof ResourceTransactionManager resources && resources.getResourceFactory() == dataSource;
  }

  /**
   * Spring's {@code REQUIRED}. Joining, the definition takes the running transaction's read-only
   * flag and no isolation, as ecto4j's joined transactions ignore their options: so that a
   * transaction manager that validates existing transactions accepts it.
   */
  @Override
  public Begun begin(TransactionOptions.Isolation isolation, boolean readOnly) {
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED);
    definition.setName(Repo.class.getName() + ".transaction");
    if (TransactionSynchronizationManager.isActualTransactionActive() && inTransactionOnDataSource()) {
      definition.setReadOnly(TransactionSynchronizationManager.isCurrentTransactionReadOnly());
      return new SpringBegun(manager.getTransaction(definition));
    }
    definition.setReadOnly(readOnly);
    if (isolation != null) {
      definition.setIsolationLevel(switch (isolation) {
        case READ_COMMITTED -> TransactionDefinition.ISOLATION_READ_COMMITTED;
        case REPEATABLE_READ -> TransactionDefinition.ISOLATION_REPEATABLE_READ;
        case SERIALIZABLE -> TransactionDefinition.ISOLATION_SERIALIZABLE;
      });
    }
    return new SpringBegun(manager.getTransaction(definition));
  }

  /** Whether the connection bound for the data source is in a transaction (a bound one may be in autocommit mode). */
  private boolean inTransactionOnDataSource() {
    if (!TransactionSynchronizationManager.hasResource(dataSource)) {
      return false;
    }
    try {
      return !connection().getAutoCommit();
    } catch (SQLException e) {
      return false;   // a broken connection: Spring's own begin will say so
    }
  }

  /**
   * The connection bound to this thread for the data source, through {@link DataSourceUtils} as
   * {@code JdbcTemplate} gets it: inside transaction synchronization without a transaction
   * (Spring's {@code SUPPORTS}), that binds one for the rest of the scope, which JdbcTemplate then
   * shares too. Outside both, none: the repo borrows one per statement from the pool.
   */
  @Override
  public Connection connection() {
    if (TransactionSynchronizationManager.getResource(dataSource) == null
        && !TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    // Only the reference count: the holder keeps the connection for its transaction or scope.
    DataSourceUtils.releaseConnection(connection, dataSource);
    return connection;
  }

  @Override
  public Object rollbackOnly() {
    if (!(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)
        || !holder.isRollbackOnly()) {
      return null;
    }
    Object reason = MARKED_BY_SPRING;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
      for (TransactionSynchronization synchronization : synchronizations) {
        if (synchronization instanceof DoomedBy doomed && doomed.host == this) {
          reason = doomed.reason;
        }
      }
    }
    return reason;
  }

  /**
   * Binds {@code connection} to the thread for {@code work}, as a transaction's is bound: Spring
   * code inside ({@code JdbcTemplate}, a {@code @Transactional} method, which begins its
   * transaction on it) uses it too.
   */
  @Override
  public <T> T holding(Connection connection, Supplier<T> work) {
    TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(connection));
    try {
      return work.get();
    } finally {
      TransactionSynchronizationManager.unbindResourceIfPossible(dataSource);
    }
  }

  /**
   * Why ecto4j doomed the transaction it lives in: kept with the transaction's synchronizations,
   * which Spring suspends and resumes with it, so that a {@code REQUIRES_NEW} inside sees its own.
   * Compared by identity: the reason is the application's value, whose {@code equals} may be anything.
   */
  private static final class DoomedBy implements TransactionSynchronization {
    final SpringTransactionHost host;
    final Object reason;

    DoomedBy(SpringTransactionHost host, Object reason) {
      this.host = host;
      this.reason = reason;
    }
  }

  /** A transaction Spring began or joined for the repo. */
  private final class SpringBegun implements Begun {
    private final TransactionStatus status;

    SpringBegun(TransactionStatus status) {
      this.status = status;
    }

    @Override
    public boolean isNew() {
      return status.isNewTransaction();
    }

    @Override
    public void commit() throws SQLException {
      try {
        manager.commit(status);
      } catch (RuntimeException e) {
        throw driverFailure(e);
      }
    }

    /** A joined one is marked rollback-only even where Spring would not mark it (globalRollbackOnParticipationFailure off). */
    @Override
    public void rollback(Object reason) throws SQLException {
      if (!status.isNewTransaction()) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
          TransactionSynchronizationManager.registerSynchronization(new DoomedBy(SpringTransactionHost.this, reason));
        }
        status.setRollbackOnly();
      }
      try {
        manager.rollback(status);
      } catch (RuntimeException e) {
        throw driverFailure(e);
      }
    }
  }

  /**
   * The driver's own failure, when Spring wrapped one ({@code TransactionSystemException}, or the
   * {@code DataAccessException} a {@code JdbcTransactionManager} translates it to), so that ecto4j
   * reads its SQLSTATE: a serialization failure at commit is retried, a broken connection's
   * commit is reported as of unknown outcome. Anything else is Spring's to tell.
   */
  private static SQLException driverFailure(RuntimeException e) {
    if (e.getCause() instanceof SQLException driver) {
      return driver;
    }
    throw e;
  }
}
