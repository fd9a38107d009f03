package io.ecto4j.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the DSL uses where a migration does not say, Ecto's repo configuration
 * {@code migration_primary_key}, {@code migration_foreign_key}, {@code migration_timestamps} and
 * {@code migration_default_prefix}: the implicit key of {@code table(…)}, the column type and
 * referenced column of {@code references(…)}, the type of {@code t.timestamps()} and the schema of
 * tables, indexes and constraints. Set once for a {@link Migrator}:
 *
 * <pre>{@code
 * Migrator.builder(dataSource)
 *     .defaults(MigrationDefaults.ecto().primaryKey("uuid", "uuid").foreignKey("uuid", "uuid").prefix("app"))
 *     ...
 * }</pre>
 *
 * <p>The migrator binds them while it records a migration's commands, so they are part of what
 * the migration's checksum covers: the same migration under the same defaults always renders the
 * same SQL. Changing the defaults of a project whose migrations are applied changes the checksums
 * of those migrations that rely on them, which Flyway then reports, as it would an edited file.
 *
 * @param primaryKey the implicit key of {@code table(…)}, {@code id bigserial}; empty for none
 * @param foreignKeyType the type of a {@code references(…)} column when set; otherwise the key's
 *     type, a serial one as the integer it is ({@code bigserial} → {@code bigint}), as Ecto derives it
 * @param timestampType the type of {@code t.timestamps()}, {@code timestamptz}
 * @param timestampsNullable whether {@code t.timestamps()} columns may be null; {@code NOT NULL} by default
 * @param foreignKeyColumn the column a {@code references(…)} points at, {@code id} unless set
 * @param prefix the schema of a table, index or constraint the migration gives none, Ecto's
 *     {@code migration_default_prefix}; a migrator's own {@linkplain Migrator.Builder#prefix prefix}
 *     comes first. Empty for the {@code search_path}'s
 */
public record MigrationDefaults(Optional<Column> primaryKey, Optional<String> foreignKeyType, String timestampType,
    boolean timestampsNullable, String foreignKeyColumn, Optional<String> prefix) {
  private static final MigrationDefaults ECTO = new MigrationDefaults(
      Optional.of(new Column("id", ColumnDefinition.of("bigserial").primaryKey())), Optional.empty(), "timestamptz",
      false, "id", Optional.empty());
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  public MigrationDefaults {
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(foreignKeyType, "foreignKeyType");
    Objects.requireNonNull(timestampType, "timestampType");
    Objects.requireNonNull(foreignKeyColumn, "foreignKeyColumn");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** {@code id bigserial} keys, {@code bigint} references, {@code timestamptz NOT NULL} timestamps. */
  public static MigrationDefaults ecto() {
    return ECTO;
  }

  /** The implicit key of {@code table(…)}, Ecto's {@code migration_primary_key: [name: …, type: …]}. */
  public MigrationDefaults primaryKey(String name, String type) {
    return new MigrationDefaults(Optional.of(new Column(name, ColumnDefinition.of(type).primaryKey())), foreignKeyType,
        timestampType, timestampsNullable, foreignKeyColumn, prefix);
  }

  /**
   * The implicit key with options, Ecto's {@code migration_primary_key: [type: …, default: …]}:
   * {@code primaryKey("id", ColumnDefinition.of("uuid").defaultSql("gen_random_uuid()"))}; references
   * then take its type.
   */
  public MigrationDefaults primaryKey(String name, ColumnDefinition definition) {
    return new MigrationDefaults(Optional.of(new Column(name, definition.primaryKey())), foreignKeyType,
        timestampType, timestampsNullable, foreignKeyColumn, prefix);
  }

  /** No implicit key unless a migration asks for one, Ecto's {@code migration_primary_key: false}. */
  public MigrationDefaults withoutPrimaryKey() {
    return new MigrationDefaults(Optional.empty(), foreignKeyType, timestampType, timestampsNullable, foreignKeyColumn,
        prefix);
  }

  /** The type of {@code references(…)} columns, Ecto's {@code migration_foreign_key: [type: …]}. */
  public MigrationDefaults foreignKeyType(String type) {
    return new MigrationDefaults(primaryKey, Optional.of(type), timestampType, timestampsNullable, foreignKeyColumn,
        prefix);
  }

  /** The type of {@code t.timestamps()}, Ecto's {@code migration_timestamps: [type: …]}. */
  public MigrationDefaults timestampType(String type) {
    return new MigrationDefaults(primaryKey, foreignKeyType, type, timestampsNullable, foreignKeyColumn, prefix);
  }

  /** Nullable {@code t.timestamps()} columns, Ecto's {@code migration_timestamps: [null: true]}. */
  public MigrationDefaults nullableTimestamps() {
    return new MigrationDefaults(primaryKey, foreignKeyType, timestampType, true, foreignKeyColumn, prefix);
  }

  /**
   * The column and type of {@code references(…)}, Ecto's
   * {@code migration_foreign_key: [column: …, type: …]}: e.g. {@code foreignKey("uuid", "uuid")}.
   */
  public MigrationDefaults foreignKey(String column, String type) {
    return new MigrationDefaults(primaryKey, Optional.of(type), timestampType, timestampsNullable,
        Objects.requireNonNull(column, "column"), prefix);
  }

  /**
   * The schema of the tables, indexes and constraints a migration gives none, Ecto's
   * {@code migration_default_prefix}; a migrator's own prefix comes first.
   */
  public MigrationDefaults prefix(String schema) {
    return new MigrationDefaults(primaryKey, foreignKeyType, timestampType, timestampsNullable, foreignKeyColumn,
        Optional.of(schema));
  }

  /**
   * The type of a {@code references(…)} column: the one set, or the key's ({@code bigserial} →
   * {@code bigint}), {@code bigint} without a key.
   */
  public String referenceType() {
    String keyType = primaryKey.map(column -> column.definition().type()).orElse("bigint");
    return foreignKeyType.orElseGet(() -> switch (keyType.toLowerCase(java.util.Locale.ROOT)) {
      case "bigserial", "serial8" -> "bigint";
      case "serial", "serial4" -> "integer";
      case "smallserial", "serial2" -> "smallint";
      default -> keyType;
    });
  }

  /**
   * The commands {@code migration} applies when a migrator with these defaults runs it, as
   * {@link Migration#upCommands()} records them: for tools that read migrations (the clinic's lint).
   */
  public List<Command> upCommands(Migration migration) {
    return bind(migration::upCommands);
  }

  /** The defaults bound on this thread while the migrator records a migration; Ecto's otherwise. */
  static MigrationDefaults current() {
    Scope bound = CURRENT.get();
    return bound == null ? ECTO : bound.defaults();
  }

  /** The prefix of the migrator recording a migration on this thread, if it has one. */
  static Optional<String> migratorPrefix() {
    Scope bound = CURRENT.get();
    return bound == null ? Optional.empty() : bound.migratorPrefix();
  }

  /**
   * The schema of a table, index or constraint: the one the migration gave, else the migrator's,
   * else the defaults'. A migration's own that differs from the migrator's is refused, as Ecto
   * refuses it: a migrator run for one schema must not write into another.
   */
  static Optional<String> prefixOf(Optional<String> given, String what) {
    Optional<String> migrator = migratorPrefix();
    if (given.isEmpty()) {
      return migrator.or(() -> current().prefix());
    }
    if (migrator.isPresent() && !migrator.get().equals(given.get())) {
      throw new MigrationException("the prefix `" + given.get() + "` of " + what + " does not match the migrator "
          + "prefix `" + migrator.get() + "`; leave the prefix out to use the migrator's, or run this migration with "
          + "a migrator for " + given.get());
    }
    return given;
  }

  /** Runs {@code recording} with these defaults bound, restoring the outer ones after. */
  <T> T bind(Supplier<T> recording) {
    return bind(Optional.empty(), recording);
  }

  /** Runs {@code recording} with these defaults and a migrator's prefix bound, restoring the outer ones after. */
  <T> T bind(Optional<String> migratorPrefix, Supplier<T> recording) {
    Scope outer = CURRENT.get();
    CURRENT.set(new Scope(this, migratorPrefix));
    try {
      return recording.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** What is bound while a migration is recorded. */
  private record Scope(MigrationDefaults defaults, Optional<String> migratorPrefix) {}
}
