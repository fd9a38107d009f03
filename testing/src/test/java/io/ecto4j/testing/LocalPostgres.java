package io.ecto4j.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The machine's PostgreSQL, seen from outside the code under test, and small JDBC helpers. */
final class LocalPostgres {
  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private LocalPostgres() {}

  static boolean databaseExists(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL);
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1) == 1;
      }
    }
  }

  /** A port nothing listens on (it was free a moment ago). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static List<String> strings(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return strings(connection, sql);
    }
  }

  static List<String> strings(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  static void update(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
