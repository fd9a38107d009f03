package io.ecto4j.migration;

import io.ecto4j.internal.ConstraintNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
 * createIndex(index("users", "email").unique().nullsNotDistinct().prefix("accounts"));
 * createIndex(index("events", "at").only().options("fillfactor = 70"));
 * }</pre>
 */
public record Index(
    String table,
    Optional<String> prefix,
    List<String> columns,
    String name,
    boolean isUnique,
    Optional<String> where,
    Optional<String> using,
    List<String> include,
    boolean concurrent,
    Optional<Boolean> nullsDistinct,
    boolean onParentOnly,
    Optional<String> options,
    Optional<String> comment) {

  public Index {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(prefix, "prefix");
    columns = List.copyOf(columns);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(using, "using");
    include = List.copyOf(include);
    Objects.requireNonNull(nullsDistinct, "nullsDistinct");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(comment, "comment");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index on " + table + " names no column");
    }
  }

  /** An index on {@code columns} of {@code table}, named {@code <table>_<columns>_index}. */
  public static Index on(String table, List<String> columns) {
    return new Index(table, Optional.empty(), columns, defaultName(table, columns), false, Optional.empty(),
        Optional.empty(), List.of(), false, Optional.empty(), false, Optional.empty(), Optional.empty());
  }

  /** Ecto's default name: {@code posts}, {@code [author_id]} → {@code posts_author_id_index}. */
  public static String defaultName(String table, List<String> columns) {
    return ConstraintNames.index(table, columns);
  }

  public Index name(String name) {
    return with(d -> d.name = name);
  }

  /** The table (and so the index) lives in the PostgreSQL schema {@code prefix}, Ecto's {@code prefix:}. */
  public Index prefix(String prefix) {
    return with(d -> d.prefix = Optional.of(prefix));
  }

  public Index unique() {
    return with(d -> d.isUnique = true);
  }

  /**
   * A partial index: {@code WHERE condition}. Given twice it is refused, as Ecto refuses two
   * {@code where:} options, rather than one silently replacing the other.
   */
  public Index where(String condition) {
    where.ifPresent(earlier -> {
      throw new IllegalArgumentException("index " + name + " already has the condition `" + earlier + "`; give one "
          + "where(...), joining the conditions with AND");
    });
    return with(d -> d.where = Optional.of(condition));
  }

  /** The index method, e.g. {@code gin}, {@code gist}, {@code hash}. */
  public Index using(String method) {
    return with(d -> d.using = Optional.of(method));
  }

  /** Non-key columns stored in the index ({@code INCLUDE}). */
  public Index include(String... columns) {
    return with(d -> d.include = List.of(columns));
  }

  /**
   * Built without locking writes ({@code CONCURRENTLY}); PostgreSQL refuses this inside a
   * transaction, so the migration must override {@link Migration#disableDdlTransaction()}.
   */
  public Index concurrently() {
    return with(d -> d.concurrent = true);
  }

  /**
   * {@code NULLS NOT DISTINCT} (PostgreSQL 15+), Ecto's {@code nulls_distinct: false}: a unique
   * index then treats nulls as equal, so two rows with a null {@code email} conflict.
   */
  public Index nullsNotDistinct() {
    return with(d -> d.nullsDistinct = Optional.of(false));
  }

  /** {@code NULLS [NOT] DISTINCT} written out, Ecto's {@code nulls_distinct:} ({@code true} is PostgreSQL's default). */
  public Index nullsDistinct(boolean distinct) {
    return with(d -> d.nullsDistinct = Optional.of(distinct));
  }

  /**
   * {@code ON ONLY}, Ecto's {@code only: true}: on a partitioned table, the index is created on
   * the parent alone (invalid until each partition's index is attached), so that partitions can be
   * indexed concurrently one by one.
   */
  public Index only() {
    return with(d -> d.onParentOnly = true);
  }

  /** Storage parameters, {@code WITH (options)}, Ecto's {@code options:}: e.g. {@code "fillfactor = 70"}. */
  public Index options(String storageParameters) {
    return with(d -> d.options = Optional.of(storageParameters));
  }

  /** This index in the schema the migrator resolves (see {@link MigrationDefaults#prefixOf}). */
  Index scoped() {
    Optional<String> schema = MigrationDefaults.prefixOf(prefix, "index " + name);
    return with(d -> d.prefix = schema);
  }

  /** {@code COMMENT ON INDEX} once it is created, Ecto's {@code comment:}. */
  public Index comment(String text) {
    return with(d -> d.comment = Optional.of(text));
  }

  /** The index's name as a statement names it: {@code "accounts"."users_email_index"} with a prefix. */
  String qualifiedName() {
    return Sql.table(prefix, name);
  }

  String createSql(boolean ifNotExists) {
    StringBuilder sql = new StringBuilder("CREATE ").append(isUnique ? "UNIQUE INDEX " : "INDEX ");
    sql.append(concurrent ? "CONCURRENTLY " : "").append(ifNotExists ? "IF NOT EXISTS " : "");
    sql.append(Sql.quote(name)).append(" ON ").append(onParentOnly ? "ONLY " : "");
    sql.append(Sql.table(prefix, table));
    using.ifPresent(method -> sql.append(" USING ").append(method));
    sql.append(" (").append(columns.stream().map(Sql::indexColumn).collect(Collectors.joining(", "))).append(')');
    if (!include.isEmpty()) {
      sql.append(" INCLUDE (").append(Sql.quoteAll(include)).append(')');
    }
    nullsDistinct.ifPresent(distinct -> sql.append(distinct ? " NULLS DISTINCT" : " NULLS NOT DISTINCT"));
    options.ifPresent(parameters -> sql.append(" WITH (").append(parameters).append(')'));
    where.ifPresent(condition -> sql.append(" WHERE ").append(condition));
    return sql.toString();
  }

  private Index with(Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return draft.build();
  }

  /** The one place that lists every component, so that a new option touches it alone. */
  private static final class Draft {
    String table;
    Optional<String> prefix;
    List<String> columns;
    String name;
    boolean isUnique;
    Optional<String> where;
    Optional<String> using;
    List<String> include;
    boolean concurrent;
    Optional<Boolean> nullsDistinct;
    boolean onParentOnly;
    Optional<String> options;
    Optional<String> comment;

    Draft(Index i) {
      table = i.table;
      prefix = i.prefix;
      columns = i.columns;
      name = i.name;
      isUnique = i.isUnique;
      where = i.where;
      using = i.using;
      include = i.include;
      concurrent = i.concurrent;
      nullsDistinct = i.nullsDistinct;
      onParentOnly = i.onParentOnly;
      options = i.options;
      comment = i.comment;
    }

    Index build() {
      return new Index(table, prefix, columns, name, isUnique, where, using, include, concurrent, nullsDistinct,
          onParentOnly, options, comment);
    }
  }
}
