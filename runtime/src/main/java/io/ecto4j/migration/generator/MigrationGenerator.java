package io.ecto4j.migration.generator;

import io.ecto4j.migration.Command;
import io.ecto4j.migration.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code gen-migration}: compares what the schemas describe with a live database and writes the
 * next migration, in the Java DSL with a reversible {@code change()}. The database should be
 * migrated first, or the new migration repeats the pending ones.
 *
 * <pre>{@code
 * GeneratedMigration next = MigrationGenerator.of(SchemaDescription.load(loader))
 *     .generate(dataSource, "db.migration", "add_view_count", existingVersions);
 * Files.writeString(dir.resolve(next.className() + ".java"), next.source());
 * }</pre>
 *
 * <p>It adds tables, columns and indexes the schemas have, removes columns they no longer have,
 * and modifies columns whose type, nullability, default or foreign key changed. Tables and
 * indexes in no schema are left alone and listed in {@link GeneratedMigration#notes()}: they may
 * come from hand-written migrations. Renames look like a removal and an addition: edit the
 * result into {@code renameColumn}/{@code renameTable} to keep the data.
 */
public final class MigrationGenerator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final SchemaDescription schemas;
  private final Clock clock;
  private final String historyTable;

  private MigrationGenerator(SchemaDescription schemas, Clock clock, String historyTable) {
    this.schemas = schemas;
    this.clock = clock;
    this.historyTable = historyTable;
  }

  public static MigrationGenerator of(SchemaDescription schemas) {
    return new MigrationGenerator(Objects.requireNonNull(schemas, "schemas"), Clock.systemUTC(),
        "flyway_schema_history");
  }

  /** The same, taking the version's timestamp from {@code clock}. */
  public MigrationGenerator withClock(Clock clock) {
    return new MigrationGenerator(schemas, Objects.requireNonNull(clock, "clock"), historyTable);
  }

  /** The same, ignoring another history table. */
  public MigrationGenerator withHistoryTable(String historyTable) {
    return new MigrationGenerator(schemas, clock, Objects.requireNonNull(historyTable, "historyTable"));
  }

  /**
   * The next migration: version {@code yyyyMMddHHmmss} (UTC) or, if that is not above every
   * existing version, the one after the highest.
   *
   * @param name e.g. {@code add_view_count} or {@code AddViewCount}; the class is
   *     {@code V<version>__AddViewCount}
   */
  public GeneratedMigration generate(DataSource dataSource, String packageName, String name,
      Collection<String> existingVersions) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("migration name \"" + name + "\" must be letters, digits and underscores, "
          + "starting with a letter, e.g. add_view_count");
    }
    SchemaDiff.Result diff = diff(dataSource);
    String version = nextVersion(existingVersions);
    String className = "V" + version + "__" + className(name);
    return new GeneratedMigration(className, version,
        MigrationSource.write(packageName, className, diff.commands(), diff.notes()), diff.commands(), diff.notes());
  }

  /** The commands bringing the database to the schemas, without writing anything. */
  SchemaDiff.Result diff(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      SchemaDescription actual = DatabaseCatalog.read(connection, historyTable);
      return SchemaDiff.between(schemas, actual, Canonical.of(connection, schemas.tables()));
    } catch (SQLException e) {
      throw new MigrationException("could not read the database's tables: " + e.getMessage(), e);
    }
  }

  String nextVersion(Collection<String> existing) {
    String now = TIMESTAMP.format(clock.instant());
    MigrationVersion candidate = MigrationVersion.fromVersion(now);
    MigrationVersion highest = existing.stream().map(MigrationVersion::fromVersion)
        .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
    if (highest == MigrationVersion.EMPTY || candidate.isNewerThan(highest)) {
      return now;
    }
    return highest.getMajor().add(java.math.BigInteger.ONE).toString();
  }

  /** {@code add_view_count} → {@code AddViewCount}. */
  static String className(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("_+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** A generated migration: its class, version and source, and what it does. */
  public record GeneratedMigration(String className, String version, String source, List<Command> commands,
      List<String> notes) {
    public GeneratedMigration {
      commands = List.copyOf(commands);
      notes = List.copyOf(notes);
    }

    /** Whether the schemas and the database agree, so that the source is an empty template. */
    public boolean isEmpty() {
      return commands.isEmpty();
    }
  }
}
