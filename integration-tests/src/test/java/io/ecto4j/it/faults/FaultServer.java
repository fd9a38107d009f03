package io.ecto4j.it.faults;

import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.PostgresProcess;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of a fault test class's own (never the shared one), with the authors table
 * the tests write to, and repos on it built as an application builds them. Registered as a JUnit
 * extension, it starts before the class's first test and stops after its last:
 * {@code @RegisterExtension static final FaultServer faults = new FaultServer();}
 */
final class FaultServer implements BeforeAllCallback, AfterAllCallback {
  static final String DATABASE = "faults";

  private final PostgresProcess.Builder settings;
  PostgresProcess server;
  String url;

  FaultServer() {
    this(PostgresProcess.builder());
  }

  FaultServer(PostgresProcess.Builder settings) {
    this.settings = settings;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    server = settings.create();
    url = server.createDatabase(DATABASE);
    execute(Authors.DDL);
    execute("CREATE UNIQUE INDEX authors_name_index ON authors (name)");
    execute("ALTER TABLE authors ADD CONSTRAINT balance_must_be_positive CHECK (balance >= 0)");
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
    }
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

  /** Empties the authors table. */
  void empty() throws SQLException {
    execute("TRUNCATE authors RESTART IDENTITY");
  }

  /** Empties the authors table and opens the two accounts transfers move money between. */
  void accounts(int balance) throws SQLException {
    empty();
    execute("INSERT INTO authors (name, balance, lock_version, inserted_at, updated_at) VALUES"
        + " ('A', " + balance + ", 1, now(), now()), ('B', " + balance + ", 1, now(), now())");
  }

  static int balance(Repo repo, String account) {
    return repo.getByOrThrow(Authors.NAME, account).balance();
  }

  static int backendPid(Repo repo) {
    return repo.query("SELECT pg_backend_pid()", List.of(), row -> row.getInt(1)).get(0);
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


}
