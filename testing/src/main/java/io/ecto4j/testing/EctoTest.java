package io.ecto4j.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs a JUnit 5 test class against a fresh PostgreSQL database of its own.
 *
 * <p>Before the class's first test a database {@code ecto4j_test_<random>} is created on the
 * server {@link TestDatabase#create()} finds; after its last test it is dropped. It is never
 * reused, so no test depends on what an earlier run left behind. Constructors and
 * {@code @BeforeAll}, {@code @BeforeEach}, {@code @Test}, {@code @AfterEach} and {@code @AfterAll}
 * methods may declare parameters of these types:
 *
 * <ul>
 *   <li>{@link TestDatabase} — the class's database (its URL, a pool, {@code execute} for set-up);
 *   <li>{@link javax.sql.DataSource} — connections to it;
 *   <li>{@link io.ecto4j.repo.Repo} — {@code Repo.of(dataSource)} over that data source.
 * </ul>
 *
 * <pre>{@code
 * @EctoTest(schema = "CREATE TABLE posts (id bigserial PRIMARY KEY, title text NOT NULL)")
 * class PostsTest {
 *   @Test
 *   void insertsAPost(Repo repo, TestDatabase db) throws SQLException {
 *     db.execute("INSERT INTO posts (title) VALUES ('hello')");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <h2>Sandbox</h2>
 *
 * <p>With {@code sandbox = true} (Ecto's SQL Sandbox) each test runs inside a transaction that is
 * rolled back when the test ends, so tests see only the rows they write themselves plus what was
 * committed before them (by {@code schema}, {@code schemaFiles} or {@code @BeforeAll}). The
 * {@code DataSource} and {@code Repo} given to the constructor and to {@code @BeforeEach},
 * {@code @Test} and {@code @AfterEach} methods then hand out one pinned connection of the running
 * test. The code under test may still use transactions: on those connections
 * {@code setAutoCommit(false)} opens a savepoint, {@code commit()} releases it, {@code rollback()}
 * rolls back to it, {@code setAutoCommit(true)} ends the level, and levels nest.
 * {@code @BeforeAll}/{@code @AfterAll} methods, and {@link TestDatabase#dataSource()}, get the
 * class's ordinary committed connections: use them for data every test shares.
 *
 * <p>The trade-off, as in Ecto: a statement that fails <em>outside</em> any transaction of the
 * code under test aborts the test's whole transaction (PostgreSQL's rule), and every later
 * statement of that test fails with SQLState {@code 25P02}. Code that expects a statement to fail
 * and carries on should run it in a transaction of its own (or a savepoint). A sandboxed test
 * also never commits, so it cannot observe what commit-time work (deferred constraints,
 * {@code NOTIFY}) would do; {@code setTransactionIsolation} and {@code setReadOnly} are recorded
 * but not applied. Tests of one class never run in parallel with each other, since they share the
 * class's database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EctoExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface EctoTest {
  /**
   * Whether the project's migrations run on the class's database right after it is created,
   * before {@link #schemaFiles()} and {@link #schema()}: every Java migration of the generated
   * {@code Migrations} indexes on the test class path, and the SQL migrations in
   * {@code classpath:db/migration}, as the application's {@code Migrator} runs them. The tables
   * are then exactly the migrated ones, with no set-up by hand in {@code @BeforeAll}.
   */
  boolean migrate() default false;

  /**
   * SQL run once, in order, right after the class's database is created (after
   * {@link #schemaFiles()}), and committed. Each element may hold several statements separated
   * by {@code ;}.
   */
  String[] schema() default {};

  /**
   * Classpath resources of SQL (e.g. {@code "db/blog.sql"}, kept in {@code src/test/resources})
   * run once, in order, right after the class's database is created, before {@link #schema()}.
   */
  String[] schemaFiles() default {};

  /** Whether each test runs in a transaction rolled back at its end; see "Sandbox" above. */
  boolean sandbox() default false;
}
