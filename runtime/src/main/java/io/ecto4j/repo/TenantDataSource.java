package io.ecto4j.repo;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source of a tenant's repo: each connection is asked of the tenant's pool as it is then
 * (opened on first use, opened again after an eviction), so a repo held for a long time never
 * meets a closed pool. Spring's {@code AbstractRoutingDataSource} in ecto4j's terms.
 */
final class TenantDataSource implements DataSource {
  /** Where a connection comes from: the pool of a fixed tenant, or of the current one. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final String description;

  TenantDataSource(Connector connector, String description) {
    this.connector = connector;
    this.description = description;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connector.connect();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("a tenant's credentials are in its registration, not in the call");
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // Each tenant's pool logs through SLF4J.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // The tenants' connect timeout is Repo.Builder#connectTimeout.
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("a tenant's pool logs through SLF4J");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException(description + " wraps no other data source: its pools come and go");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }

  @Override
  public String toString() {
    return description;
  }
}
