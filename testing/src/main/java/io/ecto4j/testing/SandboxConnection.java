package io.ecto4j.testing;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * What the sandbox DataSource hands out: a handle on the test's pinned connection that behaves
 * like a connection of its own. Closing it leaves the pinned connection open, and its transaction
 * calls become savepoints, so the code under test can use transactions inside the test's:
 *
 * <ul>
 *   <li>{@code setAutoCommit(false)} opens a level ({@code SAVEPOINT});
 *   <li>{@code commit()} releases the level ({@code RELEASE SAVEPOINT}) and opens the next one, as a
 *       connection with autoCommit off starts its next transaction;
 *   <li>{@code rollback()} undoes the level ({@code ROLLBACK TO SAVEPOINT});
 *   <li>{@code setAutoCommit(true)} releases the level, as JDBC commits there;
 *   <li>{@code close()} with a level open rolls it back, as a pool does.
 * </ul>
 *
 * <p>Levels of different handles stack. {@code setTransactionIsolation} and {@code setReadOnly}
 * are remembered but not sent: PostgreSQL allows them only before a transaction's first query.
 * Everything else goes straight to the pinned connection; so a statement's {@code
 * getConnection()} is the pinned connection itself, which the code under test must not close.
 */
final class SandboxConnection implements Connection {
  private final Sandbox sandbox;
  private Savepoint level;
  private boolean closed;
  private boolean readOnly;
  private int isolation = TRANSACTION_READ_COMMITTED;

  SandboxConnection(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  private Connection real() throws SQLException {
    if (closed) {
      throw new SQLException(Messages.sandboxConnectionClosed(), "08003");
    }
    return sandbox.connection();
  }

  // Transactions, translated to savepoints.

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    real();
    if (!autoCommit && level == null) {
      level = sandbox.open();
    } else if (autoCommit && level != null) {
      sandbox.release(level);
      level = null;
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    real();
    return level == null;
  }

  @Override
  public void commit() throws SQLException {
    sandbox.release(openLevel("commit"));
    level = sandbox.open();
  }

  @Override
  public void rollback() throws SQLException {
    sandbox.rollbackTo(openLevel("rollback"));
  }

  private Savepoint openLevel(String what) throws SQLException {
    real();
    if (level == null) {
      throw new SQLException(Messages.commitInAutoCommit(what), "25000");
    }
    return level;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    try {
      if (level != null) {
        sandbox.rollbackTo(level);
        sandbox.release(level);
      }
    } finally {
      level = null;
      closed = true;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Only this handle is given up; the sandbox's connection lives until the test ends. */
  @Override
  public void abort(Executor executor) throws SQLException {
    close();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    real();
    isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    real();
    return isolation;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    real();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    real();
    return readOnly;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (closed || sandbox.ended()) {
      return false;
    }
    return sandbox.connection().isValid(timeout);
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : real().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || real().isWrapperFor(type);
  }

  // Everything else is the pinned connection's.

  @Override
  public Statement createStatement() throws SQLException {
    return real().createStatement();
  }

  @Override
  public Statement createStatement(int resultSetType, int concurrency) throws SQLException {
    return real().createStatement(resultSetType, concurrency);
  }

  @Override
  public Statement createStatement(int resultSetType, int concurrency, int holdability)
      throws SQLException {
    return real().createStatement(resultSetType, concurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return real().prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
      throws SQLException {
    return real().prepareStatement(sql, autoGeneratedKeys);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return real().prepareStatement(sql, columnIndexes);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return real().prepareStatement(sql, columnNames);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int concurrency)
      throws SQLException {
    return real().prepareStatement(sql, resultSetType, concurrency);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int concurrency, int holdability) throws SQLException {
    return real().prepareStatement(sql, resultSetType, concurrency, holdability);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return real().prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int concurrency)
      throws SQLException {
    return real().prepareCall(sql, resultSetType, concurrency);
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int concurrency, int holdability) throws SQLException {
    return real().prepareCall(sql, resultSetType, concurrency, holdability);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return real().nativeSQL(sql);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return real().setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return real().setSavepoint(name);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    real().rollback(savepoint);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    real().releaseSavepoint(savepoint);
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return real().getMetaData();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    real().setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return real().getCatalog();
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    real().setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return real().getSchema();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return real().getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    real().clearWarnings();
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return real().getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    real().setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    real().setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return real().getHoldability();
  }

  @Override
  public Clob createClob() throws SQLException {
    return real().createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return real().createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return real().createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return real().createSQLXML();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return real().createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return real().createStruct(typeName, attributes);
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    clientInfo(connection -> connection.setClientInfo(name, value));
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo(connection -> connection.setClientInfo(properties));
  }

  private interface ClientInfoCall {
    void run(Connection connection) throws SQLException;
  }

  /** {@code setClientInfo} may throw only SQLClientInfoException, so a closed handle needs one. */
  private void clientInfo(ClientInfoCall call) throws SQLClientInfoException {
    try {
      call.run(real());
    } catch (SQLClientInfoException e) {
      throw e;
    } catch (SQLException e) {
      throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), e.getErrorCode(), null, e);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return real().getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return real().getClientInfo();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    real().setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return real().getNetworkTimeout();
  }
}
