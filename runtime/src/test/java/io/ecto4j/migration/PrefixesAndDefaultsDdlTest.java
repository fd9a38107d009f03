package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code test/ecto/migration_test.exs} and the DDL cases of
 * {@code test/ecto/adapters/postgres_test.exs} for drop modes, table prefixes, the wording of an
 * irreversible command and the repo-wide defaults of keys, references and timestamps.
 */
class PrefixesAndDefaultsDdlTest {
  private static List<String> sql(List<Command> commands) {
    return commands.stream().flatMap(command -> command.sql().stream()).toList();
  }

  private static List<String> up(Migration migration) {
    return sql(migration.upCommands());
  }

  static final class V1__DropModes extends Migration {
    @Override
    protected void change() {
      dropTable("posts", DropMode.CASCADE);
      dropTable(table("posts").prefix("foo"), DropMode.CASCADE);
      dropTable(table("posts").prefix("foo"));
      dropTableIfExists(table("posts").prefix("foo"));
      dropConstraint(check("products", "price_must_be_positive", "price > 0"));
      dropConstraint(check("products", "price_must_be_positive", "price > 0"), DropMode.CASCADE);
      dropConstraint(check("products", "price_must_be_positive", "price > 0").prefix("foo"));
      dropConstraintIfExists(check("products", "price_must_be_positive", "price > 0"));
      dropConstraintIfExists("products", "price_must_be_positive");
      dropConstraintIfExists(check("products", "price_must_be_positive", "price > 0").prefix("foo"));
    }
  }

  /**
   * Ports postgres_test.exs "drop table with cascade", "drop table with prefix", "drop constraint"
   * and "drop_if_exists constraint"; migration_test.exs "drops a table with cascade", "drops a
   * constraint" and "drops a constraint if constraint exists".
   */
  @Test
  void dropTableAndConstraintWithCascadeAndPrefix() {
    assertThat(up(new V1__DropModes())).containsExactly(
        "DROP TABLE \"posts\" CASCADE",
        "DROP TABLE \"foo\".\"posts\" CASCADE",
        "DROP TABLE \"foo\".\"posts\"",
        "DROP TABLE IF EXISTS \"foo\".\"posts\"",
        "ALTER TABLE \"products\" DROP CONSTRAINT \"price_must_be_positive\"",
        "ALTER TABLE \"products\" DROP CONSTRAINT \"price_must_be_positive\" CASCADE",
        "ALTER TABLE \"foo\".\"products\" DROP CONSTRAINT \"price_must_be_positive\"",
        "ALTER TABLE \"products\" DROP CONSTRAINT IF EXISTS \"price_must_be_positive\"",
        "ALTER TABLE \"products\" DROP CONSTRAINT IF EXISTS \"price_must_be_positive\"",
        "ALTER TABLE \"foo\".\"products\" DROP CONSTRAINT IF EXISTS \"price_must_be_positive\"");
    assertThat(new V1__DropModes().upCommands().get(1).describe()).isEqualTo("drop table foo.posts cascade");
  }

  static final class V2__Prefixed extends Migration {
    @Override
    protected void change() {
      createTable(table("posts").prefix("foo").comment("all posts"), t -> {
        t.add("category_0", references("categories"));
        t.add("author_id", references("users").prefix("accounts"));
        t.add("title", "text").comment("the title");
      });
      alterTable(table("posts").prefix("foo"), t -> {
        t.add("editor_id", references("author"));
        t.modify("permalink_id", references("permalinks")).notNull();
      });
      renameTable(table("posts").prefix("foo"), "new_posts");
      renameColumn(table("new_posts").prefix("foo"), "given_name", "first_name");
      commentOnTable(table("new_posts").prefix("foo"), "renamed", "");
      commentOnColumn(table("new_posts").prefix("foo"), "first_name", "the first name", "");
      createConstraint(check("products", "price_must_be_positive", "price > 0").prefix("foo").comment("positive"));
      createConstraint(exclude("bookings", "no_overlap", "gist (room WITH =)").prefix("foo"));
    }
  }

  /**
   * Ports postgres_test.exs "create table with prefix" (a reference inherits the table's prefix),
   * "alter table with prefix", "rename table with prefix", "rename column in prefixed table",
   * "create check constraint" (with prefix) and "create constraint with comment".
   */
  @Test
  void prefixesOnTablesColumnsCommentsAndConstraints() {
    assertThat(up(new V2__Prefixed())).containsExactly(
        "CREATE TABLE \"foo\".\"posts\" (\n  \"id\" bigserial,\n"
            + "  \"category_0\" bigint CONSTRAINT \"posts_category_0_fkey\" REFERENCES \"foo\".\"categories\" (\"id\"),\n"
            + "  \"author_id\" bigint CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"accounts\".\"users\" (\"id\"),\n"
            + "  \"title\" text,\n  PRIMARY KEY (\"id\")\n)",
        "COMMENT ON TABLE \"foo\".\"posts\" IS 'all posts'",
        "COMMENT ON COLUMN \"foo\".\"posts\".\"title\" IS 'the title'",
        "ALTER TABLE \"foo\".\"posts\"\n"
            + "  ADD COLUMN \"editor_id\" bigint CONSTRAINT \"posts_editor_id_fkey\" REFERENCES \"foo\".\"author\" (\"id\"),\n"
            + "  ALTER COLUMN \"permalink_id\" TYPE bigint,\n"
            + "  ALTER COLUMN \"permalink_id\" SET NOT NULL,\n"
            + "  ADD CONSTRAINT \"posts_permalink_id_fkey\" FOREIGN KEY (\"permalink_id\") REFERENCES \"foo\".\"permalinks\" (\"id\")",
        "ALTER TABLE \"foo\".\"posts\" RENAME TO \"new_posts\"",
        "ALTER TABLE \"foo\".\"new_posts\" RENAME COLUMN \"given_name\" TO \"first_name\"",
        "COMMENT ON TABLE \"foo\".\"new_posts\" IS 'renamed'",
        "COMMENT ON COLUMN \"foo\".\"new_posts\".\"first_name\" IS 'the first name'",
        "ALTER TABLE \"foo\".\"products\" ADD CONSTRAINT \"price_must_be_positive\" CHECK (price > 0)",
        "COMMENT ON CONSTRAINT \"price_must_be_positive\" ON \"foo\".\"products\" IS 'positive'",
        "ALTER TABLE \"foo\".\"bookings\" ADD CONSTRAINT \"no_overlap\" EXCLUDE USING gist (room WITH =)");
  }

  static final class V3__PrefixedReversible extends Migration {
    @Override
    protected void change() {
      createTable(table("posts").prefix("foo"), t -> t.add("category_id", references("categories")));
      alterTable(table("posts").prefix("foo"), t -> t.add("title", "text"));
      renameTable(table("posts").prefix("foo"), "articles");
      renameColumn(table("articles").prefix("foo"), "title", "name");
      createConstraint(check("articles", "named", "name <> ''").prefix("foo"));
      commentOnTable(table("articles").prefix("foo"), "new", "old");
    }
  }

  /** Ports migration_test.exs "rename column on table with index prefixed from migration" (reversed): rollback keeps each prefix. */
  @Test
  void aRollbackKeepsThePrefixes() {
    assertThat(sql(new V3__PrefixedReversible().downCommands())).containsExactly(
        "COMMENT ON TABLE \"foo\".\"articles\" IS 'old'",
        "ALTER TABLE \"foo\".\"articles\" DROP CONSTRAINT \"named\"",
        "ALTER TABLE \"foo\".\"articles\" RENAME COLUMN \"name\" TO \"title\"",
        "ALTER TABLE \"foo\".\"articles\" RENAME TO \"posts\"",
        "ALTER TABLE \"foo\".\"posts\"\n  DROP COLUMN \"title\"",
        "DROP TABLE \"foo\".\"posts\"");
  }

  static final class V4__DropCascade extends Migration {
    @Override
    protected void change() {
      dropTable("posts", DropMode.CASCADE);
    }
  }

  /**
   * Ports migration_test.exs "forward/backward: fails when command is irreversible" with the
   * wording of ecto_sql's runner ("cannot reverse migration command: …"), Java names, then
   * ecto4j's hint.
   */
  @Test
  void anIrreversibleCommandUsesEctosWording() {
    assertThatThrownBy(() -> new V4__DropCascade().downCommands())
        .isInstanceOf(IrreversibleMigrationException.class)
        .hasMessage("cannot reverse migration command: drop table posts cascade. You will need to explicitly define "
            + "up() and down() in your migration 4 (drop cascade); or, to keep change(): give the columns, "
            + "dropTable(\"posts\", t -> t.add(...)), so that the table can be created again, or write up() and "
            + "down()");
  }

  static final class V5__Defaults extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> {
        t.add("author_id", references("users"));
        t.add("editor_id", references("users").type("integer"));
        t.timestamps();
      });
      createTable(table("tags").primaryKey("code", "text"), t -> t.timestamps(TimestampColumns.defaults()
          .withoutUpdatedAt()));
    }
  }

  /**
   * Ports migration_test.exs "create a reference with using the foreign key repo config", "creates
   * a reference with a foreign key type default to the primary key type" and the
   * {@code migration_primary_key}/{@code migration_timestamps} cases of "create a table with …":
   * what the migrator's defaults set, and what a migration says overriding them.
   */
  @Test
  void migratorDefaultsFillWhatTheMigrationDoesNotSay() {
    MigrationDefaults uuid = MigrationDefaults.ecto().primaryKey("uuid", "uuid").timestampType("timestamp");
    assertThat(uuid.bind(() -> up(new V5__Defaults()))).containsExactly(
        "CREATE TABLE \"posts\" (\n  \"uuid\" uuid,\n"
            + "  \"author_id\" uuid CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"users\" (\"id\"),\n"
            + "  \"editor_id\" integer CONSTRAINT \"posts_editor_id_fkey\" REFERENCES \"users\" (\"id\"),\n"
            + "  \"inserted_at\" timestamp NOT NULL,\n  \"updated_at\" timestamp NOT NULL,\n  PRIMARY KEY (\"uuid\")\n)",
        "CREATE TABLE \"tags\" (\n  \"code\" text,\n  \"inserted_at\" timestamp NOT NULL,\n  PRIMARY KEY (\"code\")\n)");
    assertThat(MigrationDefaults.ecto().primaryKey("id", "serial").referenceType()).isEqualTo("integer");
    assertThat(MigrationDefaults.ecto().withoutPrimaryKey().referenceType()).isEqualTo("bigint");
    assertThat(MigrationDefaults.ecto().foreignKeyType("text").primaryKey("id", "uuid").referenceType())
        .isEqualTo("text");
  }

  static final class V6__NoKeyByDefault extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> t.timestamps());
      createTable(table("tags").primaryKey("id", "bigserial"), t -> t.add("name", "text"));
    }
  }

  /**
   * Ports migration_test.exs "create a table block without a primary key by default via repo config"
   * ({@code migration_primary_key: false}) and "create a table with timestamps" under
   * {@code migration_timestamps: [type: :utc_datetime, null: true]}.
   */
  @Test
  void noKeyAndNullableTimestampsByDefault() {
    MigrationDefaults defaults = MigrationDefaults.ecto().withoutPrimaryKey().nullableTimestamps();
    assertThat(defaults.bind(() -> up(new V6__NoKeyByDefault()))).containsExactly(
        "CREATE TABLE \"posts\" (\n  \"inserted_at\" timestamptz,\n  \"updated_at\" timestamptz\n)",
        "CREATE TABLE \"tags\" (\n  \"id\" bigserial,\n  \"name\" text,\n  PRIMARY KEY (\"id\")\n)");
  }

  /** Regression test for issue #19: without defaults bound, a migration renders as before, so its checksum stays. */
  @Test
  void withoutDefaultsTheSqlIsEctosDefaults() {
    assertThat(up(new V5__Defaults()).get(0)).isEqualTo(
        "CREATE TABLE \"posts\" (\n  \"id\" bigserial,\n"
            + "  \"author_id\" bigint CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"users\" (\"id\"),\n"
            + "  \"editor_id\" integer CONSTRAINT \"posts_editor_id_fkey\" REFERENCES \"users\" (\"id\"),\n"
            + "  \"inserted_at\" timestamptz NOT NULL,\n  \"updated_at\" timestamptz NOT NULL,\n  PRIMARY KEY (\"id\")\n)");
    MigrationDefaults.ecto().timestampType("date").bind(() -> up(new V5__Defaults()));
    assertThat(up(new V5__Defaults()).get(0)).contains("\"inserted_at\" timestamptz NOT NULL");
  }
}
