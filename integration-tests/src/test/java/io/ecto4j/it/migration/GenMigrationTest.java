package io.ecto4j.it.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.migration.Migration;
import io.ecto4j.migration.Migrator;
import io.ecto4j.migration.generator.MigrationGenerator;
import io.ecto4j.migration.generator.MigrationGenerator.GeneratedMigration;
import io.ecto4j.migration.generator.SchemaDescription;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gen-migration against a database built from the processor's schema.sql and then changed: the
 * generated source is checked, compiled, run and rolled back, and a second diff finds nothing.
 */
@EctoTest
class GenMigrationTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path sources;

  private TestDatabase db;
  private Catalog catalog;
  private final List<String> output = new ArrayList<>();

  @BeforeEach
  void createTheSchemasTables(TestDatabase db) throws Exception {
    this.db = db;
    this.catalog = new Catalog(db.dataSource());
    db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    try (InputStream sql = getClass().getClassLoader().getResourceAsStream("META-INF/ecto4j/schema.sql")) {
      db.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private GeneratedMigration generate(String name) {
    return MigrationGenerator.of(SchemaDescription.load(getClass().getClassLoader())).withClock(CLOCK)
        .generate(db.dataSource(), "gen", name, List.of());
  }

  @Test
  void theProcessorsDdlMatchesTheSchemas() {
    GeneratedMigration migration = generate("nothing");
    assertThat(migration.isEmpty()).isTrue();
    assertThat(migration.className()).isEqualTo("V20260301120000__Nothing");
    assertThat(migration.source()).contains("public final class V20260301120000__Nothing extends Migration",
        "// The schemas and the database agree: nothing to migrate.");
  }

  @Test
  void anAddedField() throws Exception {
    db.execute("ALTER TABLE posts DROP COLUMN view_count");
    GeneratedMigration migration = generate("add_view_count");
    assertThat(body(migration)).isEqualTo("""
        alterTable("posts", t -> {
          t.add("view_count", "integer").notNull().defaultSql("0");
        });""");
    roundTrip(migration, () -> assertThat(catalog.columns("posts")).contains("view_count integer not null"),
        () -> assertThat(catalog.columns("posts")).noneMatch(column -> column.startsWith("view_count")));
  }

  @Test
  void aNewIndex() throws Exception {
    db.execute("DROP INDEX subscribers_email_index");
    GeneratedMigration migration = generate("index_emails");
    assertThat(body(migration)).isEqualTo("createIndex(uniqueIndex(\"subscribers\", \"email\"));");
    roundTrip(migration, () -> assertThat(catalog.indexes("subscribers")).contains("subscribers_email_index"),
        () -> assertThat(catalog.indexes("subscribers")).doesNotContain("subscribers_email_index"));
  }

  @Test
  void aNewTable() throws Exception {
    db.execute("DROP TABLE comments");
    GeneratedMigration migration = generate("create_comments");
    assertThat(body(migration)).startsWith("createTable(\"comments\", t -> {")
        .contains("t.add(\"post_id\", references(\"posts\")", "t.timestamps();",
            "createIndex(index(\"comments\", \"post_id\"));");
    roundTrip(migration, () -> assertThat(catalog.tables()).contains("comments"),
        () -> assertThat(catalog.tables()).doesNotContain("comments"));
  }

  @Test
  void aDroppedField() throws Exception {
    db.execute("ALTER TABLE subscribers ADD COLUMN legacy_code text NOT NULL DEFAULT 'x'");
    GeneratedMigration migration = generate("remove_legacy_code");
    assertThat(body(migration)).isEqualTo("""
        alterTable("subscribers", t -> {
          t.remove("legacy_code", column("text").notNull().defaultSql("'x'::text"));
        });""");
    roundTrip(migration, () -> assertThat(catalog.columns("subscribers")).noneMatch(c -> c.startsWith("legacy_code")),
        () -> assertThat(catalog.columns("subscribers")).contains("legacy_code text not null"));
  }

  @Test
  void aChangedColumnAndTablesInNoSchema() throws Exception {
    db.execute("ALTER TABLE posts ALTER COLUMN title TYPE text, ALTER COLUMN title SET NOT NULL; "
        + "CREATE TABLE legacy (id int); CREATE INDEX posts_lower_title ON posts (lower(title))");
    GeneratedMigration migration = generate("fix_title");
    assertThat(body(migration)).isEqualTo("""
        alterTable("posts", t -> {
          t.modify("title", "varchar(255)").nullable().from(column("text").notNull());
        });""");
    assertThat(migration.notes()).contains(
        "table legacy is in the database but in no schema; left alone (dropTable it if it should go)",
        "index posts_lower_title on posts is in no schema; left alone");
    roundTrip(migration, () -> assertThat(catalog.columns("posts")).contains("title character varying(255)"),
        () -> assertThat(catalog.columns("posts")).contains("title text not null"));
  }

  /** The DSL lines of {@code change()}, unindented. */
  private static String body(GeneratedMigration migration) {
    String source = migration.source();
    String body = source.substring(source.indexOf("protected void change() {\n") + 26, source.lastIndexOf("  }\n}"));
    return body.stripTrailing().lines().map(line -> line.substring(4)).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  /** Compiles and runs the migration, finds nothing left to do, rolls it back and checks each state. */
  private void roundTrip(GeneratedMigration generated, Check applied, Check rolledBack) throws Exception {
    Migration migration = compile(generated);
    Migrator migrator = Migrator.builder(db.dataSource()).migrations(migration).locations().baselineOnMigrate(true)
        .output(output::add).build();
    migrator.migrate();
    applied.check();
    assertThat(generate("again").isEmpty()).as("nothing differs after migrating").isTrue();
    migrator.rollback();
    rolledBack.check();
  }

  private Migration compile(GeneratedMigration generated) throws Exception {
    Path file = sources.resolve("gen").resolve(generated.className() + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, generated.source());
    String runtime = Path.of(Migration.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "--release", "17", "-proc:none", "-cp", runtime, "-d", sources.toString(),
        file.toString());
    assertThat(status).as("the generated migration compiles:\n" + generated.source()).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {sources.toUri().toURL()}, getClass().getClassLoader());
    return (Migration) loader.loadClass("gen." + generated.className()).getConstructor().newInstance();
  }

  @FunctionalInterface
  private interface Check {
    void check() throws Exception;
  }
}
