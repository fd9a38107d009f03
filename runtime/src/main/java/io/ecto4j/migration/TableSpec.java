package io.ecto4j.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * A table to create, Ecto's {@code table(:posts, primary_key: false, comment: "...", prefix: "accounts")}:
 * by default it gets the key {@code id bigserial}, as a {@code @Schema} with the default key expects.
 *
 * <pre>{@code
 * createTable(table("tags").primaryKey("id", "uuid"), t -> t.add("name", "text").notNull());
 * createTable(table("posts_tags").withoutPrimaryKey(), t -> { ... });
 * createTable(table("users").prefix("accounts"), t -> t.add("org_id", references("orgs")));  // "accounts"."orgs"
 * }</pre>
 *
 * @param primaryKey the implicit key column; empty for none (columns may still say {@code primaryKey()})
 * @param prefix the table's PostgreSQL schema; empty for the {@code search_path}'s
 */
public record TableSpec(String name, Optional<Column> primaryKey, Optional<String> comment,
    Optional<String> modifiers, Optional<String> options, Optional<String> prefix) {
  public TableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(modifiers, "modifiers");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** A table in the {@code search_path}'s schema. */
  public TableSpec(String name, Optional<Column> primaryKey, Optional<String> comment, Optional<String> modifiers,
      Optional<String> options) {
    this(name, primaryKey, comment, modifiers, options, Optional.empty());
  }

  /** The table {@code name} with the key {@code id bigserial} (or the migrator's {@link MigrationDefaults}). */
  public static TableSpec named(String name) {
    return named(name, MigrationDefaults.current());
  }

  /** The table {@code name} with the implicit key of {@code defaults}. */
  static TableSpec named(String name, MigrationDefaults defaults) {
    return new TableSpec(name, defaults.primaryKey(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Another implicit key, e.g. {@code primaryKey("id", "uuid")}. */
  public TableSpec primaryKey(String column, String type) {
    return new TableSpec(name, Optional.of(new Column(column, ColumnDefinition.of(type).primaryKey())), comment,
        modifiers, options, prefix);
  }

  /**
   * Another implicit key with options, Ecto's {@code primary_key: [type: …, default: …]}:
   * {@code primaryKey("id", column("uuid").defaultSql("gen_random_uuid()"))}, or an identity key,
   * {@code primaryKey("id", column("bigint").generated("BY DEFAULT AS IDENTITY"))}.
   */
  public TableSpec primaryKey(String column, ColumnDefinition definition) {
    return new TableSpec(name, Optional.of(new Column(column, definition.primaryKey())), comment, modifiers, options,
        prefix);
  }

  /** No implicit key (Ecto's {@code primary_key: false}). */
  public TableSpec withoutPrimaryKey() {
    return new TableSpec(name, Optional.empty(), comment, modifiers, options, prefix);
  }

  public TableSpec comment(String text) {
    return new TableSpec(name, primaryKey, Optional.of(text), modifiers, options, prefix);
  }

  /** Words between {@code CREATE} and {@code TABLE}, Ecto's {@code modifiers:}: {@code "UNLOGGED"}, {@code "TEMPORARY"}. */
  public TableSpec modifiers(String sql) {
    return new TableSpec(name, primaryKey, comment, Optional.of(sql), options, prefix);
  }

  /**
   * What follows the column list, Ecto's {@code options:}, as written:
   * {@code "WITH (fillfactor = 70)"}, {@code "PARTITION BY RANGE (inserted_at)"}.
   */
  public TableSpec options(String sql) {
    return new TableSpec(name, primaryKey, comment, modifiers, Optional.of(sql), prefix);
  }

  /**
   * The table lives in the PostgreSQL schema {@code schema}, Ecto's {@code prefix:}. Its references
   * point into the same schema unless they name their own ({@code references("users").prefix(...)}).
   */
  public TableSpec prefix(String schema) {
    return new TableSpec(name, primaryKey, comment, modifiers, options, Optional.of(schema));
  }

  /** This table in the schema the migrator resolves (see {@link MigrationDefaults#prefixOf}). */
  TableSpec scoped() {
    return new TableSpec(name, primaryKey, comment, modifiers, options,
        MigrationDefaults.prefixOf(prefix, "table " + name));
  }

  /** {@code "accounts"."posts"}, or {@code "posts"} without a prefix. */
  String qualifiedName() {
    return Sql.table(prefix, name);
  }

  /** {@code accounts.posts} for the log, or {@code posts}. */
  String displayName() {
    return Sql.shown(prefix, name);
  }
}
