package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.migration.blog.Migrations;
import io.ecto4j.migration.MigrationRun;
import io.ecto4j.migration.MigrationStatus;
import io.ecto4j.migration.Migrator;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * migrate → status → rollback → migrate on a real database, reading the catalog after each step:
 * three Java migrations listed by the generated index and one SQL migration with its undo file.
 */
@EctoTest
class MigratorTest {
  private final List<String> output = new ArrayList<>();

  private Migrator migrator(TestDatabase db) {
    return Migrator.builder(db.dataSource())
        .migrations(Migrations.all())
        .locations("classpath:db/blog")
        .output(output::add)
        .build();
  }

  @Test
  void migrateStatusRollbackMigrate(TestDatabase db) throws Exception {
    Catalog catalog = new Catalog(db.dataSource());
    Migrator migrator = migrator(db);
    migrator.rollbackAll();

    assertThat(migrator.status()).extracting(MigrationStatus::version, MigrationStatus::state).containsExactly(
        tuple("1", "DOWN"), tuple("2", "DOWN"), tuple("3", "DOWN"), tuple("4", "DOWN"));

    List<MigrationRun> applied = migrator.migrate();
    assertThat(applied).extracting(MigrationRun::version).containsExactly("1", "2", "3", "4");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history", "posts", "tags", "users");
    assertThat(catalog.columns("posts")).containsExactly("id bigint not null", "title character varying(255) not null",
        "body character varying(10000)", "author_id bigint", "inserted_at timestamp with time zone not null",
        "updated_at timestamp with time zone not null", "view_count integer not null");
    assertThat(catalog.columns("users")).contains("display_name character varying(255) not null");
    assertThat(catalog.indexes("users")).containsExactly("users_email_index", "users_pkey");
    assertThat(catalog.constraints("posts")).containsExactly("posts_author_id_fkey", "posts_pkey", "title_not_blank");
    assertThat(catalog.one("SELECT obj_description('posts'::regclass)")).isEqualTo("blog posts");
    assertThat(catalog.one("SELECT count(*) FROM tags")).isEqualTo("2");
    assertThat(catalog.strings("SELECT script FROM flyway_schema_history ORDER BY installed_rank")).containsExactly(
        "io.ecto4j.it.migration.blog.V1__CreateUsers", "io.ecto4j.it.migration.blog.V2__CreatePosts",
        "io.ecto4j.it.migration.blog.V3__AddViewCount", "V4__create_tags.sql");
    assertThat(output).contains("== Running 2 create posts (io.ecto4j.it.migration.blog.V2__CreatePosts)",
        "create table posts", "create index posts_author_id_index",
        "create check constraint title_not_blank on table posts");
    assertThat(output).anyMatch(line -> line.matches("== Migrated 4 in \\d+\\.\\d{3}s"));

    assertThat(migrator.status()).extracting(MigrationStatus::state).containsOnly(MigrationStatus.State.UP);

    assertThat(migrator.rollback(2)).extracting(MigrationRun::version).containsExactly("4", "3");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history", "posts", "users");
    assertThat(catalog.columns("posts")).containsExactly("id bigint not null", "title character varying(255) not null",
        "body text", "author_id bigint", "inserted_at timestamp with time zone not null",
        "updated_at timestamp with time zone not null");
    assertThat(catalog.columns("users")).contains("name character varying(255) not null");
    assertThat(catalog.one("SELECT obj_description('posts'::regclass)")).isNull();
    assertThat(catalog.history()).containsExactly("1", "2");
    assertThat(migrator.status()).extracting(MigrationStatus::version, MigrationStatus::state).containsExactly(
        tuple("1", "UP"), tuple("2", "UP"), tuple("3", "DOWN"), tuple("4", "DOWN"));
    assertThat(output).contains("== Rolling back 4 create tags (V4__create_tags.sql)", "alter table posts",
        "rename column display_name to name on table users");

    assertThat(migrator.migrateTo("3")).extracting(MigrationRun::version).containsExactly("3");
    assertThat(catalog.history()).containsExactly("1", "2", "3");

    assertThat(migrator.rollbackTo("2")).extracting(MigrationRun::version).containsExactly("3", "2");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history", "users");

    assertThat(migrator.migrate()).extracting(MigrationRun::version).containsExactly("2", "3", "4");
    assertThat(catalog.history()).containsExactly("1", "2", "3", "4");

    assertThat(migrator.rollbackAll()).extracting(MigrationRun::version).containsExactly("4", "3", "2", "1");
    assertThat(catalog.tables()).containsExactly("flyway_schema_history");
    assertThat(migrator.migrate()).hasSize(4);
  }

  @Test
  void statusPrintsEctosTable(TestDatabase db) {
    Migrator migrator = migrator(db);
    migrator.rollbackAll();
    migrator.migrateTo("1");
    output.clear();
    migrator.printStatus();
    assertThat(String.join("\n", output)).contains("  Status    Migration ID    Migration Name",
        "  up        1               CreateUsers", "  down      4               create_tags");
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    Object[] converted = values.clone();
    if (converted.length == 2 && converted[1] instanceof String state) {
      converted[1] = MigrationStatus.State.valueOf(state);
    }
    return org.assertj.core.groups.Tuple.tuple(converted);
  }
}
