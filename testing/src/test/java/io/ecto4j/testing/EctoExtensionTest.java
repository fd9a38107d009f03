package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.databaseExists;
import static io.ecto4j.testing.LocalPostgres.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ecto4j.repo.Repo;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small {@code @EctoTest} classes (nested here, so Surefire does not run them itself) with
 * the JUnit engine, and looks at the server before and after.
 */
class EctoExtensionTest {
  static volatile String seenByA;
  static volatile String seenByB;
  static volatile String seenByNested;
  static volatile boolean existedDuringA;

  @EctoTest(schema = "CREATE TABLE only_in_a (id int)")
  static class ClassA {
    @BeforeAll
    static void record(TestDatabase db) throws Exception {
      seenByA = db.name();
      existedDuringA = databaseExists(db.name());
    }

    @Test
    void seesItsOwnTablesOnly(DataSource dataSource) throws Exception {
      assertThat(tables(dataSource)).containsExactly("only_in_a");
    }

    @Nested
    class Inner {
      @Test
      void sharesTheEnclosingClassDatabase(TestDatabase db) {
        seenByNested = db.name();
      }
    }
  }

  @EctoTest(schemaFiles = "ecto4j-test/only_in_b.sql", schema = "INSERT INTO only_in_b VALUES (2)")
  static class ClassB {
    @Test
    void seesItsOwnTablesOnly(TestDatabase db, DataSource dataSource) throws Exception {
      seenByB = db.name();
      assertThat(tables(dataSource)).containsExactly("only_in_b");
      assertThat(strings(dataSource, "SELECT id FROM only_in_b ORDER BY id"))
          .as("schemaFiles run before schema")
          .containsExactly("1", "2");
    }
  }

  @EctoTest(migrate = true, schema = "INSERT INTO gadgets (name) VALUES ('from schema')")
  static class Migrated {
    @Test
    void hasTheProjectsTablesBeforeItsSchema(DataSource dataSource) throws Exception {
      assertThat(tables(dataSource)).contains("gadgets", "flyway_schema_history");
      assertThat(strings(dataSource, "SELECT name FROM gadgets ORDER BY name"))
          .containsExactly("from schema", "from the SQL migration");
    }
  }

  @Test
  void migrateRunsTheProjectsJavaAndSqlMigrationsFirst() {
    run(Migrated.class);
  }

  @Test
  void eachClassGetsAFreshDatabaseDroppedAfterIt() throws Exception {
    run(ClassA.class, ClassB.class);

    assertThat(existedDuringA).isTrue();
    assertThat(seenByA).startsWith("ecto4j_test_").isNotEqualTo(seenByB);
    assertThat(seenByNested).isEqualTo(seenByA);
    assertThat(databaseExists(seenByA)).isFalse();
    assertThat(databaseExists(seenByB)).isFalse();
  }

  @EctoTest
  static class Parameters {
    static final List<Object> seen = new CopyOnWriteArrayList<>();

    Parameters(TestDatabase db, DataSource dataSource, Repo repo) {
      seen.addAll(List.of(db, dataSource, repo));
    }

    @BeforeAll
    static void beforeAll(TestDatabase db, DataSource dataSource, Repo repo) {
      seen.addAll(List.of(db, dataSource, repo));
    }

    @BeforeEach
    void beforeEach(TestDatabase db, DataSource dataSource, Repo repo) {
      seen.addAll(List.of(db, dataSource, repo));
    }

    @Test
    void test(TestDatabase db, DataSource dataSource, Repo repo) {
      seen.addAll(List.of(db, dataSource, repo));
      assertThat(dataSource).isSameAs(db.dataSource());
    }

    @AfterAll
    static void afterAll(TestDatabase db, DataSource dataSource, Repo repo) {
      seen.addAll(List.of(db, dataSource, repo));
    }
  }

  @Test
  void resolvesTheSameObjectsEverywhereInAClass() {
    Parameters.seen.clear();
    run(Parameters.class);

    assertThat(Parameters.seen).hasSize(15);
    for (int i = 3; i < 15; i++) {
      assertThat(Parameters.seen.get(i)).isSameAs(Parameters.seen.get(i % 3));
    }
  }

  @EctoTest(schema = "CREATE TABLE t (id int)")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClass {
    final TestDatabase db;

    PerClass(TestDatabase db) {
      this.db = db;
    }

    @Test
    void theConstructorGetsTheDatabaseBeforeBeforeAllRuns() throws Exception {
      assertThat(tables(db.dataSource())).containsExactly("t");
    }
  }

  @Test
  void worksWithOneInstancePerClass() {
    run(PerClass.class);
  }

  @EctoTest(schemaFiles = "ecto4j-test/missing.sql")
  static class MissingSchemaFile {
    @Test
    void neverRuns() {}
  }

  @Test
  void aMissingSchemaFileFailsTheClassAndSaysWhere() {
    List<Throwable> failures = failures(execute(MissingSchemaFile.class));

    assertThat(failures).singleElement().satisfies(failure -> assertThat(failure)
        .hasMessageStartingWith("[SchemaFile] @EctoTest(schemaFiles) of ")
        .hasMessageEndingWith("names ecto4j-test/missing.sql, which is not on the test classpath;"
            + " put it under src/test/resources/ecto4j-test/missing.sql"));
  }

  private static List<String> tables(DataSource dataSource) throws Exception {
    return strings(dataSource,
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  }

  private static void run(Class<?>... classes) {
    EngineExecutionResults results = execute(classes);
    assertThat(failures(results)).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isPositive();
  }

  private static EngineExecutionResults execute(Class<?>... classes) {
    ClassSelector[] selectors = new ClassSelector[classes.length];
    for (int i = 0; i < classes.length; i++) {
      selectors[i] = selectClass(classes[i]);
    }
    return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute();
  }

  private static List<Throwable> failures(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable())
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }
}
