package io.ecto4j.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates and drops the database a JDBC URL names, Ecto's {@code mix ecto.create} and
 * {@code mix ecto.drop}: it connects to the server's maintenance database ({@code postgres})
 * with the same host, port, user and options.
 *
 * <pre>{@code
 * Storage.create("jdbc:postgresql://localhost/blog_dev", "postgres", null);   // true: created
 * Storage.drop("jdbc:postgresql://localhost/blog_dev", "postgres", null, false);
 * }</pre>
 */
public final class Storage {
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*/)([^?]+)(\\?.*)?");
  private static final String MAINTENANCE_DATABASE = "postgres";

  private Storage() {}

  /** Creates the database; false when it exists already. */
  public static boolean create(String jdbcUrl, String user, String password) {
    String database = database(jdbcUrl);
    return admin(jdbcUrl, user, password, connection -> {
      if (exists(connection, database)) {
        return false;
      }
      execute(connection, "CREATE DATABASE " + Sql.quote(database));
      return true;
    });
  }

  /**
   * Drops the database; false when it did not exist. With {@code force}, sessions still connected
   * are ended ({@code WITH (FORCE)}, Ecto's {@code --force-drop}); without, a connected session
   * makes it fail.
   */
  public static boolean drop(String jdbcUrl, String user, String password, boolean force) {
    String database = database(jdbcUrl);
    return admin(jdbcUrl, user, password, connection -> {
      if (!exists(connection, database)) {
        return false;
      }
      execute(connection, "DROP DATABASE " + Sql.quote(database) + (force ? " WITH (FORCE)" : ""));
      return true;
    });
  }

  /** The database a URL names: {@code jdbc:postgresql://localhost:5432/blog?ssl=true} → {@code blog}. */
  public static String database(String jdbcUrl) {
    return matcher(jdbcUrl).group(2);
  }

  /**
   * The libpq URI of the database, for PostgreSQL's client tools:
   * {@code jdbc:postgresql://localhost:5432/blog?ssl=true} → {@code postgresql://localhost:5432/blog}
   * (the JDBC options are the driver's, not libpq's, so they are left out).
   */
  static String libpqUri(String jdbcUrl) {
    Matcher matcher = matcher(jdbcUrl);
    return matcher.group(1).substring("jdbc:".length()) + matcher.group(2);
  }

  private static Matcher matcher(String jdbcUrl) {
    Matcher matcher = URL.matcher(jdbcUrl);
    if (!matcher.matches()) {
      throw new MigrationException("cannot tell the database of " + jdbcUrl + "; write the URL as "
          + "jdbc:postgresql://host[:port]/database[?options]");
    }
    return matcher;
  }

  private static <T> T admin(String jdbcUrl, String user, String password, Work<T> work) {
    Matcher matcher = matcher(jdbcUrl);
    String maintenance = matcher.group(1) + MAINTENANCE_DATABASE + (matcher.group(3) == null ? "" : matcher.group(3));
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(maintenance, properties)) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new MigrationException("could not create or drop database " + matcher.group(2) + ": " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection connection, String database) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      statement.setString(1, database);
      try (ResultSet row = statement.executeQuery()) {
        return row.next();
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
