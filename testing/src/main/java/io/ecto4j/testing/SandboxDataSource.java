package io.ecto4j.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A sandboxed DataSource: while a test runs, every connection it hands out is a handle on that
 * test's one pinned connection, inside a transaction rolled back when the test ends (see
 * {@link EctoTest}, "Sandbox"). One instance serves many tests, so a {@code Repo} built on it once
 * follows each test's sandbox; the sandbox is shared by every thread meanwhile (Ecto's shared
 * mode), so a server thread of the application under test works in it too.
 *
 * <p>{@link EctoTest} makes one per class. Other test frameworks (ecto4j's Spring Boot test
 * support) make one {@link #over} an application's own DataSource and call {@link #begin()} and
 * {@link #end()} around each test.
 */
public final class SandboxDataSource implements DataSource {
  private final DataSource database;
  private volatile Sandbox current;
  private PrintWriter logWriter;

  SandboxDataSource(DataSource database) {
    this.database = database;
  }

  /** A sandbox over {@code database}'s connections; outside a test it hands out none. */
  public static SandboxDataSource over(DataSource database) {
    return new SandboxDataSource(Objects.requireNonNull(database, "database"));
  }

  /** Starts a test: pins a connection of the database and opens the transaction that {@link #end()} rolls back. */
  public void begin() throws SQLException {
    if (current != null) {
      throw new IllegalStateException(Messages.sandboxAlreadyRunning());
    }
    current = Sandbox.begin(database.getConnection());
  }

  /** Whether a test's sandbox is open: between {@link #begin()} and {@link #end()}. */
  public boolean running() {
    return current != null;
  }

  /** Ends the test: rolls back everything it did, committed transactions included, and gives the connection back. */
  public void end() throws SQLException {
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
