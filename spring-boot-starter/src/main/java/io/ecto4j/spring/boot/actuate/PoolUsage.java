package io.ecto4j.spring.boot.actuate;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A HikariCP pool's connections at one moment, read from its counters without borrowing one:
 * {@code waiting} threads with {@code total == max} is a pool too small for its load (or
 * transactions held too long), which the queue time of each query event shows too.
 */
public record PoolUsage(int active, int idle, int waiting, int total, int max) {
  /** The usage of {@code dataSource}'s pool; empty if it is not a started HikariCP pool. */
  public static Optional<PoolUsage> of(DataSource dataSource) {
    HikariDataSource hikari = hikari(dataSource);
    HikariPoolMXBean pool = hikari == null ? null : hikari.getHikariPoolMXBean();
    if (pool == null) {
      return Optional.empty();
    }
    return Optional.of(new PoolUsage(pool.getActiveConnections(), pool.getIdleConnections(),
        pool.getThreadsAwaitingConnection(), pool.getTotalConnections(), hikari.getMaximumPoolSize()));
  }

  private static HikariDataSource hikari(DataSource dataSource) {
    try {
      return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
