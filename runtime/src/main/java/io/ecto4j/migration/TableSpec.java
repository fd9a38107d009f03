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
public record TableSpec(String name, Optional<Column> primaryKey, Optional<String> comment) {
  public TableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(comment, "comment");
  }

  /** The table {@code name} with the key {@code id bigserial}. */
  public static TableSpec named(String name) {
    return new TableSpec(name, Optional.of(new Column("id", ColumnDefinition.of("bigserial").primaryKey())),
        Optional.empty());
  }

  /** Another implicit key, e.g. {@code primaryKey("id", "uuid")}. */
  public TableSpec primaryKey(String column, String type) {
    return new TableSpec(name, Optional.of(new Column(column, ColumnDefinition.of(type).primaryKey())), comment);
  }

  /** No implicit key (Ecto's {@code primary_key: false}). */
  public TableSpec withoutPrimaryKey() {
    return new TableSpec(name, Optional.empty(), comment);
  }

  public TableSpec comment(String text) {
    return new TableSpec(name, primaryKey, Optional.of(text));
  }
}
