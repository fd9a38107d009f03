package io.ecto4j.repo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.type.CastResult;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The gateway to the database, Ecto's {@code Repo}: every read and write goes through it, on a
 * pooled connection borrowed for that statement alone.
 *
 * <pre>{@code
 * try (Repo repo = Repo.connect("jdbc:postgresql://localhost/blog?user=postgres")) {
 *   PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("Hello World"));
 *   repo.getOrThrow(Posts.SCHEMA, post.id());
 *   repo.getBy(Posts.TITLE, "Hello World");
 *   repo.aggregate(Posts.query(), Aggregate.count());
 * }
 * }</pre>
 *
 * <p>Reads return {@link Optional} or throw ({@code …OrThrow}); writes return a {@link Result} whose
 * error is the changeset, or throw with the {@code …OrThrow} forms. Nothing is cached and nothing is
 * loaded lazily: one call, the statements it says.
 */
public final class Repo implements AutoCloseable {
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final Executor executor;
  private final ChangesetWriter writer;
  private final Clock clock;

  private Repo(Executor executor, HikariDataSource ownedPool, Clock clock) {
    this.dataSource = executor.dataSource();
    this.ownedPool = ownedPool;
    this.executor = executor;
    this.writer = new ChangesetWriter(executor, clock);
    this.clock = clock;
  }

  /** A repo over a data source the caller owns and closes; {@link #close()} leaves it open. */
  public static Repo of(DataSource dataSource) {
    return new Repo(new Executor(Objects.requireNonNull(dataSource, "dataSource")), null, Clock.systemUTC());
  }

  /** A repo owning a HikariCP pool on {@code jdbcUrl}; close the repo to close the pool. */
  public static Repo connect(String jdbcUrl) {
    return builder().url(jdbcUrl).build();
  }

  /** Options for a repo that owns its pool. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * This repo on the same connections, taking timestamps from {@code clock}; for tests that need
   * known times.
   */
  public Repo withClock(Clock clock) {
    return new Repo(executor, null, Objects.requireNonNull(clock, "clock"));
  }

  /** The data source statements run on. */
  public DataSource dataSource() {
    return dataSource;
  }

  // ---------------------------------------------------------------- reads

  /** Every row of the query, Ecto's {@code Repo.all/1}. */
  public <T> List<T> all(Query<T> query) {
    return executor.query(query.toSql(), query.reader());
  }

  /** Every row of {@code table}, as {@code Repo.all(Post)}. */
  public <S> List<S> all(Table<S> table) {
    return all(Query.from(table));
  }

  /** The single row of the query, if any; two or more rows throw {@link MultipleResultsException}. */
  public <T> Optional<T> one(Query<T> query) {
    List<T> rows = all(query);
    if (rows.size() > 1) {
      throw new MultipleResultsException(
          "expected at most one result but got " + rows.size() + " in query:\n\n" + query, rows.size());
    }
    return rows.stream().findFirst();
  }

  /** The single row of the query; none throws {@link NoResultsException}, like {@code Repo.one!/1}. */
  public <T> T oneOrThrow(Query<T> query) {
    return one(query).orElseThrow(() -> new NoResultsException(
        "expected at least one result but got none in query:\n\n" + query));
  }

  /**
   * The struct whose primary key is {@code id}, Ecto's {@code Repo.get/2}. The id is cast to the
   * key's type, so {@code "42"} finds the post with id 42.
   */
  public <S> Optional<S> get(Table<S> table, Object id) {
    Field<S, ?> key = Keys.primaryKeyOf(table, "get");
    return getByKey(table, key, id);
  }

  /** The struct whose primary key is {@code id}, or {@link NoResultsException}. */
  public <S> S getOrThrow(Table<S> table, Object id) {
    return get(table, id).orElseThrow(() -> new NoResultsException(
        "expected a " + table.schemaName() + " with " + Keys.primaryKeyOf(table, "get").name() + " = " + id
            + " in table \"" + table.name() + "\" but found none"));
  }

  private <S, K> Optional<S> getByKey(Table<S> table, Field<S, K> key, Object id) {
    K value = castKey(key, id);
    List<S> rows = executor.query(table.getSql(), statement -> key.type().bind(statement, 1, value),
        row -> table.fromRow(row, 0));
    return rows.stream().findFirst();
  }

  private static <S, K> K castKey(Field<S, K> key, Object id) {
    if (id == null) {
      throw new IllegalArgumentException("cannot look up a " + key.table().schemaName() + " by a null " + key.name());
    }
    CastResult<K> cast = key.type().cast(id);
    if (!cast.isOk()) {
      throw new IllegalArgumentException("value `" + id + "` cannot be cast to " + key + " of type "
          + key.type().name());
    }
    return cast.value();
  }

  /** The struct whose {@code field} equals {@code value}, Ecto's {@code Repo.get_by/2}. */
  public <S, V> Optional<S> getBy(Field<S, V> field, V value) {
    return one(Query.from(field.table()).where(field.eq(value)));
  }

  /** Like {@link #getBy(Field, Object)}, or {@link NoResultsException}. */
  public <S, V> S getByOrThrow(Field<S, V> field, V value) {
    return oneOrThrow(Query.from(field.table()).where(field.eq(value)));
  }

  /**
   * The struct matching every condition, e.g. {@code repo.getBy(Posts.SCHEMA,
   * Posts.TITLE.eq("Hello"), Posts.PUBLISHED.eq(true))}; more than one throws.
   */
  public <S> Optional<S> getBy(Table<S> table, Condition condition, Condition... more) {
    return one(whereAll(table, condition, more));
  }

  /** Like {@link #getBy(Table, Condition, Condition...)}, or {@link NoResultsException}. */
  public <S> S getByOrThrow(Table<S> table, Condition condition, Condition... more) {
    return oneOrThrow(whereAll(table, condition, more));
  }

  private static <S> Query<S> whereAll(Table<S> table, Condition condition, Condition... more) {
    Query<S> query = Query.from(table).where(condition);
    for (Condition next : more) {
      query = query.where(next);
    }
    return query;
  }

  /**
   * An aggregate over the query's rows, Ecto's {@code Repo.aggregate/3}:
   * {@code repo.aggregate(Posts.query(), Aggregate.count())}.
   */
  public <R> R aggregate(Query<?> query, Aggregate<R> aggregate) {
    Sql sql = query.toAggregateSql(aggregate);
    return executor.query(sql, row -> aggregate.resultType().read(row, 1)).get(0);
  }

  /** Whether the query matches any row, Ecto's {@code Repo.exists?/1}. */
  public boolean exists(Query<?> query) {
    return !executor.query(query.toExistsSql(), row -> Boolean.TRUE).isEmpty();
  }

  /** The struct as the database has it now, or empty if its row is gone, Ecto's {@code Repo.reload/1}. */
  public <S extends Struct<S>> Optional<S> reload(S struct) {
    Table<S> table = struct.schema();
    return get(table, Keys.keyOf(table, struct, "reload"));
  }

  /** Like {@link #reload}, or {@link NoResultsException} when the row is gone. */
  public <S extends Struct<S>> S reloadOrThrow(S struct) {
    Table<S> table = struct.schema();
    return getOrThrow(table, Keys.keyOf(table, struct, "reload"));
  }

  /** The SQL and parameters {@link #all} would run for {@code query}. */
  public Sql toSql(Query<?> query) {
    return query.toSql();
  }

  // ---------------------------------------------------------------- writes

  /** Inserts a struct as it is, Ecto's {@code Repo.insert/1} of a struct. */
  public <S extends Struct<S>> Result<S, Changeset<S>> insert(S struct) {
    return insert(Changeset.change(struct));
  }

  /**
   * Inserts the changeset's data with its changes applied. Defaults, the generated key and the
   * timestamps come back from the database ({@code RETURNING}). An invalid changeset returns
   * {@code Err} without touching the database; so does a violation of a constraint the changeset
   * declared, with the error added. Preparers and association changes run in one transaction.
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> insert(Changeset<S> changeset) {
    return writer.insert(changeset);
  }

  /** Inserts, or throws {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S insertOrThrow(S struct) {
    return insertOrThrow(Changeset.change(struct));
  }

  /** Inserts, or throws {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S insertOrThrow(Changeset<S> changeset) {
    return insert(changeset).orElseThrow(InvalidChangesetException::new);
  }

  /**
   * Writes the changeset's changes to the columns that changed, and touches {@code updated_at}.
   * No changes: no statement at all, and {@code Ok} with the data. A row that is gone (or whose
   * optimistic lock version moved on) throws {@link StaleEntryException}.
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> update(Changeset<S> changeset) {
    return writer.update(changeset);
  }

  /** Updates, or throws {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S updateOrThrow(Changeset<S> changeset) {
    return update(changeset).orElseThrow(InvalidChangesetException::new);
  }

  /** Deletes the struct's row by primary key, Ecto's {@code Repo.delete/1}. */
  public <S extends Struct<S>> Result<S, Changeset<S>> delete(S struct) {
    return delete(Changeset.change(struct));
  }

  /**
   * Deletes the row of the changeset's data. An invalid changeset returns {@code Err}; a row that
   * is already gone throws {@link StaleEntryException}, as in Ecto.
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> delete(Changeset<S> changeset) {
    return writer.delete(changeset);
  }

  /** Deletes, or throws {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S deleteOrThrow(S struct) {
    return delete(struct).orElseThrow(InvalidChangesetException::new);
  }

  // ---------------------------------------------------------------- helpers

  /** Closes the pool if this repo owns one. */
  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  /** Options for {@link Repo#builder()}. */
  public static final class Builder {
    private String url;
    private String username;
    private String password;
    private int maximumPoolSize = 10;
    private String poolName = "ecto4j";
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/blog}. Required. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** The most connections the pool opens; 10 by default, as Ecto's {@code pool_size}. */
    public Builder maximumPoolSize(int size) {
      this.maximumPoolSize = size;
      return this;
    }

    public Builder poolName(String name) {
      this.poolName = name;
      return this;
    }

    /** The clock timestamps are taken from; the system's UTC clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Repo build() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("a repo needs a JDBC URL: Repo.builder().url(\"jdbc:postgresql://…\")");
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(username);
      config.setPassword(password);
      config.setMaximumPoolSize(maximumPoolSize);
      config.setPoolName(poolName);
      HikariDataSource pool = new HikariDataSource(config);
      return new Repo(new Executor(pool), pool, clock);
    }
  }
}
