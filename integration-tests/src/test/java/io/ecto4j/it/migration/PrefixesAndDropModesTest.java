package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.migration.DropMode;
import io.ecto4j.migration.Migration;
import io.ecto4j.migration.MigrationDefaults;
import io.ecto4j.migration.MigrationException;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drop modes, table prefixes and the migrator's defaults, run on PostgreSQL and checked by what
 * the database then holds (ports of ecto_sql {@code integration_test/sql/migration.exs} and of
 * {@code test/ecto/migration_test.exs}; the rendered SQL is checked in the runtime's
 * {@code PrefixesAndDefaultsDdlTest}).
 */
@EctoTest
class PrefixesAndDropModesTest {
  private Catalog catalog;

  public static final class V9501__PostsWithAView extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> t.add("title", "text"));
      execute("CREATE VIEW post_titles AS SELECT title FROM posts", "DROP VIEW post_titles");
      createConstraint(check("posts", "title_present", "title <> ''"));
    }
  }

  public static final class V9502__DropWithoutCascade extends Migration {
    @Override
    protected void up() {
      dropTable("posts");
    }

    @Override
    protected void down() {}
  }

  public static final class V9503__DropWithCascade extends Migration {
    @Override
    protected void up() {
      dropConstraint(check("posts", "title_present", "title <> ''"), DropMode.CASCADE);
      dropConstraintIfExists("posts", "title_present");
      dropTable("posts", DropMode.CASCADE);
      dropTableIfExists(table("posts"));
    }

    @Override
    protected void down() {}
  }

  @BeforeEach
  void clean(TestDatabase db) throws SQLException {
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS blog CASCADE");
    catalog = new Catalog(db.dataSource());
  }

  private static Migrator.Builder builder(TestDatabase db, Migration... migrations) {
    return Migrator.builder(db.jdbcUrl(), db.user(), db.password()).migrations(migrations).locations()
        .output(line -> { });
  }

  /**
   * Ports migration.exs "drop table with cascade" (a dependent view goes too; without
   * {@code CASCADE} PostgreSQL refuses) and postgres_test.exs "drop constraint" /
   * "drop_if_exists constraint" with {@code :cascade}.
   */
  @Test
  void dropTableWithCascadeDropsWhatDependsOnIt(TestDatabase db) throws Exception {
    builder(db, new V9501__PostsWithAView()).build().migrate();
    assertThatThrownBy(() -> builder(db, new V9501__PostsWithAView(), new V9502__DropWithoutCascade()).build().migrate())
        .isInstanceOf(MigrationException.class).hasStackTraceContaining("other objects depend on it");
    assertThat(catalog.tables()).contains("posts");

    builder(db, new V9501__PostsWithAView(), new V9503__DropWithCascade()).build().migrate();
    assertThat(catalog.tables()).doesNotContain("posts");
    assertThat(catalog.strings("SELECT viewname FROM pg_views WHERE schemaname = 'public'")).isEmpty();
  }

  public static final class V9510__BlogSchema extends Migration {
    @Override
    protected void change() {
      execute("CREATE SCHEMA blog", "DROP SCHEMA blog");
      createTable(table("authors").prefix("blog"), t -> t.add("name", "text"));
      createTable(table("posts").prefix("blog").comment("all posts"), t -> {
        t.add("author_id", references("authors"));
        t.add("title", "text").comment("the title");
      });
    }
  }

  public static final class V9511__ChangeBlog extends Migration {
    @Override
    protected void change() {
      alterTable(table("posts").prefix("blog"), t -> t.add("editor_id", references("authors")));
      renameColumn(table("posts").prefix("blog"), "title", "headline");
      renameTable(table("posts").prefix("blog"), "articles");
      createConstraint(check("articles", "headline_present", "headline <> ''").prefix("blog"));
      commentOnTable(table("articles").prefix("blog"), "renamed", "all posts");
    }
  }

  /**
   * Ports migration.exs "create table with prefix"-style cases and migration_test.exs "creates a
   * table with prefix from migration", "drops a table with prefix from migration" and "rename
   * column on table with index prefixed from migration": every table command stays in the schema,
   * the references point into it, and the rollback undoes each one there.
   */
  @Test
  void prefixedTablesReferencesAndConstraintsLiveInTheirSchemaBothWays(TestDatabase db) throws Exception {
    Migrator migrator = builder(db, new V9510__BlogSchema(), new V9511__ChangeBlog()).build();
    migrator.migrate();

    assertThat(catalog.strings("SELECT tablename FROM pg_tables WHERE schemaname = 'blog' ORDER BY tablename"))
        .containsExactly("articles", "authors");
    assertThat(catalog.tables()).doesNotContain("posts", "articles", "authors");
    assertThat(catalog.columns("blog.articles"))
        .containsExactly("id bigint not null", "author_id bigint", "headline text", "editor_id bigint");
    assertThat(catalog.strings("SELECT conname || ' -> ' || confrelid::regclass FROM pg_constraint "
        + "WHERE conrelid = 'blog.articles'::regclass AND contype = 'f' ORDER BY conname"))
        .containsExactly("posts_author_id_fkey -> blog.authors", "posts_editor_id_fkey -> blog.authors");
    assertThat(catalog.constraints("blog.articles")).contains("headline_present");
    assertThat(catalog.one("SELECT obj_description('blog.articles'::regclass, 'pg_class')")).isEqualTo("renamed");
    assertThat(catalog.one("SELECT col_description('blog.articles'::regclass, 3)")).isEqualTo("the title");

    migrator.rollback();
    assertThat(catalog.strings("SELECT tablename FROM pg_tables WHERE schemaname = 'blog' ORDER BY tablename"))
        .containsExactly("authors", "posts");
    assertThat(catalog.columns("blog.posts")).containsExactly("id bigint not null", "author_id bigint", "title text");
    assertThat(catalog.one("SELECT obj_description('blog.posts'::regclass, 'pg_class')")).isEqualTo("all posts");
    migrator.rollback();
    assertThat(catalog.strings("SELECT nspname FROM pg_namespace WHERE nspname = 'blog'")).isEmpty();
  }

  public static final class V9520__DefaultTypes extends Migration {
    @Override
    protected void change() {
      createTable(table("users").primaryKey("id", "uuid DEFAULT gen_random_uuid()"), t -> t.timestamps());
      createTable("posts", t -> {
        t.add("user_id", references("users"));
        t.timestamps();
      });
    }
  }

  public static final class V9521__Later extends Migration {
    @Override
    protected void change() {
      createIndex(index("posts", "user_id"));
    }
  }

  /**
   * Ports migration_test.exs "create a reference with using the foreign key repo config" and the
   * repo-config ({@code migration_primary_key}, {@code migration_timestamps}) table cases: the
   * migrator's defaults reach the recorded commands, a migration's own choice wins, the rollback
   * uses the same defaults, and the checksum does not change between runs.
   */
  @Test
  void migratorDefaultsGiveKeysReferencesAndTimestampsTheirTypes(TestDatabase db) throws Exception {
    MigrationDefaults defaults = MigrationDefaults.ecto().primaryKey("id", "uuid DEFAULT gen_random_uuid()")
        .foreignKeyType("uuid").timestampType("timestamp");
    Migrator migrator = builder(db, new V9520__DefaultTypes()).defaults(defaults).build();
    migrator.migrate();

    assertThat(catalog.columns("users"))
        .containsExactly("id uuid not null", "inserted_at timestamp without time zone not null",
            "updated_at timestamp without time zone not null");
    assertThat(catalog.columns("posts")).containsExactly("id uuid not null", "user_id uuid",
        "inserted_at timestamp without time zone not null", "updated_at timestamp without time zone not null");
    // Flyway validates the applied checksums before migrating a pending one: other defaults give
    // another checksum, the same defaults the same one.
    assertThatThrownBy(() -> builder(db, new V9520__DefaultTypes(), new V9521__Later()).build().migrate())
        .isInstanceOf(MigrationException.class).hasMessageContaining("checksum mismatch for migration version 9520");
    Migrator again = builder(db, new V9520__DefaultTypes(), new V9521__Later()).defaults(defaults).build();
    again.migrate();
    assertThat(catalog.history()).containsExactly("9520", "9521");

    again.rollback(2);
    assertThat(catalog.tables()).doesNotContain("users", "posts");
  }
}
