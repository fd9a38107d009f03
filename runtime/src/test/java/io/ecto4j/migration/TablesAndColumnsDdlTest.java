package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code test/ecto/migration_test.exs} and the table DDL cases of
 * {@code test/ecto/adapters/postgres_test.exs}: table options and modifiers, array and map
 * defaults, timestamps options, constraint comments, {@code execute_file}, and nested commands.
 */
class TablesAndColumnsDdlTest {
  private static List<String> sql(Migration migration) {
    return migration.upCommands().stream().flatMap(command -> command.sql().stream()).toList();
  }

  static final class V1__Options extends Migration {
    @Override
    protected void change() {
      createTable(table("posts").options("WITH (fillfactor = 70)"), t -> t.add("created_at", "timestamp"));
      createTable(table("events").withoutPrimaryKey().modifiers("UNLOGGED"), t -> t.add("at", "timestamp"));
    }
  }

  /** Ports postgres_test.exs "create table with options" and "create table with modifiers". */
  @Test
  void tableOptionsAndModifiers() {
    assertThat(sql(new V1__Options())).containsExactly(
        "CREATE TABLE \"posts\" (\n  \"id\" bigserial,\n  \"created_at\" timestamp,\n  PRIMARY KEY (\"id\")\n)"
            + " WITH (fillfactor = 70)",
        "CREATE UNLOGGED TABLE \"events\" (\n  \"at\" timestamp\n)");
  }

  static final class V2__Defaults extends Migration {
    @Override
    protected void change() {
      createTable(table("posts").withoutPrimaryKey(), t -> {
        t.add("tags", "varchar(255)[]").defaultValue(List.of());
        t.add("languages", "text[]").defaultValue(List.of("pt", "es"));
        t.add("limits", "integer[]").defaultValue(List.of(100, 30_000));
        t.add("a", "jsonb").defaultValue(Map.of());
        t.add("b", "jsonb").defaultValue(Map.of("foo", "it's"));
      });
    }
  }

  /**
   * Ports postgres_test.exs "create table with prefix…" array defaults, "create table with a map
   * column, and an empty map default" and "… a map default with values".
   */
  @Test
  void arrayAndMapDefaults() {
    assertThat(sql(new V2__Defaults()).get(0))
        .contains("\"tags\" varchar(255)[] DEFAULT ARRAY[]::varchar(255)[]")
        .contains("\"languages\" text[] DEFAULT ARRAY['pt','es']::text[]")
        .contains("\"limits\" integer[] DEFAULT ARRAY[100,30000]::integer[]")
        .contains("\"a\" jsonb DEFAULT '{}'")
        .contains("\"b\" jsonb DEFAULT '{\"foo\":\"it''s\"}'");
  }

  @Test
  void aDefaultThatPostgresqlCannotStoreIsRefused() {
    ColumnBuilder column = new ColumnBuilder(ColumnBuilder.Kind.ADD, "tags", ColumnDefinition.of("text[]"));
    assertThatThrownBy(() -> column.defaultValue(List.of(new Object())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("array defaults take strings, numbers");
    assertThatThrownBy(() -> column.defaultValue("a\0b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL character");
  }

  static final class V3__Timestamps extends Migration {
    @Override
    protected void change() {
      createTable(table("a").withoutPrimaryKey(),
          t -> t.timestamps(TimestampColumns.defaults().insertedAt("created_at").withoutUpdatedAt()));
      createTable(table("b").withoutPrimaryKey(), t -> t.timestamps(TimestampColumns.defaults()
          .insertedAt("inserted_on").updatedAt("updated_on").type("date")));
      createTable(table("c").withoutPrimaryKey(), t -> t.timestamps(TimestampColumns.defaults().type("timestamp(6)")
          .nullable()));
    }
  }

  /**
   * Ports migration_test.exs "creates a table without updated_at timestamp", "… with timestamps
   * of type date", "… of database specific type" and "create a table with timestamps" (null: true).
   */
  @Test
  void timestampsRenamedOmittedTypedAndNullable() {
    assertThat(sql(new V3__Timestamps())).containsExactly(
        "CREATE TABLE \"a\" (\n  \"created_at\" timestamptz NOT NULL\n)",
        "CREATE TABLE \"b\" (\n  \"inserted_on\" date NOT NULL,\n  \"updated_on\" date NOT NULL\n)",
        "CREATE TABLE \"c\" (\n  \"inserted_at\" timestamp(6),\n  \"updated_at\" timestamp(6)\n)");
  }

  static final class V4__ConstraintComment extends Migration {
    @Override
    protected void change() {
      createConstraint(check("products", "price_must_be_positive", "price > 0").comment("comment"));
    }
  }

  /** Ports postgres_test.exs "create constraint with comment". */
  @Test
  void constraintComment() {
    assertThat(sql(new V4__ConstraintComment())).containsExactly(
        "ALTER TABLE \"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0)",
        "COMMENT ON CONSTRAINT \"price_must_be_positive\" ON \"products\" IS 'comment'");
  }

  static final class V5__ExecuteFile extends Migration {
    @Override
    protected void change() {
      executeFile("ecto4j-test/up.sql", "ecto4j-test/down.sql");
    }
  }

  static final class V6__MissingFile extends Migration {
    @Override
    protected void change() {
      executeFile("ecto4j-test/nowhere.sql");
    }
  }

  /** Ports migration_test.exs "executes a command from a file" and "… reversible command from a file". */
  @Test
  void executeFileReadsAClassPathResource() {
    V5__ExecuteFile migration = new V5__ExecuteFile();
    assertThat(sql(migration)).containsExactly("CREATE TABLE IF NOT EXISTS \"execute_file_table\" (i integer)");
    assertThat(migration.downCommands()).flatExtracting(Command::sql)
        .containsExactly("DROP TABLE IF EXISTS \"execute_file_table\"");
    assertThatThrownBy(() -> new V6__MissingFile().upCommands()).isInstanceOf(MigrationException.class)
        .hasMessageContaining("executeFile(\"ecto4j-test/nowhere.sql\")").hasMessageContaining("no such resource");
  }

  static final class V7__NestedIndex extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> {
        t.add("foo", "text");
        createIndex(index("posts", "foo"));
      });
    }
  }

  static final class V8__NestedTable extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> createTable("foo", inner -> { }));
    }
  }

  /** Ports migration_test.exs "fails gracefully with nested create". */
  @Test
  void nestedCommandsAreRefused() {
    assertThatThrownBy(() -> new V7__NestedIndex().upCommands()).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("cannot execute nested commands: `create index posts_foo_index` inside the body of "
            + "`create table posts`");
    assertThatThrownBy(() -> new V8__NestedTable().upCommands()).isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("cannot execute nested commands");
  }
}
