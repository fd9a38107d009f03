package io.ecto4j.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of a {@code @SpringBootTest} class in ecto4j's SQL sandbox, as
 * {@code @EctoTest(sandbox = true)} does for plain JUnit tests: every {@code DataSource} bean of
 * the application hands out, while a test runs, handles on one connection pinned for it, inside a
 * transaction rolled back when the test ends. The application's {@code Repo}, {@code JdbcTemplate}
 * and transaction manager all work in it; what the application commits meanwhile is a released
 * savepoint, rolled back with the rest. Outside tests (starting the application, running its
 * migrations) the DataSource is the application's own.
 *
 * <pre>{@code
 * @SpringBootTest
 * @EctoSandbox(schema = "CREATE TABLE notes (id bigserial PRIMARY KEY, body text NOT NULL)")
 * class NotesTest {
 *   @Autowired NoteService notes;
 *
 *   @Test
 *   void keepsANote() { ... }   // whatever it commits is gone before the next test
 * }
 * }</pre>
 *
 * <p>The sandbox's limits are {@code @EctoTest}'s (docs/testing.md): a statement that fails
 * outside any transaction of the code under test aborts the test's transaction; nothing really
 * commits, so commit-time work (deferred constraints, {@code NOTIFY}) is not observed; isolation
 * and read-only set through JDBC are not applied. The sandbox is shared by every thread, so a
 * request served by the application's own server thread runs in it too, but two threads using it
 * at once interleave on one connection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EctoSandbox {
  /**
   * Whether the application's DataSource is pointed at a database of the test context's own
   * ({@code ecto4j_test_…}, found as {@code TestDatabase} finds its server), created with the
   * context and dropped when it closes; off, the sandbox is over the database
   * {@code spring.datasource.*} names.
   */
  boolean freshDatabase() default true;

  /** SQL run, and committed, once on the fresh database before the application starts, after {@link #schemaFiles()}. */
  String[] schema() default {};

  /** Classpath resources of SQL run, and committed, once on the fresh database before {@link #schema()}. */
  String[] schemaFiles() default {};
}
