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
 * @param keyPart declared part of the primary key ({@code @Field(primaryKey = true)},
 *     {@code @BelongsTo(primaryKey = true)}), Ecto's {@code primary_key: true} on a field
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
    FieldOptions options,
    boolean keyPart) {

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

  /** A column that is not declared part of the key. */
  public ColumnModel(String name, String column, TypeMapping mapping, ColumnKind kind, boolean nullable,
      boolean redacted, Optional<String> defaultValue, Optional<ForeignKeyModel> foreignKey, Origin origin,
      boolean unique, FieldOptions options) {
    this(name, column, mapping, kind, nullable, redacted, defaultValue, foreignKey, origin, unique, options, false);
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
        : new ColumnModel(name, column, mapping, kind, nullable, redacted, defaultValue, foreignKey, origin, unique,
            options, keyPart);
  }

  /** This column, declared part of the primary key if {@code keyPart}: then never null, as PRIMARY KEY makes it. */
  public ColumnModel withKeyPart(boolean keyPart) {
    return keyPart == this.keyPart ? this
        : new ColumnModel(name, column, mapping, kind, nullable && !keyPart, redacted, defaultValue, foreignKey, origin,
            unique, options, keyPart);
  }

  public boolean isPersisted() {
    return kind.isPersisted();
  }
}
