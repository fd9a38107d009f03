package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ports of ecto_sql's integration_test/pg/migrations_test.exs, run by the Migrator on PostgreSQL. */
@EctoTest
class PgMigrationsConformanceTest {
  private final List<String> output = new ArrayList<>();
  private Catalog catalog;

  public static final class V3001__DuplicateTable extends Migration {
    @Override
    protected void change() {
      createTableIfNotExists("duplicate_table", t -> {});
      createTableIfNotExists("duplicate_table", t -> {});
    }
  }

  public static final class V3002__Normal extends Migration {
    @Override
    protected void change() {
      createTableIfNotExists("log_mode_table", t -> {});
    }
  }

  /** Ecto's CollateMigration: a collation on a key, on each text type, on a reference, and changed by modify. */
  public static final class V3003__Collate extends Migration {
    @Override
    protected void change() {
      createTable(table("collate_reference").withoutPrimaryKey(),
          t -> t.add("name", "varchar(255)").primaryKey().collation("POSIX"));
      createIndex(uniqueIndex("collate_reference", "name"));
      createTable("collate", t -> {
        t.add("string", "varchar(255)").collation("POSIX");
        for (String type : List.of("char", "varchar", "text")) {
          t.add(type, type).collation("POSIX");
        }
        t.add("name_string", references("collate_reference").type("varchar(255)").column("name")).collation("POSIX");
      });
      alterTable("collate", t -> t.modify("string", "varchar(255)").collation("C"));
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
    output.clear();
  }

  private Migrator migrator(TestDatabase db, Migration migration) {
    return Migrator.builder(db.dataSource()).migrations(migration).locations().output(output::add).build();
  }

  /** Ports migrations_test.exs "logs Postgres notice messages": PostgreSQL's NOTICE reaches the migrator's output. */
  @Test
  void logsPostgresNoticeMessages(TestDatabase db) {
    migrator(db, new V3001__DuplicateTable()).migrate();
    assertThat(output).contains("relation \"duplicate_table\" already exists, skipping");
  }

  /**
   * Ports migrations_test.exs "Migrator / does not log sql when log is default": the output shows
   * each command as Ecto's DSL line, never its SQL, the history insert, nor transaction commands.
   */
  @Test
  void doesNotLogSqlWhenLogIsDefault(TestDatabase db) {
    migrator(db, new V3002__Normal()).migrate();
    String up = String.join("\n", output);
    assertThat(up).contains("create table if not exists log_mode_table")
        .doesNotContain("CREATE TABLE", "INSERT INTO", "begin", "commit", "LOCK TABLE");
    output.clear();
    migrator(db, new V3002__Normal()).rollback();
    String down = String.join("\n", output);
    assertThat(down).contains("drop table if exists log_mode_table")
        .doesNotContain("DROP TABLE", "DELETE FROM", "begin", "commit", "LOCK TABLE");
  }

  /** Ports migrations_test.exs "Migrator / collation can be set on a column". */
  @Test
  void collationCanBeSetOnAColumn(TestDatabase db) throws Exception {
    migrator(db, new V3003__Collate()).migrate();
    assertThat(collation("string")).isEqualTo("C");
    for (String column : List.of("char", "varchar", "text", "name_string")) {
      assertThat(collation(column)).as(column).isEqualTo("POSIX");
    }
  }

  private String collation(String column) throws java.sql.SQLException {
    return catalog.one("SELECT collation_name FROM information_schema.columns WHERE table_name = 'collate'"
        + " AND column_name = '" + column + "'");
  }
}
