package io.ecto4j.it.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationRun;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.TenantMigrationException;
import io.ecto4j.migration.TenantMigrationListener;
import io.ecto4j.migration.TenantMigrator;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.Tenants;
import io.ecto4j.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One migration set applied to every tenant, database or schema, Triplex's {@code mix triplex.migrate}:
 * progress in order, a failure in one tenant that names it and leaves those before it migrated,
 * and a rerun that resumes.
 */
class TenantMigratorTest {
  private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private Tenants tenants;

  public static final class V9701__CreateAccounts extends Migration {
    @Override
    protected void change() {
      execute("CREATE TABLE accounts (id bigserial PRIMARY KEY, email text)", "DROP TABLE accounts");
      // A tenant that came from the old system brings its accounts along (t2's have a duplicate).
      execute("DO $$ BEGIN IF to_regclass('legacy.accounts') IS NOT NULL THEN "
          + "INSERT INTO accounts (email) SELECT email FROM legacy.accounts; END IF; END $$");
    }
  }

  public static final class V9702__UniqueEmails extends Migration {
    @Override
    protected void change() {
      execute("CREATE UNIQUE INDEX accounts_email_index ON accounts (email)", "DROP INDEX accounts_email_index");
    }
  }

  /** Writes each event as {@code tenant:event}, in the order heard. */
  private final TenantMigrationListener recorder = new TenantMigrationListener() {
    @Override
    public void started(String tenant, int position, int total) {
      events.add(tenant + ":started " + position + "/" + total);
    }

    @Override
    public void applied(String tenant, MigrationRun run) {
      events.add(tenant + ":applied " + run.version());
    }

    @Override
    public void done(String tenant, List<MigrationRun> runs) {
      events.add(tenant + ":done " + runs.size());
    }

    @Override
    public void failed(String tenant, TenantMigrationException failure) {
      events.add(tenant + ":failed " + failure.version().orElse("?"));
    }
  };

  @AfterEach
  void drop() throws SQLException {
    if (tenants != null) {
      tenants.close();
    }
    for (TestDatabase db : databases.values()) {
      db.close();
    }
  }

  private Tenants databaseTenants(String... ids) throws SQLException {
    Tenants.Builder builder = Tenants.databases().pool(options -> options.maximumPoolSize(3));
    for (String id : ids) {
      TestDatabase db = TestDatabase.create();
      databases.put(id, db);
      builder.tenant(id, options -> options.url(db.jdbcUrl()).username(db.user()).password(db.password()));
    }
    tenants = builder.build();
    return tenants;
  }

  private TenantMigrator migrator(List<String> progress, int parallelism) {
    return TenantMigrator.builder(tenants, dataSource -> Migrator.builder(dataSource).locations().output(line -> {})
            .migrations(new V9701__CreateAccounts(), new V9702__UniqueEmails()))
        .listener(recorder)
        .listener(TenantMigrationListener.progressBar(progress::add))
        .parallelism(parallelism)
        .build();
  }

  private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private List<String> history(String tenant) throws SQLException {
    return strings(databases.get(tenant).dataSource(), "SELECT version FROM flyway_schema_history "
        + "WHERE version IS NOT NULL ORDER BY installed_rank");
  }

  @Test
  void everyTenantDatabaseIsMigratedWithProgressInOrder() throws SQLException {
    databaseTenants("t1", "t2", "t3");
    List<String> progress = new ArrayList<>();

    Map<String, List<MigrationRun>> applied = migrator(progress, 1).migrate();

    assertThat(applied.keySet()).containsExactly("t1", "t2", "t3");
    assertThat(events).containsExactly(
        "t1:started 1/3", "t1:applied 9701", "t1:applied 9702", "t1:done 2",
        "t2:started 2/3", "t2:applied 9701", "t2:applied 9702", "t2:done 2",
        "t3:started 3/3", "t3:applied 9701", "t3:applied 9702", "t3:done 2");
    assertThat(progress).containsExactly(
        "[######--------------] 1/3 t1: 2 migrations applied",
        "[#############-------] 2/3 t2: 2 migrations applied",
        "[####################] 3/3 t3: 2 migrations applied");
    for (String tenant : List.of("t1", "t2", "t3")) {
      assertThat(history(tenant)).containsExactly("9701", "9702");
    }
    assertThat(tenants.openPools()).as("the migrator's connections went back").isEqualTo(3);

    events.clear();
    assertThat(migrator(new ArrayList<>(), 1).migrate().values()).allSatisfy(runs -> assertThat(runs).isEmpty());
    assertThat(events).containsExactly("t1:started 1/3", "t1:done 0", "t2:started 2/3", "t2:done 0",
        "t3:started 3/3", "t3:done 0");
  }

  @Test
  void aFailingTenantStopsTheRunNamesItselfAndARerunResumes() throws SQLException {
    databaseTenants("t1", "t2", "t3");
    TestDatabase t2 = databases.get("t2");
    t2.execute("CREATE SCHEMA legacy; CREATE TABLE legacy.accounts (email text);"
        + "INSERT INTO legacy.accounts (email) VALUES ('same@example.com'), ('same@example.com')");
    List<String> progress = new ArrayList<>();

    assertThatThrownBy(() -> migrator(progress, 1).migrate())
        .isInstanceOfSatisfying(TenantMigrationException.class, failure -> {
          assertThat(failure.tenant()).isEqualTo("t2");
          assertThat(failure.version()).contains("9702");
          assertThat(failure.migrated()).containsExactly("t1");
          assertThat(failure.remaining()).containsExactly("t2", "t3");
        })
        .hasMessageContaining("tenant t2 failed at migration 9702")
        .hasMessageContaining("could not create unique index \"accounts_email_index\"")
        .hasMessageContaining("migrated before it: t1")
        .hasMessageContaining("not migrated: t2, t3");
    assertThat(events).containsExactly(
        "t1:started 1/3", "t1:applied 9701", "t1:applied 9702", "t1:done 2",
        "t2:started 2/3", "t2:applied 9701", "t2:failed 9702");
    assertThat(progress).containsExactly("[######--------------] 1/3 t1: 2 migrations applied",
        "[######--------------] 1/3 t2: FAILED at 9702");
    assertThat(history("t1")).containsExactly("9701", "9702");
    assertThat(history("t2")).as("9701 committed before 9702 failed").containsExactly("9701");
    assertThat(strings(databases.get("t3").dataSource(), "SELECT to_regclass('flyway_schema_history')::text"))
        .containsOnlyNulls();

    // Fix the data, run again: t1 is a no-op, t2 resumes at 9702, t3 is migrated.
    t2.execute("DELETE FROM accounts WHERE id = (SELECT max(id) FROM accounts)");
    events.clear();
    Map<String, List<MigrationRun>> applied = migrator(new ArrayList<>(), 1).migrate();
    assertThat(applied.get("t1")).isEmpty();
    assertThat(applied.get("t2")).extracting(MigrationRun::version).containsExactly("9702");
    assertThat(applied.get("t3")).extracting(MigrationRun::version).containsExactly("9701", "9702");
    assertThat(events).containsExactly("t1:started 1/3", "t1:done 0",
        "t2:started 2/3", "t2:applied 9702", "t2:done 1",
        "t3:started 3/3", "t3:applied 9701", "t3:applied 9702", "t3:done 2");
    assertThat(history("t2")).containsExactly("9701", "9702");
  }

  @Test
  void onlyTheRemainingTenantsOrFromOne() throws SQLException {
    databaseTenants("t1", "t2", "t3");
    TenantMigrator migrator = migrator(new ArrayList<>(), 1);

    assertThat(migrator.migrateFrom("t2").keySet()).containsExactly("t2", "t3");
    assertThat(strings(databases.get("t1").dataSource(), "SELECT to_regclass('flyway_schema_history')::text"))
        .containsOnlyNulls();
    assertThat(migrator.migrate(List.of("t1")).keySet()).containsExactly("t1");
    assertThatThrownBy(() -> migrator.migrateFrom("t9")).hasMessageContaining("unknown tenant `t9`");
  }

  @Test
  void tenantSchemasEachGetTheirSchemaAndHistoryInParallel() throws SQLException {
    TestDatabase db = TestDatabase.create();
    databases.put("shared", db);
    tenants = Tenants.schemas(Repo.of(db.dataSource()))
        .tenant("acme", "tenant_acme").tenant("globex", "tenant_globex").tenant("initech", "tenant_initech").build();

    Map<String, List<MigrationRun>> applied = migrator(new ArrayList<>(), 2).migrate();

    assertThat(applied.keySet()).containsExactly("acme", "globex", "initech");
    for (String schema : List.of("tenant_acme", "tenant_globex", "tenant_initech")) {
      assertThat(strings(db.dataSource(), "SELECT tablename FROM pg_tables WHERE schemaname = '" + schema
          + "' ORDER BY tablename")).containsExactly("accounts", "flyway_schema_history");
      assertThat(strings(db.dataSource(), "SELECT version FROM " + schema + ".flyway_schema_history "
          + "WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("9701", "9702");
    }
    assertThat(strings(db.dataSource(), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
    assertThat(events).filteredOn(event -> event.endsWith(":done 2")).hasSize(3);
  }
}
