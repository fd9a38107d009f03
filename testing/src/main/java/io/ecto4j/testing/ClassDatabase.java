package io.ecto4j.testing;

import io.ecto4j.repo.Repo;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** A test class's database, the Repo over it, and, in sandbox mode, the sandboxed ones. */
final class ClassDatabase {
  private final TestDatabase database;
  private final Repo repo;
  private final SandboxDataSource sandbox;
  private final Repo sandboxRepo;

  private ClassDatabase(TestDatabase database, boolean sandboxed) {
    this.database = database;
    this.repo = Repo.of(database.dataSource());
    this.sandbox = sandboxed ? new SandboxDataSource(database.dataSource()) : null;
    this.sandboxRepo = sandboxed ? Repo.of(sandbox) : null;
  }

  /** Creates the database, migrates it if asked, and runs the class's {@code schemaFiles}, then its {@code schema}. */
  static ClassDatabase open(EctoTest config, Class<?> testClass) throws SQLException {
    TestDatabase database = TestDatabase.create(testClass, "@EctoTest", config.migrate(),
        List.of(config.schemaFiles()), List.of(config.schema()));
    return new ClassDatabase(database, config.sandbox());
  }

  TestDatabase database() {
    return database;
  }

  boolean sandboxed() {
    return sandbox != null;
  }

  /** The sandboxed DataSource in sandbox mode unless {@code committed}; else the class's pool. */
  DataSource dataSource(boolean committed) {
    return sandboxed() && !committed ? sandbox : database.dataSource();
  }

  Repo repo(boolean committed) {
    return sandboxed() && !committed ? sandboxRepo : repo;
  }

  void beginTest() throws SQLException {
    if (sandboxed()) {
      sandbox.begin();
    }
  }

  void endTest() throws SQLException {
    if (sandboxed()) {
      sandbox.end();
    }
  }

  /** Ends a sandbox left open, closes the repos, and drops the database. */
  void close() throws Exception {
    try {
      endTest();
      close(sandboxRepo);
      close(repo);
    } finally {
      database.close();
    }
  }

  private static void close(AutoCloseable repo) throws Exception {
    if (repo != null) {
      repo.close();
    }
  }
}
