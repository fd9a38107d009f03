package io.ecto4j.spring.boot.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.core.env.Environment;

/** The database as a connection outside the sandbox sees it: only what was really committed. */
record Outside(String url, String user, String password) {
  static Outside of(Environment environment) {
    return new Outside(environment.getProperty("spring.datasource.url"),
        environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
  }

  long committedEntries() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM entries")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
