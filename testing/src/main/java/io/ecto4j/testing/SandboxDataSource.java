package io.ecto4j.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A test class's sandboxed DataSource: every connection it hands out is a {@link
 * SandboxConnection} on the running test's {@link Sandbox}. One instance serves the whole class,
 * so a {@code Repo} injected into the constructor follows each test's sandbox.
 */
final class SandboxDataSource implements DataSource {
  private final DataSource database;
  private volatile Sandbox current;
  private PrintWriter logWriter;

  SandboxDataSource(DataSource database) {
    this.database = database;
  }

  void begin() throws SQLException {
    current = Sandbox.begin(database.getConnection());
  }

  void end() throws SQLException {
    Sandbox ending = current;
    current = null;
    if (ending != null) {
      ending.end();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Sandbox sandbox = current;
    if (sandbox == null) {
      throw new SQLException(Messages.sandboxOutsideTest(), "08003");
    }
    return new SandboxConnection(sandbox);
  }

  /** The user and password are ignored: the sandbox has one connection. */
  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("java.util.logging is not used");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
