package io.ecto4j.spring.boot.test;

import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Before the application starts: creates its fresh database (when asked) and points
 * {@code spring.datasource.*} at it, and registers the {@link Sandboxes} that wrap its DataSource
 * beans. Equal configurations share one cached context, and so one database; the database is
 * dropped when the context closes.
 */
record SandboxContextCustomizer(boolean freshDatabase, List<String> schemaFiles, List<String> schema)
    implements ContextCustomizer {
  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
    Sandboxes sandboxes = new Sandboxes();
    context.getBeanFactory().registerSingleton(Sandboxes.BEAN_NAME, sandboxes);
    context.getBeanFactory().addBeanPostProcessor(sandboxes);
    if (freshDatabase) {
      TestDatabase database = create(configuration.getTestClass());
      context.addApplicationListener(new DropOnClose(database));
      Map<String, Object> properties = new HashMap<>();
      properties.put("spring.datasource.url", database.jdbcUrl());
      putIfSet(properties, "spring.datasource.username", database.user());
      putIfSet(properties, "spring.datasource.password", database.password());
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ecto4jTestDatabase", properties));
    }
  }

  private TestDatabase create(Class<?> testClass) {
    try {
      return TestDatabase.create(testClass, "@EctoSandbox", schemaFiles, schema);
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the test database of " + testClass.getName() + ": "
          + e.getMessage(), e);
    }
  }

  private static void putIfSet(Map<String, Object> properties, String name, String value) {
    if (value != null) {
      properties.put(name, value);
    }
  }

  /** Drops the context's database when the context closes (Spring closes cached contexts at the JVM's exit). */
  private record DropOnClose(TestDatabase database) implements ApplicationListener<ContextClosedEvent> {
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
      try {
        database.close();
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test database " + database, e);
      }
    }
  }
}
