package io.ecto4j.example.spring;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port, on a database of its own ({@link TestDatabase}) created with the
 * Spring context, migrated by the service as it starts, and dropped when the context closes. Every test class extends this one, so that
 * they share one cached context, one startup for the module; tests therefore make their own rows
 * (unique titles, their own author) and never assume an empty table. The dashboard is on, with the
 * one flag docs/dashboard.md gives.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ecto4j.dashboard.enabled=true")
@Import(DropTestDatabase.class)
public abstract class ServiceTest {
  private static TestDatabase database;

  @LocalServerPort
  private int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> database().jdbcUrl());
    registry.add("spring.datasource.username", () -> database().user());
    registry.add("spring.datasource.password", () -> database().password());
  }

  static synchronized TestDatabase database() {
    if (database == null) {
      try {
        database = TestDatabase.create();
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the test database: " + e.getMessage(), e);
      }
    }
    return database;
  }

  /** A client of the running service. */
  protected Http http() {
    return new Http(port);
  }
}
