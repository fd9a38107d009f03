/**
 * JUnit 5 support for testing ecto4j code against a real PostgreSQL.
 *
 * <p>Annotate a test class with {@link io.ecto4j.testing.EctoTest}: it gets a fresh database of
 * its own, dropped after its last test, and its constructor and methods may take a
 * {@link io.ecto4j.testing.TestDatabase}, a {@code javax.sql.DataSource} or an
 * {@code io.ecto4j.repo.Repo}. With {@code @EctoTest(sandbox = true)} every test runs in a
 * transaction that is rolled back when it ends, like Ecto's SQL Sandbox.
 *
 * <pre>{@code
 * @EctoTest(sandbox = true, schema = "CREATE TABLE tags (name text PRIMARY KEY)")
 * class TagsTest {
 *   @Test
 *   void startsEmpty(DataSource dataSource) throws SQLException { ... }
 * }
 * }</pre>
 *
 * <p>Where the PostgreSQL comes from is told at {@link io.ecto4j.testing.TestDatabase}.
 */
package io.ecto4j.testing;
