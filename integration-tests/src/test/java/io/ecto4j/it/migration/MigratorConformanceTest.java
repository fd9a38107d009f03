package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.MigrationRun;
import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ecto_sql's migrator behaviours (test/ecto/migrator_test.exs, integration_test/sql/migrator.exs,
 * test/mix/tasks/ecto.migrations_test.exs and ecto.migrate_test.exs) on PostgreSQL: what runs, in
 * which order, what is refused before anything runs, and how the status is printed.
 */
@EctoTest
class MigratorConformanceTest {
  private final List<String> output = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private Catalog catalog;

  /** Ecto's {@code create_migration/2}: one table per migration, so the catalog shows what ran. */
  abstract static class OneTable extends Migration {
    @Override
    protected void change() {
      createTable("t" + version(), t -> t.add("x", "integer"));
    }
  }

  public static final class V1901__First extends OneTable {}

  public static final class V1902__Second extends OneTable {}

  public static final class V1903__Third extends OneTable {}

  public static final class V1904__Hello extends OneTable {}

  public static final class V1905__Hello extends OneTable {}

  /** Overrides neither {@code change()} nor {@code up()}, Ecto's {@code InvalidMigration}. */
  public static final class V9604__Invalid extends Migration {}

  public static final class V9605__Noisy extends Migration {
    @Override
    protected void change() {
      createTableIfNotExists("t9605", t -> {});
      createTableIfNotExists("t9605", t -> {});
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
  }

  private Migrator.Builder builder(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.dataSource()).migrations(migrations).locations().output(output::add)
        .warnings(warnings::add);
  }

  private Migrator migrator(TestDatabase db, Migration... migrations) {
    return builder(db, migrations).build();
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "up invokes the repository adapter with up commands":
   * a migration older than the newest applied one runs, with Ecto's warning; a rollback then
   * reverts the highest version, as the warning says.
   */
  @Test
  void aMigrationOlderThanTheNewestAppliedRunsWithAWarning(TestDatabase db) throws Exception {
    migrator(db, new V1901__First(), new V1903__Third()).migrate();
    Migrator all = migrator(db, new V1901__First(), new V1902__Second(), new V1903__Third());

    assertThat(all.migrate()).extracting(MigrationRun::version).containsExactly("1902");

    assertThat(catalog.history()).containsExactly("1901", "1903", "1902");
    assertThat(warnings).containsExactly("You are running migration 1902 but an older migration with version 1903 "
        + "has already run.\n\nThis can be an issue if you have already ran 1903 in production because a new "
        + "deployment may migrate 1902 but a rollback command would revert 1903 instead of 1902.\n\nIf this can be "
        + "an issue, we recommend to rollback 1902 and change it to a version later than 1903.");
    assertThat(all.status()).extracting(MigrationStatus::state).containsOnly(MigrationStatus.State.UP);
    assertThat(all.rollback()).extracting(MigrationRun::version).containsExactly("1903");
  }

  /** Ports ecto_sql test/ecto/migrator_test.exs "up raises error in strict mode" (refused before running). */
  @Test
  void strictVersionOrderRefusesAnOlderMigrationBeforeAnythingRuns(TestDatabase db) throws Exception {
    migrator(db, new V1901__First(), new V1903__Third()).migrate();
    Migrator strict = builder(db, new V1901__First(), new V1902__Second(), new V1903__Third())
        .strictVersionOrder(true).build();

    assertThatThrownBy(strict::migrate).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("You are running migration 1902 but an older migration with version 1903 has already "
            + "run.")
        .hasMessageEndingWith("Nothing was run: strictVersionOrder is on.");
    assertThat(catalog.history()).containsExactly("1901", "1903");
    assertThat(catalog.tables()).doesNotContain("t1902");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "stepwise migrations stop before all have been run",
   * "stepwise migrations stop at the number of available migrations", "stepwise migrations stop even
   * if asked to exceed available", and integration_test/sql/migrator.exs "run up to/step migration".
   */
  @Test
  void stepAppliesOnlyTheNextPendingMigrations(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V1902__Second(), new V1903__Third());

    assertThat(migrator.migrate(1)).extracting(MigrationRun::version).containsExactly("1901");
    assertThat(catalog.history()).containsExactly("1901");
    assertThat(migrator.migrate(5)).extracting(MigrationRun::version).containsExactly("1902", "1903");
    assertThat(migrator.migrate(1)).isEmpty();
    assertThat(output).contains("== Already up: no migration to apply");
    assertThatThrownBy(() -> migrator.migrate(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "version migrations stop before all have been run",
   * "version migrations stop at the number of available migrations" and "version migrations stop
   * even if asked to exceed available" (Ecto's {@code to:} takes every pending version up to it,
   * so a version between two known ones applies those below).
   */
  @Test
  void migrateToAppliesWhatExistsUpToTheVersion(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V1903__Third());

    assertThat(migrator.migrateTo("1902")).extracting(MigrationRun::version).containsExactly("1901");
    assertThat(migrator.migrateTo("1999")).extracting(MigrationRun::version).containsExactly("1903");
    assertThat(catalog.history()).containsExactly("1901", "1903");
    assertThatThrownBy(() -> migrator.migrateTo("latest!")).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("migration version latest! is not a version");
  }

  /** Ports ecto_sql integration_test/sql/migrator.exs "run down to/step migration" (a bound, not a known version). */
  @Test
  void rollbackToAnUnknownVersionRollsBackWhatIsAbove(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V1903__Third());
    migrator.migrate();

    assertThat(migrator.rollbackTo("1902")).extracting(MigrationRun::version).containsExactly("1903");
    assertThat(migrator.rollbackTo("1950")).isEmpty();
    assertThat(catalog.history()).containsExactly("1901");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "fails if there are duplicated name" (both the
   * directory and the module source): refused before anything runs, the name as written.
   */
  @Test
  void twoMigrationsWithOneNameAreRefusedBeforeAnythingRuns(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V1904__Hello(), new V1905__Hello());

    assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("migrations can't be executed, migration name Hello is duplicated: "
            + V1904__Hello.class.getName() + " (version 1904) and " + V1905__Hello.class.getName() + " (version 1905)");
    assertThat(catalog.tables()).doesNotContain("t1901");
  }

  /**
   * Ports ecto_sql test/mix/tasks/ecto.migrations_test.exs "displays the up and down status for
   * the default repo" (the table, column for column) and test/ecto/migrator_test.exs "give the
   * migration status while file is deleted"; names as written, a SQL file's too.
   */
  @Test
  void statusIsPrintedAsMixEctoMigrationsPrintsIt(TestDatabase db) throws Exception {
    Migrator.builder(db.dataSource()).migrations(new V1901__First(), new V1902__Second()).locations("classpath:db/blog")
        .output(output::add).build().migrate();
    Migrator withoutFirst = Migrator.builder(db.dataSource()).migrations(new V1902__Second(), new V1903__Third())
        .locations("classpath:db/blog").output(output::add).build();
    output.clear();

    List<MigrationStatus> statuses = withoutFirst.printStatus();

    assertThat(output).containsExactly("\nRepo: " + catalog.one("SELECT current_database()") + "\n\n"
        + "  Status    Migration ID    Migration Name\n"
        + "--------------------------------------------------\n"
        + "  up        4               create_tags\n"
        + "  up        1901            ** FILE NOT FOUND **\n"
        + "  up        1902            Second\n"
        + "  down      1903            Third\n");
    assertThat(statuses).extracting(MigrationStatus::name).containsExactly("create_tags", "First", "Second", "Third");
    assertThat(statuses).extracting(MigrationStatus::description)
        .containsExactly("create tags", "first", "second", "third");
  }

  /**
   * Ports ecto_sql test/mix/tasks/ecto.migrate_test.exs "raises when migrations path does not
   * exist": refused before anything runs when asked to (the Maven goals ask).
   */
  @Test
  void aLocationThatDoesNotExistIsRefusedWhenAskedTo(TestDatabase db) throws Exception {
    Migrator strict = builder(db, new V1901__First()).locations("filesystem:/no/such/migrations")
        .failOnMissingLocations(true).build();

    assertThatThrownBy(strict::migrate).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("Could not find migrations location filesystem:/no/such/migrations.");
    assertThatThrownBy(strict::status).isInstanceOf(MigrationException.class);
    assertThat(catalog.tables()).isEmpty();

    Migrator lenient = builder(db, new V1901__First()).locations("filesystem:/no/such/migrations").build();
    assertThat(lenient.migrate()).hasSize(1);
  }

  /**
   * Ports ecto_sql test/mix/tasks/ecto.migrate_test.exs and ecto.rollback_test.exs "runs the
   * migrator with --to_exclusive": the version itself stays pending going up, and applied going
   * down.
   */
  @Test
  void toExclusiveStopsBeforeTheVersionBothWays(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V1902__Second(), new V1903__Third());

    assertThat(migrator.migrateToExclusive("1903")).extracting(MigrationRun::version).containsExactly("1901", "1902");
    assertThat(migrator.migrateToExclusive("1903")).isEmpty();
    migrator.migrate();
    assertThat(migrator.rollbackToExclusive("1901")).extracting(MigrationRun::version).containsExactly("1903", "1902");
    assertThat(catalog.history()).containsExactly("1901");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "up raises error when missing up/0 and change/0":
   * refused before anything runs, naming the migration.
   */
  @Test
  void aMigrationWithNeitherChangeNorUpIsRefused(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V1901__First(), new V9604__Invalid());

    assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("migration V9604__Invalid defines neither change() nor up(); override change() with "
            + "its commands");
    assertThat(catalog.tables()).doesNotContain("t1901");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "migrations from multiple paths are executed in
   * order" and "multiple paths" (the status over both locations, then over one: the other's
   * applied version is {@code ** FILE NOT FOUND **}), and test/mix/tasks/ecto.migrate_test.exs,
   * ecto.rollback_test.exs and ecto.migrations_test.exs "uses custom paths".
   */
  @Test
  void severalLocationsAreMergedInVersionOrder(TestDatabase db) throws Exception {
    Migrator both = Migrator.builder(db.dataSource()).locations("classpath:db/paths/a", "classpath:db/paths/b")
        .output(output::add).build();

    assertThat(both.migrateTo("9612")).extracting(MigrationRun::version).containsExactly("9610", "9611", "9612");
    assertThat(both.status()).extracting(MigrationStatus::version).containsExactly("9610", "9611", "9612");
    Migrator onlyA = Migrator.builder(db.dataSource()).locations("classpath:db/paths/a").output(output::add).build();
    assertThat(onlyA.status()).extracting(status -> status.version() + " " + status.state() + " " + status.known())
        .containsExactly("9610 UP true", "9611 UP false", "9612 UP true");
    assertThat(both.rollback(2)).extracting(MigrationRun::version).containsExactly("9612", "9611");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "logs ddl notices" and "silences ddl notices when
   * log is set to false" (an output that drops every line), and postgres_test.exs "logs DDL
   * notices": PostgreSQL's notices are printed after the command that raised them, both ways.
   */
  @Test
  void ddlNoticesArePrintedAfterTheirCommand(TestDatabase db) throws Exception {
    migrator(db, new V9605__Noisy()).migrate();

    assertThat(output).containsSubsequence("create table if not exists t9605", "create table if not exists t9605",
        "relation \"t9605\" already exists, skipping");
    output.clear();
    migrator(db, new V9605__Noisy()).rollback();
    assertThat(output).containsSubsequence("drop table if exists t9605", "drop table if exists t9605",
        "table \"t9605\" does not exist, skipping");

    List<String> silenced = new ArrayList<>();
    Migrator quiet = Migrator.builder(db.dataSource()).migrations(new V9605__Noisy()).locations()
        .output(line -> {}).warnings(silenced::add).build();
    quiet.migrate();
    assertThat(silenced).isEmpty();
  }
}
