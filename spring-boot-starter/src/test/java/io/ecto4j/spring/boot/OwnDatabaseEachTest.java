package io.ecto4j.spring.boot;

import io.ecto4j.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A fresh database for every test, for tests of what migrating at startup leaves behind (a
 * database per class, as {@code @EctoTest} gives, would carry one test's migrations into the next).
 */
public abstract class OwnDatabaseEachTest {
  protected TestDatabase database;
  protected ApplicationContextRunner context;

  @BeforeEach
  void createDatabase() throws Exception {
    database = TestDatabase.create();
    context = TestContexts.withMigrations(database);
  }

  @AfterEach
  void dropDatabase() throws Exception {
    database.close();
  }
}
