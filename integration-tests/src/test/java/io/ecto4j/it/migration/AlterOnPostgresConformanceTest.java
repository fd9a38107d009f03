package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.UpdateAction;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code integration_test/sql/migration.exs} and {@code migrator.exs} that
 * alter tables holding rows on PostgreSQL: keys changed under their foreign keys, a reference's
 * {@code ON UPDATE}, a key added in {@code alter}, conditional indexes run twice, and a history
 * that cannot be written.
 */
@EctoTest
class AlterOnPostgresConformanceTest {
  private final List<String> output = new ArrayList<>();
  private Catalog catalog;

  /** Ecto's {@code AlterColumnFromPkeyMigration}, rows inserted by SQL where Ecto flushes and inserts. */
  public static final class V9620__ModifyFromPkey extends Migration {
    @Override
    protected void change() {
      createTable(table("modify_from_authors").withoutPrimaryKey(), t -> t.add("id", "integer").primaryKey());
      createTable("modify_from_posts", t -> t.add("author_id", references("modify_from_authors").type("integer")));
      execute("INSERT INTO modify_from_authors (id) VALUES (1); INSERT INTO modify_from_posts (author_id) VALUES (1)",
          "DELETE FROM modify_from_posts; DELETE FROM modify_from_authors");
      alterTable("modify_from_posts", t -> t.modify("author_id", "integer")
          .from(references("modify_from_authors").type("integer")));
      alterTable("modify_from_authors", t -> t.modify("id", "bigint").from("integer"));
      alterTable("modify_from_posts", t -> t.modify("author_id", references("modify_from_authors").type("bigint"))
          .from("integer"));
    }
  }

  /** Ecto's {@code AlterForeignKeyOnUpdateMigration}. */
  public static final class V9621__OnUpdate extends Migration {
    @Override
    protected void up() {
      createTable("alter_fk_users", t -> {});
      createTable("alter_fk_posts", t -> t.add("alter_fk_user_id", "bigint"));
      alterTable("alter_fk_posts", t -> t.modify("alter_fk_user_id", references("alter_fk_users")
          .onUpdate(UpdateAction.UPDATE_ALL)));
    }

    @Override
    protected void down() {
      dropTable("alter_fk_posts");
      dropTable("alter_fk_users");
    }
  }

  /** Ecto's {@code AlterPrimaryKeyMigration}. */
  public static final class V9622__AlterPrimaryKey extends Migration {
    @Override
    protected void change() {
      createTable(table("no_pk").withoutPrimaryKey(), t -> t.add("dummy", "varchar(255)"));
      alterTable("no_pk", t -> t.add("id", "serial").primaryKey());
    }
  }

  /** Ecto's {@code NoErrorIndexMigration}. */
  public static final class V9623__NoErrorIndex extends Migration {
    @Override
    protected void change() {
      createTable("posts_9623", t -> t.add("title", "text"));
      createIndexIfNotExists(index("posts_9623", "title"));
      createIndexIfNotExists(index("posts_9623", "title"));
      dropIndexIfExists(index("posts_9623", "title"));
      dropIndexIfExists(index("posts_9623", "title"));
    }
  }

  /** Ecto's {@code GoodMigration}. */
  public static final class V9624__Good extends Migration {
    @Override
    protected void change() {
      createTable("good_migration", t -> {});
    }
  }

  @BeforeEach
  void clean(TestDatabase db) throws Exception {
    db.execute("DROP SCHEMA IF EXISTS bad_history CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    catalog = new Catalog(db.dataSource());
  }

  private Migrator migrator(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.dataSource()).migrations(migrations).locations().output(output::add).build();
  }

  /**
   * Ports migration.exs "modify column with from and pkey": a key changes type under the foreign
   * key pointing at it (dropped, the key altered, the reference added back), the rows kept; the
   * rollback restores every step.
   */
  @Test
  void aKeyChangesTypeUnderItsForeignKey(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V9620__ModifyFromPkey());

    migrator.migrate();
    assertThat(catalog.strings("SELECT author_id::text FROM modify_from_posts")).containsExactly("1");
    assertThat(catalog.columns("modify_from_authors")).containsExactly("id bigint not null");
    assertThat(catalog.constraints("modify_from_posts")).contains("modify_from_posts_author_id_fkey");

    migrator.rollback();
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
  }

  /** Ports migration.exs "modify foreign key's on_update constraint": a key updated carries its references along. */
  @Test
  void aReferenceModifiedToUpdateAllFollowsItsKey(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V9621__OnUpdate());
    migrator.migrate();
    db.execute("INSERT INTO alter_fk_users DEFAULT VALUES");
    db.execute("INSERT INTO alter_fk_posts (alter_fk_user_id) SELECT id FROM alter_fk_users");

    db.execute("UPDATE alter_fk_users SET id = 12345");

    assertThat(catalog.strings("SELECT alter_fk_user_id::text FROM alter_fk_posts")).containsExactly("12345");
    db.execute("DELETE FROM alter_fk_posts");
    migrator.rollback();
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
  }

  /** Ports migration.exs "alter primary key": a table without a key gets one in {@code alter}, and loses it going down. */
  @Test
  void aKeyIsAddedInAlter(TestDatabase db) throws Exception {
    Migrator migrator = migrator(db, new V9622__AlterPrimaryKey());

    migrator.migrate();
    assertThat(catalog.constraints("no_pk")).containsExactly("no_pk_pkey");
    migrator.rollback();
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
  }

  /** Ports migration.exs "create index if not exists and drop index if exists does not raise on failure". */
  @Test
  void conditionalIndexCommandsRunTwice(TestDatabase db) throws Exception {
    migrator(db, new V9623__NoErrorIndex()).migrate();

    assertThat(catalog.indexes("posts_9623")).containsExactly("posts_9623_pkey");
    assertThat(output).contains("relation \"posts_9623_title_index\" already exists, skipping",
        "index \"posts_9623_title_index\" does not exist, skipping");
  }

  /**
   * Ports migrator.exs "does not commit migration if insert into schema migration fails": a
   * prefix whose history table is not Flyway's fails the run, and nothing the migration would do
   * is kept (Flyway fails reading that history, before the migration runs).
   */
  @Test
  void aHistoryThatCannotBeWrittenCommitsNothing(TestDatabase db) throws Exception {
    db.execute("CREATE SCHEMA bad_history; CREATE TABLE bad_history.flyway_schema_history (version text, "
        + "inserted_at integer)");
    Migrator migrator = Migrator.builder(db.dataSource()).migrations(new V9624__Good()).locations()
        .output(output::add).prefix("bad_history").build();

    assertThatThrownBy(migrator::migrate).isInstanceOf(MigrationException.class);
    assertThat(catalog.one("SELECT to_regclass('bad_history.good_migration')::text")).isNull();
    assertThat(catalog.one("SELECT to_regclass('public.good_migration')::text")).isNull();
  }
}
