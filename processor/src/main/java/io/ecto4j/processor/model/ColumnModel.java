package io.ecto4j.processor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One value component of the struct: the primary key, a {@code @Field} (virtual or not), the
 * foreign key of a {@code @BelongsTo}, or a timestamp.
 *
 * @param name the accessor name, e.g. {@code viewCount}
 * @param column the column name, e.g. {@code view_count}
 * @param defaultValue the unparsed {@code @Field(defaultValue = …)}
 * @param foreignKey what a {@link ColumnKind#FOREIGN_KEY} references
 * @param unique whether the DDL gives the column a unique index ({@code @Field(unique = true)})
 * @param options how the repo writes and reads the column ({@code writable}, {@code readAfterWrites}, …)
 */
public record ColumnModel(
    String name,
    String column,
    TypeMapping mapping,
    ColumnKind kind,
    boolean nullable,
    boolean redacted,
    Optional<String> defaultValue,
    Optional<ForeignKeyModel> foreignKey,
    Origin origin,
    boolean unique,
    FieldOptions options) {

  public ColumnModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(foreignKey, "foreignKey");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(options, "options");
  }

  /** A column with the default options. */
  public ColumnModel(String name, String column, TypeMapping mapping, ColumnKind kind, boolean nullable,
      boolean redacted, Optional<String> defaultValue, Optional<ForeignKeyModel> foreignKey, Origin origin,
      boolean unique) {
    this(name, column, mapping, kind, nullable, redacted, defaultValue, foreignKey, origin, unique,
        FieldOptions.DEFAULTS);
  }

  /** A column without unique index: keys, foreign keys, timestamps. */
  public ColumnModel(String name, String column, TypeMapping mapping, ColumnKind kind, boolean nullable,
      boolean redacted, Optional<String> defaultValue, Optional<ForeignKeyModel> foreignKey, Origin origin) {
    this(name, column, mapping, kind, nullable, redacted, defaultValue, foreignKey, origin, false);
  }

  /** This column, redacted if {@code redacted} (a schema-wide {@code redact} reaching keys and timestamps). */
  public ColumnModel withRedacted(boolean redacted) {
    return redacted == this.redacted ? this
        : new ColumnModel(name, column, mapping, kind, nullable, redacted, defaultValue, foreignKey, origin, unique);
  }

  public boolean isPersisted() {
    return kind.isPersisted();
  }
}
