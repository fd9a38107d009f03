package io.ecto4j.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code test/ecto/migration_test.exs} "prefix" cases: where a table, index or
 * constraint goes when the migration names a prefix, the migrator runs with one ({@code @tag
 * prefix:}, the "manager"), or the repo configures {@code migration_default_prefix}
 * ({@link MigrationDefaults#prefix(String)}); and the migration's view of its run ({@code prefix()},
 * {@code direction()}).
 */
class MigratorPrefixDdlTest {
  private static final MigrationDefaults ECTO = MigrationDefaults.ecto();
  private static final MigrationDefaults BAZ = MigrationDefaults.ecto().prefix("baz");

  private static List<String> sql(List<Command> commands) {
    return commands.stream().flatMap(command -> command.sql().stream()).toList();
  }

  /** The statements of {@code migration} recorded by a migrator with {@code prefix} under {@code defaults}. */
  private static List<String> up(MigrationDefaults defaults, Optional<String> prefix, Migration migration) {
    return defaults.bind(prefix, () -> sql(migration.upCommands()));
  }

  private static <T> T under(Optional<String> prefix, Supplier<T> recording) {
    return ECTO.bind(prefix, recording);
  }

  static final class V1__Posts extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> t.add("author_id", references("users")));
    }
  }

  static final class V2__FooPosts extends Migration {
    @Override
    protected void change() {
      createTable(table("posts").prefix("foo"), t -> t.add("title", "text"));
    }
  }

  /**
   * Ports migration_test.exs "creates a table with prefix from manager", "creates a table with
   * prefix from manager overriding the default prefix configuration", "creates a table with prefix
   * from migration overriding the default prefix configuration", "create a table with prefix from
   * configuration", and "creates a table with prefix from manager matching atom prefix" / "…
   * matching string prefix" (ecto4j prefixes are strings, so the two are one case). A reference in
   * the table points into the same schema.
   */
  @Test
  void aTableGoesToTheMigrationsPrefixElseTheMigratorsElseTheConfigured() {
    assertThat(up(ECTO, Optional.of("foo"), new V1__Posts())).containsExactly(
        "CREATE TABLE \"foo\".\"posts\" (\n  \"id\" bigserial,\n"
            + "  \"author_id\" bigint CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"foo\".\"users\" (\"id\"),\n"
            + "  PRIMARY KEY (\"id\")\n)");
    assertThat(up(BAZ, Optional.of("foo"), new V1__Posts()).get(0)).startsWith("CREATE TABLE \"foo\".\"posts\"");
    assertThat(up(BAZ, Optional.empty(), new V2__FooPosts()).get(0)).startsWith("CREATE TABLE \"foo\".\"posts\"");
    assertThat(up(BAZ, Optional.empty(), new V1__Posts()).get(0)).startsWith("CREATE TABLE \"baz\".\"posts\"")
        .contains("REFERENCES \"baz\".\"users\"");
    assertThat(up(ECTO, Optional.of("foo"), new V2__FooPosts()).get(0)).startsWith("CREATE TABLE \"foo\".\"posts\"");
    assertThat(up(ECTO, Optional.empty(), new V1__Posts()).get(0)).startsWith("CREATE TABLE \"posts\"");
  }

  /** Ports migration_test.exs "raise error when prefixes don't match". */
  @Test
  void aPrefixOtherThanTheMigratorsIsRefused() {
    assertThatThrownBy(() -> up(ECTO, Optional.of("bar"), new V2__FooPosts()))
        .isInstanceOf(MigrationException.class)
        .hasMessageStartingWith("the prefix `foo` of table posts does not match the migrator prefix `bar`");
  }

  static final class V3__Drops extends Migration {
    @Override
    protected void change() {
      dropTable("posts");
      dropTableIfExists("comments", DropMode.CASCADE);
      renameColumn("posts", "given_name", "first_name");
      createIndex(index("posts", "title"));
      dropIndex(index("posts", "title"));
      validateConstraint("posts", "title_present");
      dropConstraint("posts", "title_present");
    }
  }

  /**
   * Ports migration_test.exs "drops a table with prefix from manager", "drops a table with prefix
   * from configuration", "rename column on table with index prefixed from manager", "rename column
   * on table with index prefixed from configuration", "creates an index with prefix from manager",
   * "creates an index with prefix from configuration", "drops an index with a prefix from manager"
   * and "drops an index with a prefix from configuration"; a constraint validated or dropped by
   * name goes to the same schema.
   */
  @Test
  void dropsRenamesIndexesAndConstraintsTakeTheMigratorsOrTheConfiguredPrefix() {
    List<String> expected = List.of(
        "DROP TABLE \"%s\".\"posts\"",
        "DROP TABLE IF EXISTS \"%s\".\"comments\" CASCADE",
        "ALTER TABLE \"%s\".\"posts\" RENAME COLUMN \"given_name\" TO \"first_name\"",
        "CREATE INDEX \"posts_title_index\" ON \"%s\".\"posts\" (\"title\")",
        "DROP INDEX \"%s\".\"posts_title_index\"",
        "ALTER TABLE \"%s\".\"posts\" VALIDATE CONSTRAINT \"title_present\"",
        "ALTER TABLE \"%s\".\"posts\" DROP CONSTRAINT \"title_present\"");
    assertThat(up(ECTO, Optional.of("foo"), new V3__Drops()))
        .containsExactlyElementsOf(expected.stream().map(line -> line.formatted("foo")).toList());
    assertThat(up(BAZ, Optional.empty(), new V3__Drops()))
        .containsExactlyElementsOf(expected.stream().map(line -> line.formatted("baz")).toList());
  }

  static final class V4__Reversible extends Migration {
    @Override
    protected void change() {
      createTable("posts", t -> t.add("title", "text"));
      createIndex(index("posts", "title"));
    }
  }

  /** A rollback under a migrator prefix undoes the commands in that schema. */
  @Test
  void aRollbackUnderAMigratorPrefixStaysInIt() {
    assertThat(under(Optional.of("foo"), () -> sql(new V4__Reversible().downCommands()))).containsExactly(
        "DROP INDEX \"foo\".\"posts_title_index\"",
        "DROP TABLE \"foo\".\"posts\"");
  }

  static final class V5__Introspective extends Migration {
    final java.util.List<String> seen = new java.util.ArrayList<>();

    @Override
    protected void change() {
      seen.add(direction() + " " + prefix().orElse("-"));
    }
  }

  /**
   * Ports migration_test.exs "allows direction to be retrieved" and "allows prefix to be
   * retrieved": {@code direction()} is {@code DOWN} while a rollback records {@code change()}, and
   * {@code prefix()} the migrator's.
   */
  @Test
  void aMigrationReadsItsDirectionAndItsMigratorsPrefix() {
    V5__Introspective migration = new V5__Introspective();
    under(Optional.of("foo"), migration::upCommands);
    under(Optional.of("foo"), migration::downCommands);
    migration.upCommands();

    assertThat(migration.seen).containsExactly("UP foo", "DOWN foo", "UP -");
  }

  /** Ecto's {@code migration_foreign_key: [column: …, type: …]}: the column and type of {@code references(…)}. */
  @Test
  void theConfiguredForeignKeyColumnAndType() {
    MigrationDefaults uuid = MigrationDefaults.ecto().foreignKey("uuid", "uuid");
    assertThat(up(uuid, Optional.empty(), new V1__Posts()).get(0))
        .contains("\"author_id\" uuid CONSTRAINT \"posts_author_id_fkey\" REFERENCES \"users\" (\"uuid\")");
  }
}
