package io.ecto4j.testing;

import io.ecto4j.repo.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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

  /** Creates the database and runs the class's {@code schemaFiles}, then its {@code schema}. */
  static ClassDatabase open(EctoTest config, Class<?> testClass) throws SQLException {
    TestDatabase database = TestDatabase.create();
    try {
      for (String path : config.schemaFiles()) {
        database.execute(resource(path, testClass));
      }
      for (String sql : config.schema()) {
        database.execute(sql);
      }
      return new ClassDatabase(database, config.sandbox());
    } catch (SQLException | RuntimeException e) {
      try {
        database.close();
      } catch (SQLException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      throw e;
    }
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

  private static String resource(String path, Class<?> testClass) {
    String name = Messages.strip(path);
    try (InputStream in = testClass.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException(Messages.schemaFile(path, testClass));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
