package io.ecto4j.it.faults;

import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL server of a fault test class's own (never the shared one), with the authors table
 * the tests write to, and repos on it built as an application builds them.
 */
final class FaultServer implements AutoCloseable {
  static final String DATABASE = "faults";

  final PostgresProcess server;
  final String url;

  private FaultServer(PostgresProcess server) throws SQLException {
    this.server = server;
    this.url = server.createDatabase(DATABASE);
    execute(Authors.DDL);
    execute("CREATE UNIQUE INDEX authors_name_index ON authors (name)");
    execute("ALTER TABLE authors ADD CONSTRAINT balance_must_be_positive CHECK (balance >= 0)");
  }

  static FaultServer start() throws SQLException {
    return new FaultServer(PostgresProcess.create());
  }

  static FaultServer start(PostgresProcess.Builder settings) throws SQLException {
    return new FaultServer(settings.create());
  }

  /** A repo as an application builds one, with client timeouts short enough for a test. */
  Repo repo(UnaryOperator<Repo.Builder> options) {
    return options.apply(Repo.builder().url(url)
        .connectTimeout(Duration.ofSeconds(2))
        .socketTimeout(Duration.ofSeconds(20))
        .checkoutTimeout(Duration.ofSeconds(10))).build();
  }

  void execute(String sql) throws SQLException {
    server.execute(DATABASE, sql);
  }

  /** Empties the authors table and opens the two accounts transfers move money between. */
  void accounts(int balance) throws SQLException {
    execute("TRUNCATE authors RESTART IDENTITY");
    execute("INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at) VALUES"
        + " ('A', " + balance + ", 1, now(), now()), ('B', " + balance + ", 1, now(), now())");
  }

  static long count(Repo repo) {
    return repo.query("SELECT count(*) FROM authors", List.of(), row -> row.getLong(1)).get(0);
  }

  static int balance(Repo repo, String account) {
    return repo.getByOrThrow(Authors.NAME, account).balance();
  }

  static int backendPid(Repo repo) {
    return repo.query("SELECT pg_backend_pid()", List.of(), row -> row.getInt(1)).get(0);
  }

  /**
   * Waits, at most 10 s, until backend {@code pid} is running a statement that starts with
   * {@code statementStart}, so that a test can end it mid-statement.
   */
  void awaitRunning(int pid, String statementStart) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"));
        PreparedStatement running = admin.prepareStatement(
            "SELECT 1 FROM pg_stat_activity WHERE pid = ? AND state = 'active' AND query LIKE ?")) {
      running.setInt(1, pid);
      running.setString(2, statementStart + "%");
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = running.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError("backend " + pid + " did not start \"" + statementStart + "\" within 10 s");
  }

  /** Ends backend {@code pid} and waits until it is gone, from inside a lambda. */
  void terminate(int pid) {
    try {
      if (!server.terminate(pid)) {
        throw new AssertionError("no backend " + pid + " to terminate");
      }
    } catch (SQLException e) {
      throw new AssertionError("could not terminate backend " + pid, e);
    }
  }

  static AuthorStruct author(String name) {
    return new AuthorStruct().withName(name);
  }

  @Override
  public void close() {
    server.close();
  }
}
