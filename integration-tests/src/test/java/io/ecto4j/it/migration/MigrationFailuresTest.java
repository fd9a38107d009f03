package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.IrreversibleMigrationException;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.MigrationRun;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bad input of the issue: each fails clearly, and loses nothing. */
@EctoTest
class MigrationFailuresTest {
  private final List<String> output = Collections.synchronizedList(new ArrayList<>());
  private Catalog catalog;

  public static final class V100__CreateThings extends Migration {
    @Override
    protected void change() {
      createTable("things", t -> t.add("name", "text"));
    }
  }

  public static final class V101__BrokenHalfway extends Migration {
    @Override
    protected void change() {
      createTable("broken", t -> t.add("name", "text"));
      execute("INSERT INTO no_such_table VALUES (1)", "SELECT 1");
    }
  }

  public static final class V110__Irreversible extends Migration {
    @Override
    protected void change() {
      createTable("irreversible", t -> t.add("x", "integer"));
      execute("UPDATE irreversible SET x = 1");
    }
  }

  public static final class V120__ConcurrentIndex extends Migration {
    @Override
    protected boolean disableDdlTransaction() {
      return true;
    }

    @Override
    protected void change() {
      createIndex(index("things", "name").concurrently());
    }
  }

  public static final class V130__Slow extends Migration {
    @Override
    protected void change() {
      createTable("slow", t -> t.add("x", "integer"));
      execute("SELECT pg_sleep(0.3)", "SELECT 1");
    }
  }

  public static final class V140__Checked extends Migration {
    @Override
    protected void change() {
      createTable("checked", t -> t.add("a", "text"));
    }
  }

  public static final class V160__WaitsForALock extends Migration {
    @Override
    protected Optional<Duration> lockTimeout() {
      return Optional.of(Duration.ofMillis(200));
    }

    @Override
    protected void change() {
      alterTable("things", t -> t.add("extra", "text"));
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
  }

  /** A migrator opening connections of its own, as another process would. */
  private Migrator migrator(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.jdbcUrl(), db.user(), db.password()).migrations(migrations).locations()
        .output(output::add).build();
  }

  /**
   * Ports ecto_sql integration_test/sql/migrator.exs "bad execute migration": a failing statement
   * fails the run naming the migration, the command and PostgreSQL's error, and what the migration
   * did before it is rolled back.
   */
  @Test
  void aMigrationFailingHalfwayIsRolledBackAndNamesTheStatement(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V100__CreateThings(), new V101__BrokenHalfway());
    assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("migration 101 (broken halfway) failed at `execute \"INSERT INTO no_such_table VALUES (1)\"`")
        .hasMessageContaining("    INSERT INTO no_such_table VALUES (1)")
        .hasMessageContaining("relation \"no_such_table\" does not exist (SQLSTATE 42P01)");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history", "things");
    assertThat(catalog.history()).containsExactly("100");
    assertThat(output).anyMatch(line -> line.startsWith("== Failed 101 after "));
  }

  @Test
  void rollbackWithNothingAppliedSaysSo(TestDatabase db) {
    assertThat(migrator(db, new V100__CreateThings()).rollback()).isEmpty();
    assertThat(output).contains("== Already down: no migration to roll back");
  }

  @Test
  void aTargetThatIsNotAVersionIsRefused(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V100__CreateThings(), new V130__Slow());
    assertThatThrownBy(() -> migrator.migrateTo("v999")).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("migration version v999 is not a version");
    assertThatThrownBy(() -> migrator.rollbackTo("seven")).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("migration version seven is not a version");
    assertThat(catalog.tables()).isEmpty();
  }

  @Test
  void duplicateVersionsAreRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
    assertThatThrownBy(() -> migrator(db, new V100__CreateThings(),
        new io.ecto4j.it.migration.changed.V100__AlsoHundred()))
        .isInstanceOf(MigrationException.class)
        .hasMessageContaining("two migrations have version 100: "
            + "io.ecto4j.it.migration.MigrationFailuresTest$V100__CreateThings and "
            + "io.ecto4j.it.migration.changed.V100__AlsoHundred");
    Migrator sqlToo = Migrator.builder(db.dataSource()).migrations(new V100__CreateThings())
        .locations("classpath:db/noundo").output(output::add).build();
    assertThat(sqlToo.migrate()).hasSize(2);
    Migrator javaAndSql = Migrator.builder(db.dataSource()).migrations(new V100__CreateThings(), new V150__Seed())
        .locations("classpath:db/noundo").output(output::add).build();
    assertThatThrownBy(javaAndSql::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("Found more than one migration with version 150");
  }

  public static final class V150__Seed extends Migration {
    @Override
    protected void change() {
      createTable("java_seeds", t -> t.add("id", "integer"));
    }
  }

  @Test
  void twoMigratorsAtOnceApplyEachVersionOnce(TestDatabase db) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<MigrationRun>>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Migrator migrator = migrator(db, new V100__CreateThings(), new V130__Slow());
        runs.add(threads.submit(() -> {
          start.await();
          return migrator.migrate();
        }));
      }
      start.countDown();
      List<List<MigrationRun>> results = List.of(runs.get(0).get(), runs.get(1).get());
      assertThat(results.get(0).size() + results.get(1).size()).isEqualTo(2);
      assertThat(results).anyMatch(List::isEmpty);
    } finally {
      threads.shutdownNow();
    }
    assertThat(catalog.history()).containsExactly("100", "130");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history", "slow", "things");
  }

  @Test
  void aChecksumChangedAfterApplyingStopsMigrate(TestDatabase db) throws Exception {
    migrator(db, new V140__Checked()).migrate();
    Migrator edited = migrator(db, new io.ecto4j.it.migration.changed.V140__Checked(), new V130__Slow());
    assertThatThrownBy(edited::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("do not match the schema history")
        .hasMessageContaining("checksum mismatch for migration version 140")
        .hasMessageContaining("put the change in a new migration");
    assertThat(catalog.history()).containsExactly("140");
    assertThat(catalog.columns("checked")).containsExactly("id bigint not null", "a text");
  }

  @Test
  void anIrreversibleCommandFailsRollbackNamingItAndRollsBackNothing(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V100__CreateThings(), new V110__Irreversible());
    migrator.migrate();
    assertThatThrownBy(() -> migrator.rollback(2)).isInstanceOf(IrreversibleMigrationException.class)
        .hasMessage("cannot reverse migration command: execute \"UPDATE irreversible SET x = 1\". You will need to "
            + "explicitly define up() and down() in your migration 110 (irreversible); or, to keep change(): give the "
            + "SQL that undoes it, execute(up, down), or write up() and down()");
    assertThat(catalog.history()).containsExactly("100", "110");
    assertThat(catalog.tables()).contains("irreversible", "things");
  }

  @Test
  void aSqlMigrationWithoutUndoFileCannotBeRolledBack(TestDatabase db) throws Exception {
    Migrator migrator = Migrator.builder(db.dataSource()).locations("classpath:db/noundo").output(output::add).build();
    migrator.migrate();
    assertThatThrownBy(migrator::rollback).isInstanceOf(MigrationException.class)
        .hasMessage("cannot roll back 150 (seed): it is the SQL migration V150__seed.sql, and there is no undo file "
            + "U150__seed.sql in classpath:db/noundo; write one with the SQL that undoes it");
    assertThat(catalog.history()).containsExactly("150");
  }

  @Test
  void createIndexConcurrentlyRunsOutsideATransaction(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V100__CreateThings(), new V120__ConcurrentIndex());
    migrator.migrate();
    assertThat(catalog.indexes("things")).containsExactly("things_name_index", "things_pkey");
    migrator.rollback();
    assertThat(catalog.indexes("things")).containsExactly("things_pkey");
    assertThat(catalog.history()).containsExactly("100");
  }

  @Test
  void aMigrationWaitingForALockGivesUpAfterTheLockTimeout(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V100__CreateThings(), new V160__WaitsForALock());
    migrator.migrateTo("100");
    try (Connection holder = db.dataSource().getConnection(); Statement statement = holder.createStatement()) {
      holder.setAutoCommit(false);
      statement.execute("SELECT * FROM things");
      long started = System.nanoTime();
      assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
          .hasMessageContaining("failed at `alter table things`")
          .hasMessageContaining("waited longer than the lock_timeout of 200 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      holder.rollback();
    }
    assertThat(catalog.history()).containsExactly("100");
    assertThat(migrator.migrate()).extracting(MigrationRun::version).containsExactly("160");
  }
}
