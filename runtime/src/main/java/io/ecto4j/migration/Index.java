package io.ecto4j.migration;

import io.ecto4j.internal.ConstraintNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An index, Ecto's {@code index(:posts, [:author_id], unique: true, where: "...")}. Its default
 * name is Ecto's, {@code <table>_<columns>_index}, which is also the name
 * {@code unique_constraint} expects. A column that is not a plain name ({@code lower(email)},
 * {@code title DESC}) is written as it is.
 *
 * <pre>{@code
 * createIndex(index("posts", "author_id", "inserted_at"));
 * createIndex(index("users", "lower(email)").unique().name("users_email_index"));
 * createIndex(index("posts", "title").where("published").using("btree").include("id").concurrently());
 * }</pre>
 */
public record Index(
    String table,
    List<String> columns,
    String name,
    boolean isUnique,
    Optional<String> where,
    Optional<String> using,
    List<String> include,
    boolean concurrent) {

  public Index {
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(using, "using");
    include = List.copyOf(include);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index on " + table + " names no column");
    }
  }

  /** An index on {@code columns} of {@code table}, named {@code <table>_<columns>_index}. */
  public static Index on(String table, List<String> columns) {
    return new Index(table, columns, defaultName(table, columns), false, Optional.empty(), Optional.empty(),
        List.of(), false);
  }

  /** Ecto's default name: {@code posts}, {@code [author_id]} → {@code posts_author_id_index}. */
  public static String defaultName(String table, List<String> columns) {
    return ConstraintNames.index(table, columns);
  }

  public Index name(String name) {
    return new Index(table, columns, name, isUnique, where, using, include, concurrent);
  }

  public Index unique() {
    return new Index(table, columns, name, true, where, using, include, concurrent);
  }

  /** A partial index: {@code WHERE condition}. */
  public Index where(String condition) {
    return new Index(table, columns, name, isUnique, Optional.of(condition), using, include, concurrent);
  }

  /** The index method, e.g. {@code gin}, {@code gist}, {@code hash}. */
  public Index using(String method) {
    return new Index(table, columns, name, isUnique, where, Optional.of(method), include, concurrent);
  }

  /** Non-key columns stored in the index ({@code INCLUDE}). */
  public Index include(String... columns) {
    return new Index(table, this.columns, name, isUnique, where, using, List.of(columns), concurrent);
  }

  /**
   * Built without locking writes ({@code CONCURRENTLY}); PostgreSQL refuses this inside a
   * transaction, so the migration must override {@link Migration#disableDdlTransaction()}.
   */
  public Index concurrently() {
    return new Index(table, columns, name, isUnique, where, using, include, true);
  }

  String createSql(boolean ifNotExists) {
    StringBuilder sql = new StringBuilder("CREATE ").append(isUnique ? "UNIQUE INDEX " : "INDEX ");
    sql.append(concurrent ? "CONCURRENTLY " : "").append(ifNotExists ? "IF NOT EXISTS " : "");
    sql.append(Sql.quote(name)).append(" ON ").append(Sql.quote(table));
    using.ifPresent(method -> sql.append(" USING ").append(method));
    sql.append(" (").append(columns.stream().map(Sql::indexColumn).collect(Collectors.joining(", "))).append(')');
    if (!include.isEmpty()) {
      sql.append(" INCLUDE (").append(Sql.quoteAll(include)).append(')');
    }
    where.ifPresent(condition -> sql.append(" WHERE ").append(condition));
    return sql.toString();
  }
}
