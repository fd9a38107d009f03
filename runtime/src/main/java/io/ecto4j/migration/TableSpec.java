package io.ecto4j.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * A table to create, Ecto's {@code table(:posts, primary_key: false, comment: "...")}: by default
 * it gets the key {@code id bigserial}, as a {@code @Schema} with the default key expects.
 *
 * <pre>{@code
 * createTable(table("tags").primaryKey("id", "uuid"), t -> t.add("name", "text").notNull());
 * createTable(table("posts_tags").withoutPrimaryKey(), t -> { ... });
 * }</pre>
 *
 * @param primaryKey the implicit key column; empty for none (columns may still say {@code primaryKey()})
 */
public record TableSpec(String name, Optional<Column> primaryKey, Optional<String> comment,
    Optional<String> modifiers, Optional<String> options) {
  public TableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(modifiers, "modifiers");
    Objects.requireNonNull(options, "options");
  }

  /** The table {@code name} with the key {@code id bigserial}. */
  public static TableSpec named(String name) {
    return new TableSpec(name, Optional.of(new Column("id", ColumnDefinition.of("bigserial").primaryKey())),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Another implicit key, e.g. {@code primaryKey("id", "uuid")}. */
  public TableSpec primaryKey(String column, String type) {
    return new TableSpec(name, Optional.of(new Column(column, ColumnDefinition.of(type).primaryKey())), comment,
        modifiers, options);
  }

  /** No implicit key (Ecto's {@code primary_key: false}). */
  public TableSpec withoutPrimaryKey() {
    return new TableSpec(name, Optional.empty(), comment, modifiers, options);
  }

  public TableSpec comment(String text) {
    return new TableSpec(name, primaryKey, Optional.of(text), modifiers, options);
  }

  /** Words between {@code CREATE} and {@code TABLE}, Ecto's {@code modifiers:}: {@code "UNLOGGED"}, {@code "TEMPORARY"}. */
  public TableSpec modifiers(String sql) {
    return new TableSpec(name, primaryKey, comment, Optional.of(sql), options);
  }

  /**
   * What follows the column list, Ecto's {@code options:}, as written:
   * {@code "WITH (fillfactor = 70)"}, {@code "PARTITION BY RANGE (inserted_at)"}.
   */
  public TableSpec options(String sql) {
    return new TableSpec(name, primaryKey, comment, modifiers, Optional.of(sql));
  }
}
