package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.TimestampColumns;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table options and modifiers, array and map defaults, timestamps options, constraint comments and
 * {@code executeFile}, run on PostgreSQL (ports of ecto_sql {@code integration_test/sql/migration.exs}
 * cases; the SQL itself is checked in the runtime's {@code TablesAndColumnsDdlTest}).
 */
@EctoTest
class TablesAndColumnsTest {
  private Catalog catalog;

  public static final class V9101__Tables extends Migration {
    @Override
    protected void change() {
      createTable(table("events").modifiers("UNLOGGED").options("WITH (fillfactor = 70)"), t -> {
        t.add("tags", "text[]").notNull().defaultValue(List.of("pt", "es"));
        t.add("limits", "integer[]").defaultValue(List.of(100, 30_000));
        t.add("meta", "jsonb").defaultValue(Map.of("source", "it's"));
        t.add("price", "integer");
        t.timestamps(TimestampColumns.defaults().insertedAt("created_at").withoutUpdatedAt().type("date")
            .nullable());
      });
      createConstraint(check("events", "price_must_be_positive", "price > 0").comment("no free events"));
      executeFile("ecto4j-it/answer-up.sql", "ecto4j-it/answer-down.sql");
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws SQLException {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP FUNCTION IF EXISTS ecto4j_answer()");
    catalog = new Catalog(db.dataSource());
  }

  @Test
  void tableOptionsDefaultsTimestampsCommentsAndFilesReachTheDatabase(TestDatabase db) throws SQLException {
    Migrator migrator = Migrator.builder(db.jdbcUrl(), db.user(), db.password()).migrations(new V9101__Tables())
        .locations().output(line -> { }).build();
    migrator.migrate();
    assertThat(catalog.one("SELECT relpersistence::text FROM pg_class WHERE relname = 'events'")).isEqualTo("u");
    assertThat(catalog.one("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'events'"))
        .isEqualTo("fillfactor=70");
    db.execute("INSERT INTO events DEFAULT VALUES");
    assertThat(catalog.one("SELECT tags::text || ' ' || limits::text || ' ' || (meta ->> 'source') FROM events"))
        .isEqualTo("{pt,es} {100,30000} it's");
    assertThat(catalog.columns("events")).contains("created_at date").doesNotContain("updated_at date");
    assertThat(catalog.one("SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint "
        + "WHERE conname = 'price_must_be_positive'")).isEqualTo("no free events");
    assertThat(catalog.one("SELECT ecto4j_answer()::text")).isEqualTo("42");
    migrator.rollback();
    assertThat(catalog.tables()).doesNotContain("events");
    assertThat(catalog.one("SELECT count(*)::text FROM pg_proc WHERE proname = 'ecto4j_answer'")).isEqualTo("0");
  }
}
