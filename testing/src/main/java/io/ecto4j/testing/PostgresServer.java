package io.ecto4j.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A PostgreSQL server the tests may create databases on.
 *
 * @param origin which candidate found it, for messages ("localhost:5432", "embedded", ...)
 * @param hostUrl {@code jdbc:postgresql://host:port}, without a database
 * @param adminDatabase the database connected to for {@code CREATE}/{@code DROP DATABASE}
 * @param params the URL's query ({@code ?user=...}) kept on every database's URL, or ""
 * @param user the user name, or null when the URL's params carry it
 * @param password the password, or null
 * @param stop stops a server started for the tests; does nothing for one found running
 */
record PostgresServer(
    String origin,
    String hostUrl,
    String adminDatabase,
    String params,
    String user,
    String password,
    AutoCloseable stop) {

  static final AutoCloseable NOT_OURS = () -> {};

  /** A server at {@code host:port} that trusts {@code user}; how containers and zonky are reached. */
  static PostgresServer at(String origin, String host, int port, String user, String password,
      String adminDatabase, AutoCloseable stop) {
    return new PostgresServer(origin, "jdbc:postgresql://" + host + ":" + port, adminDatabase, "",
        user, password, stop);
  }

  String url(String database) {
    return hostUrl + "/" + database + params;
  }

  Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    // Fail in seconds, not after the driver's default of minutes, when a server stops answering.
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url(database), properties);
  }

  /** Runs one statement in the admin database, e.g. {@code CREATE DATABASE}. */
  void admin(String sql) throws SQLException {
    try (Connection connection = connect(adminDatabase);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Names the server without its password. */
  @Override
  public String toString() {
    return origin + " (" + Messages.redact(url(adminDatabase)) + ")";
  }

  /** Proves the server answers and lets {@code user} in. */
  PostgresServer probe() throws SQLException {
    admin("SELECT 1");
    return this;
  }
}
