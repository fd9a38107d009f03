package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.schema.ReferenceAction;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code integration_test/sql/migration.exs} run up and down on PostgreSQL
 * (the DSL's SQL is checked statement by statement in the runtime's unit tests; these check that
 * PostgreSQL takes it, rows included, and that each rollback leaves nothing behind).
 */
@EctoTest
class MigrationsOnPostgresConformanceTest {
  private Catalog catalog;

  /** Ecto's {@code InferredDropIndexMigration}. */
  public static final class V9650__InferredDropIndex extends Migration {
    @Override
    protected void change() {
      createTable("posts_9650", t -> t.add("title", "text"));
      createIndex(index("posts_9650", "title"));
    }
  }

  /** Ecto's {@code OnDeleteMigration}. */
  public static final class V9651__OnDelete extends Migration {
    @Override
    protected void change() {
      createTable("parent1", t -> {});
      createTable("parent2", t -> {});
      createTable("ref_migration", t -> t.add("parent1", references("parent1").onDelete(ReferenceAction.NILIFY_ALL)));
      alterTable("ref_migration", t -> t.add("parent2", references("parent2").onDelete(ReferenceAction.DELETE_ALL)));
    }
  }

  /** Ecto's {@code ReferencesRollbackMigration}. */
  public static final class V9652__ReferencesRollback extends Migration {
    @Override
    protected void change() {
      createTable("parent_9652", t -> t.add("name", "varchar(255)"));
      createTable("child_9652", t -> t.add("parent_id", references("parent_9652")));
    }
  }

  /** Ecto's {@code NoErrorTableMigration}. */
  public static final class V9653__NoErrorTable extends Migration {
    @Override
    protected void up() {
      createTableIfNotExists("existing", t -> t.add("name", "varchar(255)"));
      createTableIfNotExists("existing", t -> t.add("name", "varchar(255)"));
      createTableIfNotExists("existing", t -> {});
      dropTableIfExists("existing");
      dropTableIfExists("existing");
    }

    @Override
    protected void down() {}
  }

  /** Ecto's {@code AlterColumnMigration} ({@code default: nil} is {@code SET DEFAULT NULL}, as Ecto writes it). */
  public static final class V9654__AlterColumn extends Migration {
    @Override
    protected void up() {
      createTable("alter_col_migration", t -> {
        t.add("from_null_to_not_null", "integer");
        t.add("from_not_null_to_null", "integer").notNull();
        t.add("from_default_to_no_default", "integer").defaultValue(0);
        t.add("from_no_default_to_default", "integer");
      });
      alterTable("alter_col_migration", t -> {
        t.modify("from_null_to_not_null", "varchar(255)").notNull();
        t.modify("from_not_null_to_null", "varchar(255)").nullable();
        t.modify("from_default_to_no_default", "integer").defaultSql("NULL");
        t.modify("from_no_default_to_default", "integer").defaultValue(0);
      });
      execute("INSERT INTO alter_col_migration (from_null_to_not_null) VALUES ('foo')");
    }

    @Override
    protected void down() {
      dropTable("alter_col_migration");
    }
  }

  /** Ecto's {@code AlterColumnFromMigration}, its row inserted by SQL where Ecto flushes and inserts. */
  public static final class V9655__AlterColumnFrom extends Migration {
    @Override
    protected void change() {
      createTable("modify_from_products", t -> {
        t.add("value", "integer");
        t.add("nullable", "integer").notNull();
      });
      execute("INSERT INTO modify_from_products (value, nullable) VALUES (1, 1)", "DELETE FROM modify_from_products");
      alterTable("modify_from_products", t -> {
        t.modify("value", "bigint").from("integer");
        t.modify("nullable", "bigint").nullable().from(column("integer").notNull());
      });
    }
  }

  /** Ecto's {@code AlterForeignKeyOnDeleteMigration}. */
  public static final class V9656__AlterOnDelete extends Migration {
    @Override
    protected void up() {
      createTable("alter_fk_users_9656", t -> {});
      createTable("alter_fk_posts_9656", t -> t.add("alter_fk_user_id", "bigint"));
      alterTable("alter_fk_posts_9656", t -> t.modify("alter_fk_user_id", references("alter_fk_users_9656")
          .onDelete(ReferenceAction.NILIFY_ALL)));
    }

    @Override
    protected void down() {
      dropTable("alter_fk_posts_9656");
      dropTable("alter_fk_users_9656");
    }
  }

  /** Ecto's {@code RenameColumnMigration} and {@code RenameMigration}, written as change(). */
  public static final class V9657__Renames extends Migration {
    @Override
    protected void change() {
      createTable("rename_col_migration", t -> t.add("to_be_renamed", "integer"));
      renameColumn("rename_col_migration", "to_be_renamed", "was_renamed");
      execute("INSERT INTO rename_col_migration (was_renamed) VALUES (1)", "SELECT 1");
      createTable("posts_migration", t -> {});
      renameTable("posts_migration", "new_posts_migration");
    }
  }

  /**
   * Ecto's {@code NoErrorOnConditionalColumnMigration}, {@code AddColumnIfNotExistsMigration} and
   * {@code DropColumnIfExistsMigration}.
   */
  public static final class V9658__ConditionalColumns extends Migration {
    @Override
    protected void up() {
      createTable("conditional_columns", t -> t.add("to_be_removed", "integer"));
      alterTable("conditional_columns", t -> {
        t.addIfNotExists("value", "integer");
        t.addIfNotExists("value", "integer");
        t.addIfNotExists("to_be_added", "integer");
      });
      execute("INSERT INTO conditional_columns (value, to_be_added, to_be_removed) VALUES (1, 2, 3)");
      alterTable("conditional_columns", t -> {
        t.removeIfExists("to_be_removed", "integer");
        t.removeIfExists("to_be_removed", "integer");
      });
    }

    @Override
    protected void down() {
      dropTable("conditional_columns");
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
  }

  /** Migrates {@code migration} up, runs {@code check}, rolls it back, and checks nothing is left. */
  private void upAndDown(TestDatabase db, Migration migration, Check check) throws Exception {
    Migrator migrator = Migrator.builder(db.dataSource()).migrations(migration).locations().output(line -> { })
        .build();
    migrator.migrate();
    check.run();
    migrator.rollback();
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
  }

  @FunctionalInterface
  private interface Check {
    void run() throws Exception;
  }

  /** Ports "correctly infers how to drop index". */
  @Test
  void correctlyInfersHowToDropIndex(TestDatabase db) throws Exception {
    upAndDown(db, new V9650__InferredDropIndex(),
        () -> assertThat(catalog.indexes("posts_9650")).contains("posts_9650_title_index"));
  }

  /** Ports "supports on delete": nilify_all and delete_all act when the parents go. */
  @Test
  void supportsOnDelete(TestDatabase db) throws Exception {
    upAndDown(db, new V9651__OnDelete(), () -> {
      db.execute("INSERT INTO parent1 DEFAULT VALUES; INSERT INTO parent2 DEFAULT VALUES; "
          + "INSERT INTO ref_migration (parent1, parent2) SELECT parent1.id, parent2.id FROM parent1 CROSS JOIN parent2");
      db.execute("DELETE FROM parent1");
      assertThat(catalog.strings("SELECT coalesce(parent1::text, 'nil') || '/' || parent2 FROM ref_migration"))
          .containsExactly("nil/1");
      db.execute("DELETE FROM parent2");
      assertThat(catalog.strings("SELECT id::text FROM ref_migration")).isEmpty();
    });
  }

  /** Ports "rolls back references in change/1". */
  @Test
  void rollsBackReferencesInChange(TestDatabase db) throws Exception {
    upAndDown(db, new V9652__ReferencesRollback(),
        () -> assertThat(catalog.constraints("child_9652")).contains("child_9652_parent_id_fkey"));
  }

  /** Ports "create table if not exists and drop table if exists does not raise on failure". */
  @Test
  void conditionalTableCommandsRunTwice(TestDatabase db) throws Exception {
    upAndDown(db, new V9653__NoErrorTable(), () -> assertThat(catalog.tables()).doesNotContain("existing"));
  }

  /** Ports "modify column": nullability and defaults changed, the row inserted after. */
  @Test
  void modifyColumn(TestDatabase db) throws Exception {
    upAndDown(db, new V9654__AlterColumn(), () -> {
      assertThat(catalog.strings("SELECT from_null_to_not_null || '/' || coalesce(from_not_null_to_null, 'nil') || '/' "
          + "|| coalesce(from_default_to_no_default::text, 'nil') || '/' || from_no_default_to_default "
          + "FROM alter_col_migration")).containsExactly("foo/nil/nil/0");
      assertThatThrownBy(() -> db.execute("INSERT INTO alter_col_migration (from_not_null_to_null) VALUES ('foo')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("from_null_to_not_null");
    });
  }

  /** Ports "modify column with from": the row kept through the change, and the change reversed. */
  @Test
  void modifyColumnWithFrom(TestDatabase db) throws Exception {
    Migrator migrator = Migrator.builder(db.dataSource()).migrations(new V9655__AlterColumnFrom()).locations()
        .output(line -> { }).build();
    migrator.migrate();
    assertThat(catalog.strings("SELECT value::text FROM modify_from_products")).containsExactly("1");
    assertThat(catalog.columns("modify_from_products")).contains("value bigint", "nullable bigint");

    migrator.rollback();
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
  }

  /** Ports "modify foreign key's on_delete constraint". */
  @Test
  void modifyForeignKeysOnDelete(TestDatabase db) throws Exception {
    upAndDown(db, new V9656__AlterOnDelete(), () -> {
      db.execute("INSERT INTO alter_fk_users_9656 DEFAULT VALUES; "
          + "INSERT INTO alter_fk_posts_9656 (alter_fk_user_id) SELECT id FROM alter_fk_users_9656");
      db.execute("DELETE FROM alter_fk_users_9656");
      assertThat(catalog.strings("SELECT coalesce(alter_fk_user_id::text, 'nil') FROM alter_fk_posts_9656"))
          .containsExactly("nil");
    });
  }

  /** Ports "rename column" and "rename table". */
  @Test
  void renameColumnAndTable(TestDatabase db) throws Exception {
    upAndDown(db, new V9657__Renames(), () -> {
      assertThat(catalog.strings("SELECT was_renamed::text FROM rename_col_migration")).containsExactly("1");
      assertThat(catalog.tables()).contains("new_posts_migration").doesNotContain("posts_migration");
    });
  }

  /**
   * Ports "add if not exists and remove if exists does not raise on failure", "add column if not
   * exists" and "remove column when exists".
   */
  @Test
  void conditionalColumnCommandsRunTwice(TestDatabase db) throws Exception {
    upAndDown(db, new V9658__ConditionalColumns(), () -> {
      assertThat(catalog.strings("SELECT value || '/' || to_be_added FROM conditional_columns"))
          .containsExactly("1/2");
      assertThat(catalog.columns("conditional_columns")).noneMatch(column -> column.startsWith("to_be_removed"));
    });
  }
}
