package io.ecto4j.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh PostgreSQL database for tests, created on the first server found and dropped on
 * {@link #close()}.
 *
 * <p>The server is looked for once per JVM, in this order: the JDBC URL in the system property or
 * environment variable {@code ECTO4J_TEST_DATABASE_URL} (its database is where the test databases
 * are created from; its user must be allowed to create databases); a server answering on
 * {@code localhost:5432} that lets the user {@code postgres} in without a password; a
 * Testcontainers PostgreSQL when a Docker engine is available; an embedded PostgreSQL (zonky).
 * A server ecto4j-test started is stopped when the JVM exits. If nothing works the exception says
 * what each of the four lacked. Dropping uses {@code WITH (FORCE)}, so the server must be
 * PostgreSQL 13 or later.
 *
 * <p>With JUnit 5, {@link EctoTest} makes one per test class and injects it. Without it:
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.create()) {
 *   db.execute("CREATE TABLE tags (name text PRIMARY KEY)");
 *   Repo repo = Repo.of(db.dataSource());
 *   ...
 * }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int POOL_SIZE = 4;

  private final PostgresServer server;
  private final String name;
  private final HikariDataSource pool;

  private TestDatabase(PostgresServer server, String name) {
    this.server = server;
    this.name = name;
    this.pool = pool(server, name);
  }

  /**
   * Creates a database {@code ecto4j_test_<16 hex digits>} on the shared test server.
   *
   * @throws IllegalStateException if no PostgreSQL can be found; the message says why
   * @throws SQLException if the server refuses to create the database
   */
  public static TestDatabase create() throws SQLException {
    return create(ServerFinder.shared());
  }

  static TestDatabase create(PostgresServer server) throws SQLException {
    String name = String.format("ecto4j_test_%016x", RANDOM.nextLong());
    server.admin("CREATE DATABASE " + name);
    try {
      return new TestDatabase(server, name);
    } catch (RuntimeException e) {
      drop(server, name, e);
      throw e;
    }
  }

  /**
   * Creates a database and runs on it, committed, the SQL of the classpath resources
   * {@code schemaFiles} (read with {@code testClass}'s class loader), then {@code schema}: what
   * {@link EctoTest} and ecto4j's Spring Boot test support do with their attributes of those
   * names, which {@code annotation} (say {@code "@EctoTest"}) names in messages. When a statement
   * fails, the database is dropped again.
   */
  public static TestDatabase create(Class<?> testClass, String annotation, List<String> schemaFiles,
      List<String> schema) throws SQLException {
    return create(testClass, annotation, false, schemaFiles, schema);
  }

  /**
   * As {@link #create(Class, String, List, List)}, first running the project's migrations when
   * {@code migrate}: the generated migration indexes and {@code classpath:db/migration} that
   * {@code testClass}'s class loader sees, as {@code @EctoTest(migrate = true)} does.
   */
  public static TestDatabase create(Class<?> testClass, String annotation, boolean migrate, List<String> schemaFiles,
      List<String> schema) throws SQLException {
    TestDatabase database = create();
    try {
      if (migrate) {
        ProjectMigrations.migrate(database.dataSource(), testClass);
      }
      for (String path : schemaFiles) {
        database.execute(resource(path, testClass, annotation));
      }
      for (String sql : schema) {
        database.execute(sql);
      }
      return database;
    } catch (SQLException | RuntimeException e) {
      try {
        database.close();
      } catch (SQLException dropFailed) {
        e.addSuppressed(dropFailed);
      }
      throw e;
    }
  }

  private static String resource(String path, Class<?> testClass, String annotation) {
    String name = Messages.strip(path);
    try (InputStream in = testClass.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException(Messages.schemaFile(path, testClass, annotation));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database's name, {@code ecto4j_test_...}. */
  public String name() {
    return name;
  }

  /** A JDBC URL of this database; pass {@link #user()} and {@link #password()} with it. */
  public String jdbcUrl() {
    return server.url(name);
  }

  /** The user to connect as, or null when {@link #jdbcUrl()} carries it. */
  public String user() {
    return server.user();
  }

  /** The password, or null when none is needed or {@link #jdbcUrl()} carries it. */
  public String password() {
    return server.password();
  }

  /** A small connection pool (HikariCP, at most 4 connections) of this database. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Runs SQL for set-up, committed at once; one string may hold several statements.
   *
   * <pre>{@code db.execute("CREATE TABLE a (id int); INSERT INTO a VALUES (1)"); }</pre>
   */
  public void execute(String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Closes the pool and drops the database, ending any session still connected to it. */
  @Override
  public void close() throws SQLException {
    pool.close();
    server.admin(dropSql(name));
  }

  @Override
  public String toString() {
    return name + " on " + server.origin();
  }

  private static HikariDataSource pool(PostgresServer server, String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(server.url(name));
    config.setUsername(server.user());
    config.setPassword(server.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  private static void drop(PostgresServer server, String name, Exception failure) {
    try {
      server.admin(dropSql(name));
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static String dropSql(String name) {
    return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
  }
}
