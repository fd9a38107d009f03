package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationDefaults;
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
 * The migrator's prefix on PostgreSQL, ecto_sql's {@code Ecto.Migrator} {@code prefix:} option:
 * each schema is migrated on its own and keeps its own history, as a tenant schema does.
 */
@EctoTest
class MigratorPrefixConformanceTest {
  private final List<String> output = new ArrayList<>();
  private Catalog catalog;

  public static final class V9601__CreateThings extends Migration {
    @Override
    protected void change() {
      createTable("owners", t -> {});
      createTable("things", t -> t.add("owner_id", references("owners")));
      createIndex(index("things", "owner_id"));
      execute("CREATE TABLE raw_things (x integer)", "DROP TABLE raw_things");
    }
  }

  public static final class V9602__AddName extends Migration {
    @Override
    protected void change() {
      alterTable("things", t -> t.add("name", "text"));
    }
  }

  public static final class V9603__Elsewhere extends Migration {
    @Override
    protected void change() {
      createTable(table("things").prefix("tenant_a"), t -> t.add("name", "text"));
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA IF EXISTS tenant_a CASCADE; DROP SCHEMA IF EXISTS tenant_b CASCADE; "
        + "DROP SCHEMA IF EXISTS app CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
  }

  private Migrator migrator(TestDatabase db, String prefix, Migration... migrations) {
    return Migrator.builder(db.dataSource()).migrations(migrations).locations().output(output::add).prefix(prefix)
        .build();
  }

  private List<String> tables(String schema) throws Exception {
    return catalog.strings("SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename", schema);
  }

  private List<String> history(String schema) throws Exception {
    return catalog.strings("SELECT version FROM \"" + schema + "\".flyway_schema_history WHERE version IS NOT NULL "
        + "ORDER BY installed_rank");
  }

  /**
   * Ports ecto_sql test/ecto/migrator_test.exs "migrator prefix" and integration_test/sql/migrator.exs
   * "run up to/step migration" with a prefix: the migrations run in the prefix (tables, indexes,
   * references and raw SQL), the prefix keeps its own history, a second prefix is migrated
   * on its own, a migration already applied in a prefix is "already up", and a rollback of one prefix
   * leaves the other as it is.
   */
  @Test
  void eachPrefixIsMigratedOnItsOwnAndKeepsItsOwnHistory(TestDatabase db) throws Exception {
    Migrator tenantA = migrator(db, "tenant_a", new V9601__CreateThings(), new V9602__AddName());
    Migrator tenantB = migrator(db, "tenant_b", new V9601__CreateThings(), new V9602__AddName());

    assertThat(tenantA.migrate()).extracting(MigrationRun::version).containsExactly("9601", "9602");
    assertThat(tables("tenant_a")).containsExactly("flyway_schema_history", "owners", "raw_things", "things");
    assertThat(catalog.strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'tenant_a' "
        + "AND tablename = 'things'")).contains("things_owner_id_index");
    assertThat(catalog.one("SELECT confrelid::regclass::text FROM pg_constraint WHERE conname = 'things_owner_id_fkey'"))
        .isEqualTo("tenant_a.owners");
    assertThat(history("tenant_a")).containsExactly("9601", "9602");
    assertThat(tables("public")).isEmpty();
    assertThat(tenantB.status()).extracting(MigrationStatus::state).containsOnly(MigrationStatus.State.DOWN);

    assertThat(tenantB.migrate(1)).extracting(MigrationRun::version).containsExactly("9601");
    assertThat(history("tenant_b")).containsExactly("9601");
    assertThat(tenantA.migrate()).isEmpty();
    assertThat(output).contains("== Already up: no migration to apply");

    assertThat(tenantA.rollbackAll()).extracting(MigrationRun::version).containsExactly("9602", "9601");
    assertThat(tables("tenant_a")).containsExactly("flyway_schema_history");
    assertThat(history("tenant_a")).isEmpty();
    assertThat(tables("tenant_b")).containsExactly("flyway_schema_history", "owners", "raw_things", "things");
    assertThat(history("tenant_b")).containsExactly("9601");
  }

  /** Ports ecto_sql test/ecto/migration_test.exs "raise error when prefixes don't match", run by the migrator. */
  @Test
  void aMigrationNamingAnotherPrefixFailsAndNothingIsApplied(TestDatabase db) throws Exception {
    Migrator tenantB = migrator(db, "tenant_b", new V9603__Elsewhere());

    assertThatThrownBy(tenantB::migrate).isInstanceOf(MigrationException.class)
        .hasMessageContaining("the prefix `tenant_a` of table things does not match the migrator prefix `tenant_b`");
    assertThat(catalog.one("SELECT to_regclass('tenant_b.flyway_schema_history')::text")).isNull();
    assertThat(catalog.one("SELECT to_regclass('tenant_a.things')::text")).isNull();
  }

  /**
   * Ports ecto_sql test/ecto/migration_test.exs "create a table with prefix from configuration"
   * on PostgreSQL: {@link MigrationDefaults#prefix(String)} places what a migration gives no prefix,
   * while the history stays where the migrator keeps it.
   */
  @Test
  void theConfiguredDefaultPrefixPlacesTablesButNotTheHistory(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA app");
    Migrator migrator = Migrator.builder(db.dataSource()).migrations(new V9601__CreateThings()).locations()
        .output(output::add).defaults(MigrationDefaults.ecto().prefix("app")).build();

    migrator.migrate();

    assertThat(tables("app")).containsExactly("owners", "things");
    assertThat(tables("public")).containsExactly("flyway_schema_history", "raw_things");
    assertThat(catalog.history()).containsExactly("9601");
  }
}
