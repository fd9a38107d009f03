package io.ecto4j.example;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the demo runs: the PostgreSQL server named by {@code DATABASE_URL} (or
 * {@code --database-url}), else an embedded one started for this run. Either way the demo works in
 * its own database, {@code ecto4j_demo}, created afresh, so it never touches the server's other data.
 */
final class Database implements AutoCloseable {
  static final String DEMO_DATABASE = "ecto4j_demo";

  private final String serverUrl;
  private final String demoDatabase;
  private final String demoUrl;
  private final EmbeddedPostgres embedded;

  private Database(String serverUrl, String demoDatabase, EmbeddedPostgres embedded) {
    this.serverUrl = serverUrl;
    this.demoDatabase = demoDatabase;
    this.demoUrl = withDatabase(serverUrl, demoDatabase);
    this.embedded = embedded;
  }

  /**
   * Connects to {@code url}, or starts an embedded server when it is null; the demo works in
   * {@code demoDatabase} there (a plain name, checked by the caller).
   */
  static Database open(String url, String demoDatabase) throws IOException {
    if (url != null && !url.isBlank()) {
      return new Database(url, demoDatabase, null);
    }
    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
    return new Database(embedded.getJdbcUrl("postgres", "postgres"), demoDatabase, embedded);
  }

  /** Drops and re-creates the demo database. */
  void recreateDemoDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + demoDatabase + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + demoDatabase);
    }
  }

  /** Creates the demo database unless it exists, for the commands that work on what is there. */
  void createDemoDatabaseIfMissing() throws SQLException {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement();
        var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + demoDatabase + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + demoDatabase);
      }
    }
  }

  /** The JDBC URL of the demo database. */
  String demoUrl() {
    return demoUrl;
  }

  /** Where the server is, for the banner: the URL without credentials, or "embedded". */
  String describe() {
    return embedded != null ? "an embedded PostgreSQL (no DATABASE_URL given)" : serverUrl.replaceAll("\\?.*", "");
  }

  static String withDatabase(String jdbcUrl, String database) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    return "jdbc:" + uri.getScheme() + "://" + authority + "/" + database + query;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
