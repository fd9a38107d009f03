package io.ecto4j.migration;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the DSL uses where a migration does not say, Ecto's repo configuration
 * {@code migration_primary_key}, {@code migration_foreign_key} and {@code migration_timestamps}:
 * the implicit key of {@code table(…)}, the column type of {@code references(…)} and the type of
 * {@code t.timestamps()}. Set once for a {@link Migrator}:
 *
 * <pre>{@code
 * Migrator.builder(dataSource)
 *     .defaults(MigrationDefaults.ecto().primaryKey("id", "uuid").foreignKeyType("uuid").timestampType("timestamp"))
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
 */
public record MigrationDefaults(Optional<Column> primaryKey, Optional<String> foreignKeyType, String timestampType,
    boolean timestampsNullable) {
  private static final MigrationDefaults ECTO = new MigrationDefaults(
      Optional.of(new Column("id", ColumnDefinition.of("bigserial").primaryKey())), Optional.empty(), "timestamptz",
      false);
  private static final ThreadLocal<MigrationDefaults> CURRENT = new ThreadLocal<>();

  public MigrationDefaults {
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(foreignKeyType, "foreignKeyType");
    Objects.requireNonNull(timestampType, "timestampType");
  }

  /** {@code id bigserial} keys, {@code bigint} references, {@code timestamptz NOT NULL} timestamps. */
  public static MigrationDefaults ecto() {
    return ECTO;
  }

  /** The implicit key of {@code table(…)}, Ecto's {@code migration_primary_key: [name: …, type: …]}. */
  public MigrationDefaults primaryKey(String name, String type) {
    return new MigrationDefaults(Optional.of(new Column(name, ColumnDefinition.of(type).primaryKey())), foreignKeyType,
        timestampType, timestampsNullable);
  }

  /** No implicit key unless a migration asks for one, Ecto's {@code migration_primary_key: false}. */
  public MigrationDefaults withoutPrimaryKey() {
    return new MigrationDefaults(Optional.empty(), foreignKeyType, timestampType, timestampsNullable);
  }

  /** The type of {@code references(…)} columns, Ecto's {@code migration_foreign_key: [type: …]}. */
  public MigrationDefaults foreignKeyType(String type) {
    return new MigrationDefaults(primaryKey, Optional.of(type), timestampType, timestampsNullable);
  }

  /** The type of {@code t.timestamps()}, Ecto's {@code migration_timestamps: [type: …]}. */
  public MigrationDefaults timestampType(String type) {
    return new MigrationDefaults(primaryKey, foreignKeyType, type, timestampsNullable);
  }

  /** Nullable {@code t.timestamps()} columns, Ecto's {@code migration_timestamps: [null: true]}. */
  public MigrationDefaults nullableTimestamps() {
    return new MigrationDefaults(primaryKey, foreignKeyType, timestampType, true);
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

  /** The defaults bound on this thread while the migrator records a migration; Ecto's otherwise. */
  static MigrationDefaults current() {
    MigrationDefaults bound = CURRENT.get();
    return bound == null ? ECTO : bound;
  }

  /** Runs {@code recording} with these defaults bound, restoring the outer ones after. */
  <T> T bind(Supplier<T> recording) {
    MigrationDefaults outer = CURRENT.get();
    CURRENT.set(this);
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
}
