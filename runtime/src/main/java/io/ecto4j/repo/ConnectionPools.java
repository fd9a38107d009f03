package io.ecto4j.repo;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import javax.sql.DataSource;

/** What the repo asks of the pool it runs on, when it is HikariCP's. */
final class ConnectionPools {
  private ConnectionPools() {}

  /**
   * Closes the pool's idle connections (and those in use once they come back), after one was found
   * broken. HikariCP checks a connection before handing it out only when it has been idle for half
   * a second, so after a restart the connections used just before would each fail one more call.
   * New connections cost a few milliseconds each; failed calls cost more.
   */
  static void discardIdle(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari) {
      HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
      if (pool != null) {
        pool.softEvictConnections();
      }
    }
  }
}
