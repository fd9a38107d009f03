package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.Structure;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of ecto_sql's {@code test/mix/tasks/ecto.dump_load_test.exs} on PostgreSQL, through
 * {@link Structure} (what {@code ecto4j:dump} and {@code ecto4j:load} run; the goals' messages,
 * {@code quiet} and {@code skipIfLoaded} are in the maven-plugin invoker project {@code lifecycle}).
 */
@EctoTest
class StructureConformanceTest {
  @TempDir
  Path dir;

  public static final class V9630__CreateThings extends Migration {
    @Override
    protected void change() {
      createTable("things", t -> t.add("name", "text").notNull());
      createIndex(uniqueIndex("things", "name"));
    }
  }

  public static final class V9631__AddSize extends Migration {
    @Override
    protected void change() {
      alterTable("things", t -> t.add("size", "integer"));
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  }

  private static Migrator migrator(TestDatabase target, Migration... migrations) {
    return Migrator.builder(target.dataSource()).migrations(migrations).locations().output(line -> { }).build();
  }

  /**
   * Ports "runs the adapter structure_dump" and "runs the adapter structure_load": the structure
   * and the history's rows go to the file, and a fresh database loaded from it has the tables and
   * knows the migrations as applied (the next one alone is pending).
   */
  @Test
  void aDatabaseLoadedFromTheDumpHasTheTablesAndTheHistory(TestDatabase db) throws Exception {
    migrator(db, new V9630__CreateThings()).migrate();
    Path file = dir.resolve("db/structure.sql");

    Structure.dump(db.jdbcUrl(), db.user(), db.password(), file, "flyway_schema_history");

    assertThat(Files.readString(file)).contains("CREATE TABLE public.things")
        .contains("INSERT INTO public.flyway_schema_history");
    try (TestDatabase fresh = TestDatabase.create()) {
      assertThat(Structure.hasTable(fresh.jdbcUrl(), fresh.user(), fresh.password(), "flyway_schema_history"))
          .isFalse();
      Structure.load(fresh.jdbcUrl(), fresh.user(), fresh.password(), file);

      assertThat(Structure.hasTable(fresh.jdbcUrl(), fresh.user(), fresh.password(), "flyway_schema_history"))
          .isTrue();
      assertThat(new Catalog(fresh.dataSource()).indexes("things")).contains("things_name_index");
      Migrator later = migrator(fresh, new V9630__CreateThings(), new V9631__AddSize());
      assertThat(later.status()).extracting(MigrationStatus::state)
          .containsExactly(MigrationStatus.State.UP, MigrationStatus.State.DOWN);
    }
  }

  /**
   * Ports "raises an error when structure_dump gives an unknown feedback" and "raises an error when
   * structure_load gives an unknown feedback": the tool's own error, naming the database; a load
   * stops at the first error and keeps nothing (one transaction).
   */
  @Test
  void aFailingToolFailsNamingTheDatabaseAndItsError(TestDatabase db) throws Exception {
    Path bad = dir.resolve("bad.sql");
    Files.writeString(bad, "CREATE TABLE kept (x integer);\nCREATE WHAT;\n");

    assertThatThrownBy(() -> Structure.load(db.jdbcUrl(), db.user(), db.password(), bad))
        .isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("could not load the structure into " + db.name() + ": psql failed")
        .hasMessageContaining("syntax error");
    assertThat(new Catalog(db.dataSource()).tables()).doesNotContain("kept");

    String missing = db.jdbcUrl().replace("/" + db.name(), "/" + db.name() + "_missing");
    assertThatThrownBy(() -> Structure.dump(missing, db.user(), db.password(), dir.resolve("x.sql"),
        "flyway_schema_history"))
        .isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("could not dump the structure of " + db.name() + "_missing: pg_dump failed")
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> Structure.load(db.jdbcUrl(), db.user(), db.password(), dir.resolve("none.sql")))
        .isInstanceOf(MigrationException.class).hasMessageContaining("no structure file");
  }
}
