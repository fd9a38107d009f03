package io.ecto4j.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * The columns of {@code t.timestamps(…)}, Ecto's {@code timestamps(inserted_at: …, updated_at: …,
 * type: …, null: …)}: by default {@code inserted_at} and {@code updated_at}, {@code timestamptz},
 * {@code NOT NULL}, as a {@code @Timestamps} schema expects.
 *
 * <pre>{@code
 * t.timestamps(TimestampColumns.defaults().insertedAt("created_at").withoutUpdatedAt());
 * t.timestamps(TimestampColumns.defaults().insertedAt("inserted_on").updatedAt("updated_on").type("date"));
 * }</pre>
 */
public final class TimestampColumns {
  private final String insertedAt;
  private final Optional<String> updatedAt;
  private final String type;
  private final boolean nullable;

  private TimestampColumns(String insertedAt, Optional<String> updatedAt, String type, boolean nullable) {
    this.insertedAt = Objects.requireNonNull(insertedAt, "insertedAt");
    this.updatedAt = updatedAt;
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
  }

  /**
   * {@code inserted_at} and {@code updated_at}, {@code timestamptz NOT NULL} (or the migrator's
   * {@link MigrationDefaults#timestampType()} and {@link MigrationDefaults#timestampsNullable()}).
   */
  public static TimestampColumns defaults() {
    MigrationDefaults defaults = MigrationDefaults.current();
    return new TimestampColumns("inserted_at", Optional.of("updated_at"), defaults.timestampType(),
        defaults.timestampsNullable());
  }

  /** Another name for the insertion column, Ecto's {@code inserted_at: :created_at}. */
  public TimestampColumns insertedAt(String column) {
    return new TimestampColumns(column, updatedAt, type, nullable);
  }

  /** Another name for the update column. */
  public TimestampColumns updatedAt(String column) {
    return new TimestampColumns(insertedAt, Optional.of(column), type, nullable);
  }

  /** No update column, Ecto's {@code updated_at: false}. */
  public TimestampColumns withoutUpdatedAt() {
    return new TimestampColumns(insertedAt, Optional.empty(), type, nullable);
  }

  /** The columns' type, e.g. {@code timestamp}, {@code date}, {@code timestamp(6)}. */
  public TimestampColumns type(String type) {
    return new TimestampColumns(insertedAt, updatedAt, type, nullable);
  }

  /** Nullable columns, Ecto's {@code null: true}. */
  public TimestampColumns nullable() {
    return new TimestampColumns(insertedAt, updatedAt, type, true);
  }

  void addTo(TableBuilder table) {
    add(table, insertedAt);
    updatedAt.ifPresent(column -> add(table, column));
  }

  private void add(TableBuilder table, String column) {
    ColumnBuilder added = table.add(column, type);
    if (!nullable) {
      added.notNull();
    }
  }
}
