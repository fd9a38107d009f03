package io.ecto4j.repo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.internal.Internals;
import io.ecto4j.internal.QueryInternals;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.PrimaryKeyValue;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Struct;
import io.ecto4j.meta.Table;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Explain;
import io.ecto4j.query.OnConflict;
import io.ecto4j.query.Query;
import io.ecto4j.query.RowReader;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Update;
import io.ecto4j.telemetry.TelemetryOptions;
import io.ecto4j.type.CastResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  private final Preloader preloader;
  private final Clock clock;
  private final Hooks hooks;

  /**
   * The repo's callbacks, Ecto's {@code default_options/1}, {@code prepare_query/3} and
   * {@code prepare_transaction/2}; null for none.
   */
  private record Hooks(Function<Operation, WriteOptions> defaultOptions, QueryPreparer preparer,
      TransactionPreparer transactionPreparer) {
    static final Hooks NONE = new Hooks(null, null, null);

    Hooks withDefaultOptions(Function<Operation, WriteOptions> defaults) {
      return new Hooks(Objects.requireNonNull(defaults, "defaults"), preparer, transactionPreparer);
    }

    Hooks withPreparer(QueryPreparer preparer) {
      return new Hooks(defaultOptions, Objects.requireNonNull(preparer, "preparer"), transactionPreparer);
    }

    Hooks withTransactionPreparer(TransactionPreparer preparer) {
      return new Hooks(defaultOptions, this.preparer, Objects.requireNonNull(preparer, "preparer"));
    }

    /** {@code given}, as the transaction preparer makes it. */
    TransactionOptions transactionOptions(TransactionOptions given) {
      Objects.requireNonNull(given, "options");
      if (transactionPreparer == null) {
        return given;
      }
      TransactionOptions prepared = transactionPreparer.prepare(given);
      if (prepared == null) {
        throw new IllegalStateException("the repo's prepareTransaction returned null; return the options to run"
            + " the transaction with (the ones it was given to keep them)");
      }
      return prepared;
    }
  }

  private Repo(Executor executor, HikariDataSource ownedPool, Clock clock) {
    this(executor, ownedPool, clock, Hooks.NONE);
  }

  private Repo(Executor executor, HikariDataSource ownedPool, Clock clock, Hooks hooks) {
    this.dataSource = executor.dataSource();
    this.ownedPool = ownedPool;
    this.executor = executor;
    this.writer = new ChangesetWriter(executor, clock, this);
    this.preloader = new Preloader(this, executor);
    this.clock = clock;
    this.hooks = hooks;
  }

  /** A repo over a data source the caller owns and closes; {@link #close()} leaves it open. */
  public static Repo of(DataSource dataSource) {
    return new Repo(new Executor(Objects.requireNonNull(dataSource, "dataSource")), null, Clock.systemUTC());
  }

  /**
   * A repo over {@code dataSource} whose transactions {@code host} keeps, so that they are one
   * with the host's: the Spring Boot starter builds its repo so, on Spring's transaction manager,
   * and a {@code repo.transaction} inside a {@code @Transactional} method joins it (and the other
   * way round). ecto4j's rules hold as they do without a host; see {@link TransactionHost} and
   * docs/spring.md. {@code dataSource} must be the one the host's transactions are on.
   */
  public static Repo hostedBy(DataSource dataSource, TransactionHost host) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Repo(new Executor(dataSource, Objects.requireNonNull(host, "host")), null, Clock.systemUTC());
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
    return new Repo(executor, null, Objects.requireNonNull(clock, "clock"), hooks);
  }

  /**
   * This repo on the same connections and transactions, also telling {@code listener} about every
   * statement, Ecto's telemetry: e.g. {@code repo.withListener(Slf4jQueryLogger.slowerThan(ofMillis(200)))}.
   * A repo without listeners times nothing.
   */
  public Repo withListener(io.ecto4j.telemetry.QueryListener listener) {
    return new Repo(executor.withListener(Objects.requireNonNull(listener, "listener")), null, clock, hooks);
  }

  /**
   * This repo on the same primary and transactions, reading from {@code replicas} outside
   * transactions as {@link Replicas} describes (lag-aware, read-your-writes by default). Writes,
   * transactions, row locks and hand-written SQL stay on the primary. The replicas' pools are the
   * caller's, as the primary's is.
   *
   * <pre>{@code
   * Repo repo = Repo.of(primary).withReplicas(Replicas.of(List.of(replicaA, replicaB)));
   * repo.all(Posts.query());               // a replica
   * repo.primary().all(Posts.query());     // the primary, for this call
   * repo.onPrimary(() -> checkout(cart));  // the primary, for this block on this thread
   * }</pre>
   */
  public Repo withReplicas(Replicas replicas) {
    return new Repo(executor.withReplicas(Objects.requireNonNull(replicas, "replicas"), clock), null, clock, hooks);
  }

  /** This repo with every read on the primary, Ecto's replica pattern's {@code MyApp.Repo} beside {@code MyApp.Repo.replica()}. */
  public Repo primary() {
    return new Repo(executor.routed(ReadRouting.Route.PRIMARY), null, clock, hooks);
  }

  /**
   * This repo with reads on a replica that is up and within the lag bound, whatever this thread
   * wrote (no read-your-writes), Ecto's {@code MyApp.Repo.replica()}; the primary when none
   * qualifies. Without replicas, the repo itself.
   */
  public Repo replica() {
    return executor.routing() == null ? this : new Repo(executor.routed(ReadRouting.Route.REPLICA), null, clock, hooks);
  }

  /** Runs {@code block} with this thread's reads of this repo on the primary, and returns its value. */
  public <R> R onPrimary(java.util.function.Supplier<R> block) {
    Objects.requireNonNull(block, "block");
    return executor.routing() == null ? block.get() : executor.routing().onPrimary(block);
  }

  /**
   * What the repo last knew of each replica, in the order given: up, lag, replay position, the
   * problem that keeps it from serving reads. Empty without replicas. Reading it runs no query.
   */
  public List<ReplicaStatus> replicaStatus() {
    return executor.routing() == null ? List.of() : executor.routing().status();
  }

  /** The data source statements run on. */
  public DataSource dataSource() {
    return dataSource;
  }

  // ---------------------------------------------------------------- reads

  /** Every row of the query, Ecto's {@code Repo.all/1}. */
  public <T> List<T> all(Query<T> query) {
    return all(Operation.ALL, query);
  }

  private <T> List<T> all(Operation operation, Query<T> given) {
    Query<T> query = prepared(operation, given);
    QueryInternals queries = Internals.query();
    Executor reading = executorFor(operation);
    List<Preloadable<T>> preloads = queries.preloads(query);
    if (preloads.isEmpty()) {
      return rows(query, reading);
    }
    // The rows and their preloads on one connection, as one call's reads (see ReadSession).
    return reading.readSession(() -> preloader.preload(rows(query, reading), preloads));
  }

  private <T> List<T> rows(Query<T> query, Executor reading) {
    QueryInternals queries = Internals.query();
    return LoadedStructs.readFrom(queries.assemble(query, reading.read(query.toSql(), queries.reader(query))),
        queries.customSource(query), readPrefix(query, reading));
  }

  /** The prefix a query's structs are loaded in: its own, else the repo's (a schema's own wins over both). */
  private static String readPrefix(Query<?> query, Executor reading) {
    String own = Internals.query().prefix(query);
    return own != null ? own : reading.prefix();
  }

  /** Every row of {@code table}, as {@code Repo.all(Post)}. */
  public <S> List<S> all(Table<S> table) {
    return all(Query.from(table));
  }

  /** The single row of the query, if any; two or more rows throw {@link MultipleResultsException}. */
  public <T> Optional<T> one(Query<T> query) {
    return one(all(query), query);
  }

  private static <T> Optional<T> one(List<T> rows, Object query) {
    if (rows.size() > 1) {
      throw new MultipleResultsException(
          "expected at most one result but got " + rows.size() + " in query:\n\n" + query, rows.size());
    }
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** The single row of the query; none throws {@link NoResultsException}, like {@code Repo.one!/1}. */
  public <T> T oneOrThrow(Query<T> query) {
    return one(query).orElseThrow(() -> new NoResultsException(
        "expected at least one result but got none in query:\n\n" + query));
  }

  /**
   * The struct whose primary key is {@code id}, Ecto's {@code Repo.get/2}. The id is cast to the
   * key's type, so {@code "42"} finds the post with id 42. A schema with a composite key refuses a
   * single id, as Ecto ("expected … to have exactly one primary key"): pass its {@link PrimaryKeyValue}.
   */
  public <S> Optional<S> get(Table<S> table, Object id) {
    if (id instanceof PrimaryKeyValue<?> key) {
      return get(table, ownKey(table, key));
    }
    Field<S, ?> key = Keys.primaryKeyOf(table, "get");
    return getByKey(Operation.ALL, table, key, id);
  }

  /**
   * The struct whose primary key is {@code key}, for any key and the only way for a composite one:
   * {@code repo.get(CompositePks.SCHEMA, CompositePks.key(1L, 2L))}, the companion's typed
   * {@code key(…)} taking one value per key field (a jOOQ {@code fetchOne} by a record's key, or
   * Spring Data's {@code findById} with an id class).
   */
  public <S> Optional<S> get(Table<S> table, PrimaryKeyValue<S> key) {
    ownKey(table, Objects.requireNonNull(key, "key")); // generics are erased: a raw caller could pass another's
    if (key.values().size() == 1) {
      return getByKey(Operation.ALL, table, key.fields().get(0), key.values().get(0));
    }
    Query<S> byKey = Query.from(table).where(key.condition());
    return one(all(Operation.ALL, byKey), byKey);
  }

  /** The struct whose primary key is {@code id}, or {@link NoResultsException}. */
  public <S> S getOrThrow(Table<S> table, Object id) {
    if (id instanceof PrimaryKeyValue<?> key) {
      return getOrThrow(table, ownKey(table, key));
    }
    return get(table, id).orElseThrow(() -> new NoResultsException(
        "expected a " + table.schemaName() + " with " + Keys.primaryKeyOf(table, "get").name() + " = " + id
            + " in table \"" + table.name() + "\" but found none"));
  }

  /** The struct whose primary key is {@code key}, or {@link NoResultsException}. */
  public <S> S getOrThrow(Table<S> table, PrimaryKeyValue<S> key) {
    return get(table, key).orElseThrow(() -> new NoResultsException(
        "expected a " + table.schemaName() + " with " + key + " in table \"" + table.name() + "\" but found none"));
  }

  /** {@code key}, checked to be {@code table}'s (it is typed, but an {@code Object} id is not). */
  @SuppressWarnings("unchecked")
  private static <S> PrimaryKeyValue<S> ownKey(Table<S> table, PrimaryKeyValue<?> key) {
    if (key.table() != table) {
      throw new IllegalArgumentException("get(" + table.schemaName() + ") was given a key of "
          + key.table().schemaName() + ": " + key);
    }
    return (PrimaryKeyValue<S>) key;
  }

  /**
   * The row of {@code query} whose primary key is {@code id}, Ecto's {@code Repo.get/2} given a
   * query: the query's first source is a schema's, and its key condition is added to the query's
   * own. The way to get a struct from another table of the schema's columns:
   *
   * <pre>{@code
   * Optional<PostStruct> archived = repo.get(Query.from("archived_posts", Posts.SCHEMA), 42L);
   * }</pre>
   *
   * The id is cast as in {@link #get(Table, Object)}; a {@link PrimaryKeyValue} finds a composite key.
   */
  public <T> Optional<T> get(Query<T> query, Object id) {
    Query<T> byKey = query.where(keyCondition(query, id));
    return one(all(byKey), byKey);
  }

  /** Like {@link #get(Query, Object)}, or {@link NoResultsException}, as {@code Repo.get!/2}. */
  public <T> T getOrThrow(Query<T> query, Object id) {
    return oneOrThrow(query.where(keyCondition(query, id)));
  }

  /** {@code pk = id} of the query's schema, for {@code get} of a query. */
  private static Condition keyCondition(Query<?> query, Object id) {
    Table<?> table = query.source();
    if (table == null) {
      throw new IllegalArgumentException("get(query, id) needs a query from a schema, whose primary key it"
          + " compares; " + query + " reads no schema's rows");
    }
    return keyCondition(table, id);
  }

  private static <S> Condition keyCondition(Table<S> table, Object id) {
    if (id instanceof PrimaryKeyValue<?> key) {
      return ownKey(table, key).condition();
    }
    return keyEquals(Keys.primaryKeyOf(table, "get"), id);
  }

  private static <S, K> Condition keyEquals(Field<S, K> key, Object id) {
    return key.eq(castKey(key, id));
  }

  private <S, K> Optional<S> getByKey(Operation operation, Table<S> table, Field<S, K> key, Object id) {
    K value = castKey(key, id);
    if (hooks.preparer() != null || hooks.defaultOptions() != null) {
      Query<S> byKey = Query.from(table).where(key.eq(value));
      return one(all(operation, byKey), byKey);
    }
    List<S> rows = executor.read(Internals.query().get(table, executor.prefix()),
        () -> new Probe.Parameters(List.of(id), List.of(value)), statement -> key.type().bind(statement, 1, value),
        row -> table.fromQueryRow(row, 0));
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(LoadedStructs.loaded(rows.get(0), executor.prefix()));
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
   * Every struct whose {@code field} equals {@code value}, Ecto's {@code Repo.all_by/2}: a shorthand
   * for {@code repo.all(Posts.query().where(Posts.TITLE.eq("a")))}, as {@link #getBy(Field, Object)}
   * is for {@code one}.
   */
  public <S, V> List<S> allBy(Field<S, V> field, V value) {
    return all(Query.from(field.table()).where(field.eq(value)));
  }

  /**
   * Every struct matching every condition, Ecto's {@code Repo.all_by/2} with several clauses:
   * {@code repo.allBy(Posts.SCHEMA, Posts.TITLE.eq("a"), Posts.PUBLISHED.eq(true))}.
   */
  public <S> List<S> allBy(Table<S> table, Condition condition, Condition... more) {
    return all(whereAll(table, condition, more));
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

  /**
   * The row of {@code query} matching every condition, Ecto's {@code Repo.get_by/2} given a query,
   * e.g. {@code repo.getBy(Query.from("archived_posts", Posts.SCHEMA), Posts.TITLE.eq("Hello"))};
   * more than one throws.
   */
  public <T> Optional<T> getBy(Query<T> query, Condition condition, Condition... more) {
    return one(whereAll(query, condition, more));
  }

  /** Like {@link #getBy(Query, Condition, Condition...)}, or {@link NoResultsException}. */
  public <T> T getByOrThrow(Query<T> query, Condition condition, Condition... more) {
    return oneOrThrow(whereAll(query, condition, more));
  }

  private static <S> Query<S> whereAll(Table<S> table, Condition condition, Condition... more) {
    return whereAll(Query.from(table), condition, more);
  }

  private static <T> Query<T> whereAll(Query<T> query, Condition condition, Condition... more) {
    Query<T> all = query.where(condition);
    for (Condition next : more) {
      all = all.where(next);
    }
    return all;
  }

  /**
   * An aggregate over the query's rows, Ecto's {@code Repo.aggregate/3}:
   * {@code repo.aggregate(Posts.query(), Aggregate.count())}.
   */
  public <R> R aggregate(Query<?> query, Aggregate<R> aggregate) {
    Sql sql = Internals.query().aggregate(prepared(Operation.ALL, query), aggregate);
    return executorFor(Operation.ALL).read(sql, row -> aggregate.resultType().read(row, 1)).get(0);
  }

  /** Whether the query matches any row, Ecto's {@code Repo.exists?/1}. */
  public boolean exists(Query<?> query) {
    return !executorFor(Operation.ALL).read(Internals.query().exists(prepared(Operation.ALL, query)),
        row -> Boolean.TRUE).isEmpty();
  }

  /**
   * The struct as the database has it now, or empty if its row is gone, Ecto's {@code Repo.reload/1}:
   * read in the struct's own prefix ({@code meta().prefix()}) when it has one, else the repo's, and
   * from the table it came from ({@code meta().source()}: its schema's, or another, see
   * {@link Query#from(String, Table)}); what was preloaded on it is not (the new struct's
   * associations are not loaded).
   */
  public <S extends Struct<S>> Optional<S> reload(S struct) {
    Table<S> table = struct.schema();
    PrimaryKeyValue<S> key = Keys.keyOf(table, struct, "reload");
    Repo repo = inPrefixOf(struct);
    return readsOwnTable(struct) ? repo.get(table, key) : repo.get(fromSourceOf(struct), key);
  }

  /** Like {@link #reload}, or {@link NoResultsException} when the row is gone. */
  public <S extends Struct<S>> S reloadOrThrow(S struct) {
    Table<S> table = struct.schema();
    PrimaryKeyValue<S> key = Keys.keyOf(table, struct, "reload");
    Repo repo = inPrefixOf(struct);
    return readsOwnTable(struct) ? repo.getOrThrow(table, key) : repo.getOrThrow(fromSourceOf(struct), key);
  }

  /** Whether {@code struct} came from (or is meant for) its schema's own table, not a custom source. */
  private static boolean readsOwnTable(Struct<?> struct) {
    return struct.meta().source().equals(struct.schema().name());
  }

  /** The rows of {@code struct}'s schema in the table its meta names, Ecto's {@code from x in {source, schema}}. */
  private static <S extends Struct<S>> Query<S> fromSourceOf(S struct) {
    Table<S> table = struct.schema();
    return readsOwnTable(struct) ? Query.from(table) : Query.from(struct.meta().source(), table);
  }

  /** This repo, or this repo in the prefix {@code struct} was read from (Ecto's {@code __meta__.prefix}). */
  private Repo inPrefixOf(Struct<?> struct) {
    String prefix = struct.meta().prefix();
    return prefix == null || prefix.equals(executor.prefix()) ? this : withPrefix(prefix);
  }

  /**
   * Runs SQL written by hand, Ecto's {@code Repo.query/3}: {@code params} are bound to the
   * {@code ?} placeholders in order ({@code setObject}), and each row becomes what {@code reader}
   * makes of it (a statement without rows returns an empty list). Runs in the current
   * transaction, like every statement of the repo. A {@link List} parameter is bound as a
   * PostgreSQL array of its elements' type ({@code List<Long>} as {@code int8[]}), as Postgrex
   * binds a list; an empty list, or one of nulls only, goes untyped and takes the type its place
   * in the SQL gives it.
   *
   * <pre>{@code
   * List<String> names = repo.query("SELECT name FROM users WHERE age > ?", List.of(30), row -> row.getString(1));
   * List<String> some = repo.query("SELECT name FROM users WHERE id = ANY(?)", List.of(List.of(1L, 2L)), row -> row.getString(1));
   * }</pre>
   */
  public <T> List<T> query(String sql, List<?> params, RowReader<T> reader) {
    return executor.execute(sql, params, reader);
  }

  /**
   * {@code COPY … TO STDOUT}, Ecto's {@code Ecto.Adapters.SQL.stream(repo, "COPY posts TO STDOUT")}:
   * PostgreSQL's bulk export, written to {@code out} as it arrives (text, CSV or binary, as the
   * statement says); returns the number of rows. Runs on the repo's connection, so inside
   * {@code transact} it sees that transaction's rows. The SQL is the developer's, as for
   * {@link #query}: never build it from input.
   *
   * <pre>{@code
   * ByteArrayOutputStream csv = new ByteArrayOutputStream();
   * long rows = repo.copyOut("COPY posts (id, title) TO STDOUT (FORMAT csv)", csv);
   * }</pre>
   */
  public long copyOut(String sql, OutputStream out) {
    Objects.requireNonNull(out, "out");
    return executor.copy(sql, copy -> copy.copyOut(sql, out));
  }

  /**
   * {@code COPY … FROM STDIN}, Ecto's
   * {@code Enum.into(data, Ecto.Adapters.SQL.stream(repo, "COPY posts FROM STDIN"))}: PostgreSQL's bulk import, far faster than {@code insertAll} for large loads, read from
   * {@code in} until it ends; returns the number of rows. Runs on the repo's connection (inside a
   * transaction, undone with it). Constraints are checked, but no changeset, timestamp or
   * generated key of ecto4j is involved: the data is written as it is.
   *
   * <pre>{@code
   * repo.copyIn("COPY posts (id, title) FROM STDIN (FORMAT csv)",
   *     new ByteArrayInputStream(csv.toByteArray()));
   * }</pre>
   */
  public long copyIn(String sql, InputStream in) {
    Objects.requireNonNull(in, "in");
    return executor.copy(sql, copy -> copy.copyIn(sql, in));
  }

  /** The SQL and parameters {@link #all} would run for {@code query}. */
  public Sql toSql(Query<?> query) {
    return executor.qualified(query.toSql());
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
    return insert(changeset, WriteOptions.defaults());
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
    return update(changeset, WriteOptions.defaults());
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
    return delete(changeset, WriteOptions.defaults());
  }

  /** Deletes, or throws {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S deleteOrThrow(S struct) {
    return delete(struct).orElseThrow(InvalidChangesetException::new);
  }

  // ---------------------------------------------------------------- write options, insertAll by table, load, hooks

  /**
   * What Ecto calls each repo operation, for {@link Builder#defaultOptions} and
   * {@link QueryPreparer}.
   */
  public enum Operation {
    ALL, STREAM, UPDATE_ALL, DELETE_ALL, INSERT_ALL, INSERT, UPDATE, DELETE, INSERT_OR_UPDATE, RELOAD
  }

  /** {@link #insert(Changeset, WriteOptions)} of a struct as it is. */
  public <S extends Struct<S>> Result<S, Changeset<S>> insert(S struct, WriteOptions options) {
    return insert(Changeset.change(struct), options);
  }

  /**
   * Inserts with Ecto's options: conflict handling, what is read back, stale handling, the prefix.
   *
   * <pre>{@code
   * repo.insert(changeset, WriteOptions.defaults().onConflict(OnConflict.nothing().target(Posts.TITLE)));
   * repo.insert(changeset, WriteOptions.defaults()
   *     .onConflict(OnConflict.update(Update.inc(Posts.VIEW_COUNT, 1)).target(Posts.TITLE))
   *     .returning(Posts.VIEW_COUNT));
   * }</pre>
   *
   * <p>The conflict handling applies to this row only, never to its associations' rows, as in Ecto.
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> insert(Changeset<S> changeset, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT, options, "insert");
    return writerFor(effective).insert(changeset, effective);
  }

  /** {@link #insert(Struct, WriteOptions)}, or {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S insertOrThrow(S struct, WriteOptions options) {
    return insert(struct, options).orElseThrow(InvalidChangesetException::new);
  }

  /** {@link #insert(Changeset, WriteOptions)}, or {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S insertOrThrow(Changeset<S> changeset, WriteOptions options) {
    return insert(changeset, options).orElseThrow(InvalidChangesetException::new);
  }

  /**
   * Updates with Ecto's options: {@code force()} writes a changeset without changes,
   * {@code returning(…)} chooses what is read back, stale entries may become errors.
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> update(Changeset<S> changeset, WriteOptions options) {
    WriteOptions effective = options(Operation.UPDATE, options, "update");
    return writerFor(effective).update(changeset, effective);
  }

  /** {@link #update(Changeset, WriteOptions)}, or {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S updateOrThrow(Changeset<S> changeset, WriteOptions options) {
    return update(changeset, options).orElseThrow(InvalidChangesetException::new);
  }

  /** {@link #delete(Changeset, WriteOptions)} of a struct. */
  public <S extends Struct<S>> Result<S, Changeset<S>> delete(S struct, WriteOptions options) {
    return delete(Changeset.change(struct), options);
  }

  /** Deletes with Ecto's options ({@code returning}, stale handling, the prefix). */
  public <S extends Struct<S>> Result<S, Changeset<S>> delete(Changeset<S> changeset, WriteOptions options) {
    WriteOptions effective = options(Operation.DELETE, options, "delete");
    return writerFor(effective).delete(changeset, effective);
  }

  /** {@link #delete(Changeset, WriteOptions)}, or {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S deleteOrThrow(S struct, WriteOptions options) {
    return delete(struct, options).orElseThrow(InvalidChangesetException::new);
  }

  /**
   * Inserts a built struct's changeset, updates a loaded one's, Ecto's {@code Repo.insert_or_update/2}:
   * the data's {@link io.ecto4j.meta.Meta#state()} decides, not its key, so a struct built with a
   * key of its choosing is inserted. A deleted struct's changeset is an
   * {@link IllegalArgumentException}. The options of both writes apply, each to its own:
   * {@code onConflict} when it inserts, {@code force} when it updates.
   *
   * <pre>{@code
   * PostStruct post = repo.getBy(Posts.TITLE, title).orElseGet(PostStruct::new);   // loaded, or built
   * repo.insertOrUpdate(Changeset.change(post).putChange(Posts.BODY, body));
   * }</pre>
   */
  public <S extends Struct<S>> Result<S, Changeset<S>> insertOrUpdate(Changeset<S> changeset, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_OR_UPDATE, options, "insertOrUpdate");
    ChangesetWriter chosen = writerFor(effective);
    return changeset.data().meta().updatesOnInsertOrUpdate("repo.insertOrUpdate")
        ? chosen.update(changeset, effective) : chosen.insert(changeset, effective);
  }

  /** {@link #insertOrUpdate(Changeset, WriteOptions)} with no options. */
  public <S extends Struct<S>> Result<S, Changeset<S>> insertOrUpdate(Changeset<S> changeset) {
    return insertOrUpdate(changeset, WriteOptions.defaults());
  }

  /** {@link #insertOrUpdate(Changeset)}, or {@link InvalidChangesetException}. */
  public <S extends Struct<S>> S insertOrUpdateOrThrow(Changeset<S> changeset) {
    return insertOrUpdate(changeset).orElseThrow(InvalidChangesetException::new);
  }

  /**
   * {@link #insertAll(Table, List)} with options: {@code onConflict}, {@code prefix} and
   * {@code timestamps()} (inserted_at and updated_at from the repo's clock where a row leaves
   * them null).
   */
  public <S> long insertAll(Table<S> table, List<S> rows, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAll(executorFor(effective), table, stamped(table, rows, effective), effective.onConflict());
  }

  /**
   * {@link #insertAll(Table, List, WriteOptions)}, returning the rows inserted or updated: whole
   * structs, or, with {@code returning(fields)}, new structs holding the key and those fields.
   */
  public <S> List<S> insertAllReturning(Table<S> table, List<S> rows, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAllReturning(executorFor(effective), table, stamped(table, rows, effective), effective);
  }

  private <S> List<S> stamped(Table<S> table, List<S> rows, WriteOptions options) {
    return InsertStamps.prepare(table, rows, options.stampsTimestamps() ? clock.instant() : null);
  }

  /**
   * Inserts rows into a table named by the caller, Ecto's {@code insert_all("posts_tags", rows)}:
   * for join tables and tables without schema. Each row maps column names to values, bound by
   * their Java class (as {@link #query(String, List, RowReader)} binds parameters); a
   * {@link Query} selecting one value is a subquery, and a
   * {@link io.ecto4j.query.Placeholder} the value of {@code options.placeholders(…)}. A column a
   * row leaves out takes the database's default ({@code DEFAULT}), whatever the other rows give.
   *
   * <pre>{@code
   * repo.insertAll("posts_tags", List.of(Map.of("post_id", 1L, "tag_id", 2L), Map.of("post_id", 1L, "tag_id", 3L)));
   * }</pre>
   */
  public long insertAll(String table, List<? extends Map<String, ?>> rows) {
    return insertAll(table, rows, WriteOptions.defaults());
  }

  /** {@link #insertAll(String, List)} with {@code onConflict}, {@code placeholders} and {@code prefix}. */
  public long insertAll(String table, List<? extends Map<String, ?>> rows, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAll(executorFor(effective), table, rows, effective);
  }

  /**
   * {@link #insertAll(String, List, WriteOptions)}, returning the {@code returning} columns of each
   * row inserted or updated, as the driver reads them, Ecto's {@code returning: [:id, …]} without
   * schema.
   */
  public List<Map<String, Object>> insertAllReturning(String table, List<? extends Map<String, ?>> rows,
      WriteOptions options, List<String> returning) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAllReturning(executorFor(effective), table, rows, effective, List.copyOf(returning));
  }

  /**
   * Inserts the rows a query selects, in one {@code INSERT INTO posts (…) (SELECT …)}, Ecto's
   * {@code Repo.insert_all(Post, query)}; returns how many rows were inserted. The query's
   * selection names the columns: its whole structs (a query of a schema with no select), a joined
   * schema's ({@code select(alias)}), {@code selectFields}/{@code selectMap} fields, or a map whose
   * keys are field names:
   *
   * <pre>{@code
   * repo.insertAll(Posts.SCHEMA, Posts.query().where(Posts.PUBLISHED.eq(true))
   *     .select(Map.of("title", Functions.fragment(Types.TEXT, "concat(?, ?)", Posts.TITLE, Functions.value(" (copy)")),
   *         "body", Posts.BODY, "inserted_at", Posts.INSERTED_AT, "updated_at", Posts.UPDATED_AT)));
   * }</pre>
   *
   * <p>The repo's {@code prepareQuery} hook sees the query (as {@link Operation#INSERT_ALL}); a
   * column the selection leaves out takes the database's default; nothing is autogenerated, as in
   * Ecto: select the timestamps in the query.
   */
  public <S> long insertAll(Table<S> table, Query<?> source) {
    return insertAll(table, source, WriteOptions.defaults());
  }

  /** {@link #insertAll(Table, Query)} with {@code onConflict} and {@code prefix}. */
  public <S> long insertAll(Table<S> table, Query<?> source, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAll(executorFor(effective), table, prepared(Operation.INSERT_ALL, source), effective);
  }

  /**
   * {@link #insertAll(Table, Query, WriteOptions)}, returning the rows inserted or updated: whole
   * structs, or, with {@code returning(fields)}, new structs holding the key and those fields.
   */
  public <S> List<S> insertAllReturning(Table<S> table, Query<?> source, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAllReturning(executorFor(effective), table, prepared(Operation.INSERT_ALL, source),
        effective);
  }

  /**
   * Inserts the rows a query selects into a table named by the caller, Ecto's
   * {@code insert_all("posts_tags", query)}: the query selects a map whose keys are column names.
   */
  public long insertAll(String table, Query<?> source) {
    return insertAll(table, source, WriteOptions.defaults());
  }

  /** {@link #insertAll(String, Query)} with {@code onConflict} and {@code prefix}. */
  public long insertAll(String table, Query<?> source, WriteOptions options) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAll(executorFor(effective), table, prepared(Operation.INSERT_ALL, source), effective);
  }

  /** {@link #insertAll(String, Query, WriteOptions)}, returning the {@code returning} columns of each row. */
  public List<Map<String, Object>> insertAllReturning(String table, Query<?> source, WriteOptions options,
      List<String> returning) {
    WriteOptions effective = options(Operation.INSERT_ALL, options, "insertAll");
    return BulkWrites.insertAllReturning(executorFor(effective), table, prepared(Operation.INSERT_ALL, source),
        effective, List.copyOf(returning));
  }

  /**
   * The structs as the database has them now, in the same order, a null where a row is gone,
   * Ecto's {@code Repo.reload/2} of a list: one query for all of them. An empty list runs none.
   */
  public <S extends Struct<S>> List<S> reload(List<S> structs) {
    Objects.requireNonNull(structs, "structs");
    if (structs.isEmpty()) {
      return List.of();
    }
    Table<S> table = homogeneous(structs);
    return reloadByKey(table, structs);
  }

  /** Like {@link #reload(List)}, or {@link NoResultsException} when a row is gone, as {@code reload!}. */
  public <S extends Struct<S>> List<S> reloadOrThrow(List<S> structs) {
    List<S> reloaded = reload(structs);
    for (int i = 0; i < reloaded.size(); i++) {
      if (reloaded.get(i) == null) {
        throw new NoResultsException("could not reload " + structs.get(i) + ", maybe it doesn't exist or was deleted");
      }
    }
    return reloaded;
  }

  private static <S extends Struct<S>> Table<S> homogeneous(List<S> structs) {
    Table<S> table = null;
    for (S struct : structs) {
      if (struct == null) {
        throw new IllegalArgumentException("expected a list of structs to reload, found a null in " + structs);
      }
      if (table != null && struct.schema() != table) {
        throw new IllegalArgumentException("expected an homogeneous list of structs to reload, got a "
            + table.schemaName() + " and a " + struct.schema().schemaName());
      }
      table = struct.schema();
    }
    return table;
  }

  /**
   * One query for all the structs: {@code key = ANY(…)} for a single key, {@code (a = ? AND b = ?)
   * OR …} for a composite one; the rows are matched back by {@link PrimaryKeyValue}.
   */
  private <S extends Struct<S>> List<S> reloadByKey(Table<S> table, List<S> structs) {
    List<PrimaryKeyValue<S>> keys = new java.util.ArrayList<>();
    for (S struct : structs) {
      keys.add(Keys.keyOf(table, struct, "reload"));
    }
    Map<PrimaryKeyValue<S>, S> found = new java.util.HashMap<>();
    // Ecto reloads a list from its first struct's source, in its prefix
    Query<S> byKeys = fromSourceOf(structs.get(0)).where(anyOf(table, keys));
    String prefix = structs.get(0).meta().prefix();
    for (S row : all(Operation.RELOAD, prefix == null ? byKeys : byKeys.prefix(prefix))) {
      found.put(PrimaryKeyValue.from(table, row), row);
    }
    List<S> reloaded = new java.util.ArrayList<>(keys.size());
    for (PrimaryKeyValue<S> k : keys) {
      reloaded.add(found.get(k));
    }
    return java.util.Collections.unmodifiableList(reloaded);
  }

  @SuppressWarnings("unchecked")
  private static <S, K> Condition anyOf(Table<S> table, List<PrimaryKeyValue<S>> keys) {
    java.util.Set<PrimaryKeyValue<S>> distinct = new java.util.LinkedHashSet<>(keys);
    if (table.primaryKeys().size() == 1) {
      Field<S, K> key = (Field<S, K>) table.primaryKeys().get(0);
      return key.in(distinct.stream().map(k -> (K) k.values().get(0)).toList());
    }
    return Condition.any(distinct.stream().map(PrimaryKeyValue::condition).toList());
  }

  /**
   * A struct from values read elsewhere (a hand-written query, a message), Ecto's
   * {@code Repo.load/2}: keys are field names or column names, values are taken as they are when
   * of the field's Java type and cast otherwise ({@code 1} to a {@code Long} key, a UUID string to
   * a {@code UUID}); fields not given keep their declared defaults, and keys that are no field are
   * ignored, as in Ecto. A value that cannot be cast is an {@link IllegalArgumentException} with
   * Ecto's wording. No statement runs. The struct is loaded ({@code meta().state()}), in the
   * repo's prefix, as Ecto's loader marks it.
   *
   * <pre>{@code
   * PostStruct post = repo.load(Posts.SCHEMA, Map.of("title", "Hello", "view_count", 3));
   * }</pre>
   */
  public <S> S load(Table<S> table, Map<String, ?> values) {
    return LoadedStructs.loaded(Loads.load(table, values), executor.prefix());
  }

  /**
   * A {@link RowReader} that loads each row of a hand-written query into a struct of {@code table}
   * by column label, for {@link #query(String, List, RowReader)}: columns that are no field are
   * ignored, fields without a column keep their defaults.
   *
   * <pre>{@code
   * List<PostStruct> posts = repo.query("SELECT * FROM posts WHERE title ~ ?", List.of("^E"), Repo.loader(Posts.SCHEMA));
   * }</pre>
   */
  public static <S> RowReader<S> loader(Table<S> table) {
    RowReader<S> values = Loads.reader(table);
    return row -> LoadedStructs.loaded(values.read(row), null);
  }

  /**
   * This repo on the same connections, with {@code defaults} giving each operation's default
   * options, Ecto's {@code default_options/1}; see {@link Builder#defaultOptions}.
   */
  public Repo withDefaultOptions(Function<Operation, WriteOptions> defaults) {
    return new Repo(executor, null, clock, hooks.withDefaultOptions(defaults));
  }

  /**
   * This repo on the same connections, with {@code prefix} giving each operation's prefix over the
   * repo's own default options (a call's own options still win): the current tenant's schema, as
   * Ecto's multi-tenancy guide does with {@code default_options/1}.
   */
  Repo withPrefixPerCall(Function<Operation, String> prefix) {
    Function<Operation, WriteOptions> own = hooks.defaultOptions();
    Function<Operation, WriteOptions> defaults = operation -> {
      WriteOptions tenant = WriteOptions.defaults().prefix(prefix.apply(operation));
      return own == null ? tenant : tenant.over(own.apply(operation));
    };
    return new Repo(executor, null, clock, hooks.withDefaultOptions(defaults));
  }

  /** This repo on the same connections, with {@code preparer} rewriting every query, Ecto's {@code prepare_query/3}. */
  public Repo withQueryPreparer(QueryPreparer preparer) {
    return new Repo(executor, null, clock, hooks.withPreparer(preparer));
  }

  /**
   * This repo on the same connections, with {@code preparer} adjusting the options of every
   * transaction it opens, Ecto's {@code prepare_transaction/2}; see {@link TransactionPreparer}.
   */
  public Repo withTransactionPreparer(TransactionPreparer preparer) {
    return new Repo(executor, null, clock, hooks.withTransactionPreparer(preparer));
  }

  /** {@code given} with the options the repo's defaults add for {@code operation}, checked for it. */
  private WriteOptions options(Operation operation, WriteOptions given, String call) {
    Objects.requireNonNull(given, "options");
    given.requireFor(call);
    return hooks.defaultOptions() == null ? given : given.over(hooks.defaultOptions().apply(operation));
  }

  private ChangesetWriter writerFor(WriteOptions options) {
    return options.prefixGiven() ? writer.withPrefix(options.prefix()) : writer;
  }

  private Executor executorFor(WriteOptions options) {
    return options.prefixGiven() ? executor.withPrefix(options.prefix()) : executor;
  }

  /** The executor of a read or bulk operation: with the prefix the repo's default options give it. */
  private Executor executorFor(Operation operation) {
    if (hooks.defaultOptions() == null) {
      return executor;
    }
    WriteOptions defaults = hooks.defaultOptions().apply(operation);
    return defaults == null ? executor : executorFor(defaults);
  }

  @SuppressWarnings("unchecked")
  private <T> Query<T> prepared(Operation operation, Query<T> query) {
    if (hooks.preparer() == null) {
      return query;
    }
    Query<?> prepared = hooks.preparer().prepare(operation, query);
    if (prepared == null) {
      throw new IllegalStateException("the repo's prepareQuery returned null for " + operation + " of " + query);
    }
    return (Query<T>) prepared;
  }

  // ---------------------------------------------------------------- preloading

  /**
   * Loads associations onto the structs, Ecto's {@code Repo.preload/3}: one query per association
   * per level, {@code WHERE key = ANY(?)} over the distinct keys of all the structs, so a list of
   * any size costs the same number of statements. The structs come back in the same order, with
   * the slots filled; an association already loaded everywhere is not queried again (see
   * {@code Preload.force()}). An empty list, or keys that are all null, run no statement. Null
   * elements stay null in their places, and a null list is returned as null, as in Ecto.
   *
   * <pre>{@code
   * List<PostStruct> posts = repo.preload(repo.all(Posts.query()), Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER));
   * }</pre>
   */
  @SafeVarargs
  public final <S> List<S> preload(List<S> structs, Preloadable<S>... paths) {
    List<Preloadable<S>> checked = Preloader.paths(paths);
    return structs == null ? null : preloader.preload(structs, checked);
  }

  /**
   * {@link #preload(List, Preloadable[])} for one struct; a null struct (say, what a lookup found
   * missing) is returned as null, as Ecto's {@code Repo.preload(nil, …)} returns nil.
   */
  @SafeVarargs
  public final <S> S preload(S struct, Preloadable<S>... paths) {
    List<Preloadable<S>> checked = Preloader.paths(paths);
    return struct == null ? null : preloader.preload(List.of(struct), checked).get(0);
  }

  /**
   * {@link #preload(List, Preloadable[])} with the associations read in the PostgreSQL schema
   * {@code prefix}, Ecto's {@code Repo.preload(posts, :comments, prefix: "tenant_b")}: it wins over
   * the prefix the structs were read in, which a plain {@code preload} follows. A schema's own
   * {@code @Schema(prefix)} still wins over both, as in a query.
   *
   * <pre>{@code
   * List<PostStruct> posts = repo.preloadIn("archive", repo.all(Posts.query()), Posts.COMMENTS);
   * }</pre>
   */
  @SafeVarargs
  public final <S> List<S> preloadIn(String prefix, List<S> structs, Preloadable<S>... paths) {
    Objects.requireNonNull(prefix, "prefix");
    List<Preloadable<S>> checked = Preloader.paths(paths);
    return structs == null ? null : preloader.preloadIn(prefix, structs, checked);
  }

  /** {@link #preloadIn(String, List, Preloadable[])} for one struct; a null struct is returned as null. */
  @SafeVarargs
  public final <S> S preloadIn(String prefix, S struct, Preloadable<S>... paths) {
    Objects.requireNonNull(prefix, "prefix");
    List<Preloadable<S>> checked = Preloader.paths(paths);
    return struct == null ? null : preloader.preloadIn(prefix, List.of(struct), checked).get(0);
  }

  // ---------------------------------------------------------------- transactions

  /**
   * Runs {@code body} in a transaction, Ecto's {@code Repo.transaction/2}: committed when it
   * returns ({@code Ok(value)}), rolled back when it calls {@code tx.rollback(value)}
   * ({@code Err(value)}) or throws (the exception propagates). Every statement of this repo in this
   * thread meanwhile runs in the transaction.
   *
   * <p>Called inside another transaction, it joins it, as in Ecto: a rollback or an exception
   * inside then dooms the whole, and the outer call throws {@link TransactionRolledBackException}
   * instead of committing. For a part that may fail on its own, use {@link #savepoint}.
   */
  public <T, E> Result<T, E> transaction(TransactionBody<T, E> body) {
    return transaction(TransactionOptions.defaults(), body);
  }

  /** {@link #transaction(TransactionBody)} with an isolation level, read-only, timeouts or retries. */
  public <T, E> Result<T, E> transaction(TransactionOptions options, TransactionBody<T, E> body) {
    Transaction<E> handle = new Transaction<>(this);
    return executor.transactions().run(hooks.transactionOptions(options), () -> body.run(handle));
  }

  /**
   * Runs {@code body} in a savepoint of the current transaction (a new transaction outside one): a
   * rollback or exception undoes only its own statements, and the outer transaction carries on.
   * Ecto has no such thing; it is opt-in here for partial rollbacks.
   */
  public <T, E> Result<T, E> savepoint(TransactionBody<T, E> body) {
    Transaction<E> handle = new Transaction<>(this);
    return executor.transactions().savepoint(() -> body.run(handle));
  }

  /**
   * Ends the current transaction, which returns {@code Err(value)}: Ecto's {@code Repo.rollback/1}.
   * Outside a transaction it is an error.
   */
  public <T> T rollback(Object value) {
    if (!inTransaction()) {
      throw new IllegalStateException("rollback(" + value + ") outside a transaction: call it inside repo.transaction(…)");
    }
    if (!executor.transactions().bodyRunning()) {
      throw new IllegalStateException("rollback(" + value + ") in a transaction the repo's host began, outside any"
          + " repo.transaction(…) body to return Err to: call it inside repo.transaction(…), or throw to roll back");
    }
    throw new Transactions.Rollback(value);
  }

  /**
   * Runs the Multi's steps in one transaction, Ecto's {@code Repo.transaction(multi)}:
   * {@code Ok(changes)} by step, or {@code Err} with the failed step, its value and the changes so
   * far (all rolled back). An invalid changeset given to a step, or an empty Multi, returns
   * without opening a transaction.
   */
  public Result<Changes, MultiFailure> transaction(Multi multi) {
    return Internals.multi().run(multi, this);
  }

  /**
   * Runs {@code body} in a transaction and lets its {@code Result} decide, Ecto's
   * {@code Repo.transact/2} (the form Ecto now prefers): {@code Ok(value)} commits and is returned,
   * {@code Err(error)} rolls back and is returned, an exception rolls back and propagates.
   *
   * <pre>{@code
   * Result<OrderStruct, String> placed = repo.transact(() -> {
   *   OrderStruct order = repo.insertOrThrow(orderChangeset);
   *   return stock.reserve(order) ? Result.ok(order) : Result.err("out of stock");
   * });
   * }</pre>
   *
   * <p>Nested in another transaction it joins it as {@link #transaction(TransactionBody)} does: an
   * {@code Err} dooms the outer one too.
   */
  public <T, E> Result<T, E> transact(Supplier<? extends Result<T, E>> body) {
    return transact(TransactionOptions.defaults(), body);
  }

  /** {@link #transact(Supplier)} with an isolation level, read-only, timeouts or retries. */
  public <T, E> Result<T, E> transact(TransactionOptions options, Supplier<? extends Result<T, E>> body) {
    Objects.requireNonNull(body, "body");
    return executor.transactions().run(hooks.transactionOptions(options), () -> {
      Result<T, E> result = body.get();
      if (result == null) {
        throw new IllegalStateException("a transact body returns Result.ok(value) or Result.err(error), not null;"
            + " the transaction was rolled back");
      }
      if (result instanceof Result.Err<T, E> err) {
        throw new Transactions.Rollback(err.error());
      }
      return ((Result.Ok<T, E>) result).value();
    });
  }

  /** {@link #transaction(Multi)}: Ecto's {@code Repo.transact/2} takes a Multi too. */
  public Result<Changes, MultiFailure> transact(Multi multi) {
    return transaction(multi);
  }

  /**
   * Runs {@code body} with one connection held for all its statements, without a transaction,
   * Ecto's {@code Repo.checkout/2}: for session settings ({@code SET}), temporary tables, or many
   * small statements without asking the pool each time. Each statement commits by itself; a
   * {@code transaction} inside uses the same connection. Inside a transaction it just runs
   * {@code body}. A transaction begun by raw SQL ({@code BEGIN}) and still open at the end is
   * rolled back and refused with an {@code IllegalStateException}, as Ecto refuses it.
   */
  public <T> T checkout(Supplier<T> body) {
    Objects.requireNonNull(body, "body");
    if (executor.behindPooler()) {
      throw new IllegalStateException("checkout keeps one session for several statements, which this repo's transaction"
          + " pooler (PgBouncer in transaction mode) does not keep: run the statements in a transaction (repo.transaction),"
          + " or give this work a direct or session-pooled connection");
    }
    return Checkouts.run(executor.transactions(), body);
  }

  /**
   * Whether this thread's statements run on one connection it holds, a checkout's or a
   * transaction's, Ecto's {@code Repo.checked_out?/0}.
   */
  public boolean checkedOut() {
    return executor.transactions().holdsConnection();
  }

  /** Whether this thread is in a transaction of this repo, Ecto's {@code Repo.in_transaction?/0}. */
  public boolean inTransaction() {
    return executor.transactions().active();
  }

  // ---------------------------------------------------------------- bulk operations and query tools

  /**
   * This repo on the same connections, with tables that a query does not prefix read in the
   * PostgreSQL schema {@code prefix}, Ecto's {@code prefix:} option; null for none. Queries,
   * bulk operations and the schemas' generated insert, get, update and delete all follow it; a
   * query's own {@code prefix(…)} wins.
   */
  public Repo withPrefix(String prefix) {
    return new Repo(executor.withPrefix(prefix), null, clock, hooks);
  }

  /** This repo's preloader, for a preload that moves to its parents' prefix. */
  Preloader preloader() {
    return preloader;
  }

  /** The default schema prefix of this repo's statements, if it has one. */
  public Optional<String> prefix() {
    return Optional.ofNullable(executor.prefix());
  }

  /**
   * Updates every row the query matches, Ecto's {@code Repo.update_all/3}, in one statement; the
   * query may have {@code where}, inner joins and CTEs. Returns how many rows changed.
   *
   * <pre>{@code
   * repo.updateAll(Posts.query().where(Posts.ID.eq(id)),
   *     Update.set(Posts.PUBLISHED, true), Update.set(Posts.PUBLISHED_AT, Functions.now()));
   * }</pre>
   */
  public long updateAll(Query<?> query, Update... updates) {
    return BulkWrites.updateAll(executorFor(Operation.UPDATE_ALL), prepared(Operation.UPDATE_ALL, query),
        List.of(updates));
  }

  /** Like {@link #updateAll}, returning the updated rows as the query selects them ({@code RETURNING}). */
  public <T> List<T> updateAllReturning(Query<T> query, Update... updates) {
    return BulkWrites.updateAllReturning(executorFor(Operation.UPDATE_ALL), prepared(Operation.UPDATE_ALL, query),
        List.of(updates));
  }

  /** Deletes every row the query matches, Ecto's {@code Repo.delete_all/2}; returns how many. */
  public long deleteAll(Query<?> query) {
    return BulkWrites.deleteAll(executorFor(Operation.DELETE_ALL), prepared(Operation.DELETE_ALL, query));
  }

  /** Like {@link #deleteAll}, returning the deleted rows as the query selects them. */
  public <T> List<T> deleteAllReturning(Query<T> query) {
    return BulkWrites.deleteAllReturning(executorFor(Operation.DELETE_ALL), prepared(Operation.DELETE_ALL, query));
  }

  /**
   * Inserts many structs in one statement, Ecto's {@code Repo.insert_all/3}; returns how many rows
   * were inserted. As in Ecto, timestamps are not autogenerated: a row's null {@code inserted_at}
   * is written as null, unless {@link WriteOptions#timestamps()} asks for them; a missing UUID key
   * is generated (Ecto generates a {@code binary_id} too). Changesets and constraints are not
   * involved.
   */
  public <S> long insertAll(Table<S> table, List<S> rows) {
    return insertAll(table, rows, WriteOptions.defaults());
  }

  /** Inserts many structs in one statement, with {@code onConflict} deciding about conflicting rows. */
  public <S> long insertAll(Table<S> table, List<S> rows, OnConflict onConflict) {
    return insertAll(table, rows, WriteOptions.defaults().onConflict(onConflict));
  }

  /** Like {@link #insertAll(Table, List, OnConflict)}, returning the rows inserted or updated. */
  public <S> List<S> insertAllReturning(Table<S> table, List<S> rows, OnConflict onConflict) {
    return insertAllReturning(table, rows, WriteOptions.defaults().onConflict(onConflict));
  }

  /**
   * {@code work} applied to the query's rows as a lazy {@link Stream}, Ecto's {@code Repo.stream/2}:
   * read over a server-side cursor in a transaction on one connection, 500 rows at a time, so memory
   * stays flat whatever the row count. The stream is only valid inside {@code work}.
   *
   * <p>On a repo {@link #withReplicas(Replicas) with replicas}, a stream outside a transaction reads a replica,
   * as the other reads do, in a read-only transaction of that connection alone: statements
   * {@code work} runs meanwhile run outside any transaction (a write commits on the primary by
   * itself). Inside {@code repo.transaction(…)} it reads the primary, in that transaction.
   *
   * <p>The query's preloads are loaded one batch of {@code fetchSize} rows at a time, on the same
   * connection: each struct comes with its associations, in the query's order. Ecto refuses
   * preloads on a stream; ecto4j refuses only join-preloads ({@code preload(association, alias)}),
   * which would need all of a parent's rows at once.
   *
   * <pre>{@code
   * long words = repo.stream(Posts.query(), posts -> posts.mapToLong(p -> p.body().split(" ").length).sum());
   * }</pre>
   */
  public <T, R> R stream(Query<T> query, Function<Stream<T>, R> work) {
    return stream(query, 500, work);
  }

  /** Like {@link #stream(Query, Function)}, fetching {@code fetchSize} rows per round trip. */
  public <T, R> R stream(Query<T> given, int fetchSize, Function<Stream<T>, R> work) {
    Query<T> query = prepared(Operation.STREAM, given);
    if (fetchSize < 1) {
      throw new IllegalArgumentException("fetchSize must be at least 1, got " + fetchSize);
    }
    QueryInternals queries = Internals.query();
    if (queries.joinPreloads(query)) {
      throw new IllegalArgumentException("preloads are not supported on streams when they are join-preloads:"
          + " a join-preload folds all the rows of a parent into one struct, and a stream never holds them all;"
          + " preload with a separate query instead (query.preload(association)), which a stream loads"
          + " one batch at a time, in query:\n\n" + query);
    }
    List<Preloadable<T>> preloads = queries.preloads(query);
    Function<Stream<T>, R> body = preloads.isEmpty() ? work
        : rows -> work.apply(Streams.batched(rows, fetchSize, batch -> preloader.preload(batch, preloads)));
    Executor reading = executorFor(Operation.STREAM);
    RowReader<T> rows = queries.reader(query);
    String prefix = readPrefix(query, reading);
    String source = queries.customSource(query);
    RowReader<T> reader = prefix == null && source == null ? rows
        : row -> LoadedStructs.loaded(rows.read(row), source, prefix);
    return reading.stream(query.toSql(), fetchSize, reader, body);
  }

  // ---------------------------------------------------------------- telemetry and SQL helpers

  /**
   * This repo on the same connections and transactions, with {@code telemetry} on the events of
   * its statements: Ecto's per-call {@code :telemetry_event}, {@code :telemetry_options} and
   * {@code :stacktrace}, e.g. {@code repo.withTelemetry(TelemetryOptions.defaults().options(Map.of("page", "feed"))).all(q)}.
   * The view is one small object, so it may be made per call.
   */
  public Repo withTelemetry(TelemetryOptions telemetry) {
    return new Repo(executor.withTelemetry(Objects.requireNonNull(telemetry, "telemetry")), null, clock, hooks);
  }

  /**
   * Whether a table named {@code table} exists in this repo's prefix, or else in the connection's
   * current schema, Ecto's {@code Ecto.Adapters.SQL.table_exists?/2}.
   */
  public boolean tableExists(String table) {
    Objects.requireNonNull(table, "table");
    return !executor.execute(TABLE_EXISTS, Arrays.asList(table, executor.prefix()), row -> Boolean.TRUE).isEmpty();
  }

  private static final String TABLE_EXISTS = "SELECT true FROM information_schema.tables"
      + " WHERE table_name = ? AND table_schema = coalesce(?::text, current_schema()) LIMIT 1";

  /**
   * Runs SQL written by hand as {@link #query} does, and returns what the driver read, columns
   * and all: Ecto's {@code Repo.query!/2} result, for {@link #formatTable}.
   */
  public QueryResult queryResult(String sql, List<?> params) {
    return executor.execute(sql, params, (statement, hasRows) -> hasRows
        ? QueryResult.read(statement.getResultSet())
        : new QueryResult(List.of(), List.of(), Math.max(0, statement.getLargeUpdateCount())), QueryResult::numRows);
  }

  /**
   * A result drawn as Ecto's {@code Ecto.Adapters.SQL.format_table/1} draws it ("" for null):
   *
   * <pre>{@code
   * +---------------+---------+--------+
   * | title         | counter | public |
   * +---------------+---------+--------+
   * | my post title |       1 | NULL   |
   * +---------------+---------+--------+
   * }</pre>
   */
  public static String formatTable(QueryResult result) {
    return result == null ? "" : result.formatTable();
  }

  /** The SQL and parameters {@link #updateAll} would run, Ecto's {@code Repo.to_sql(:update_all, query)}. */
  public Sql toSqlUpdateAll(Query<?> query, Update... updates) {
    return executor.qualified(Internals.query().updateAll(query, List.of(updates), false));
  }

  /** The SQL and parameters {@link #deleteAll} would run, Ecto's {@code Repo.to_sql(:delete_all, query)}. */
  public Sql toSqlDeleteAll(Query<?> query) {
    return executor.qualified(Internals.query().deleteAll(query, false));
  }

  /**
   * PostgreSQL's plan for the query as text, Ecto's {@code Repo.explain(:all, query, analyze: …)};
   * with {@code analyze} the query runs, and the plan shows actual times and row counts.
   */
  public String explain(Query<?> query, boolean analyze) {
    return explain(query, Explain.options().analyze(analyze).format(Explain.Format.TEXT));
  }

  /** The plan as PostgreSQL's JSON ({@code FORMAT JSON}), for tools. */
  public String explainJson(Query<?> query, boolean analyze) {
    return explain(query, Explain.options().analyze(analyze).format(Explain.Format.JSON));
  }

  /**
   * PostgreSQL's plan for the query with every {@code EXPLAIN} option, Ecto's
   * {@code Repo.explain(:all, query, opts)}, in the format asked for (text by default). It runs
   * in a transaction (a savepoint inside one) that is rolled back, unless
   * {@code options.wrapInTransaction(false)}.
   *
   * <pre>{@code
   * repo.explain(Posts.query().where(Posts.TITLE.eq("x")), Explain.options().analyze(true).buffers(true));
   * }</pre>
   */
  public String explain(Query<?> query, Explain options) {
    return explainStatement(query.toSql(), options);
  }

  /**
   * The plan of {@link #updateAll}, Ecto's {@code Repo.explain(:update_all, …)}; with
   * {@code analyze} the update runs in a transaction that is rolled back, so no row changes.
   */
  public String explainUpdateAll(Query<?> query, Explain options, Update... updates) {
    return explainStatement(Internals.query().updateAll(query, List.of(updates), false), options);
  }

  /** The plan of {@link #deleteAll}, Ecto's {@code Repo.explain(:delete_all, …)}; rolled back like {@link #explainUpdateAll}. */
  public String explainDeleteAll(Query<?> query, Explain options) {
    return explainStatement(Internals.query().deleteAll(query, false), options);
  }

  private String explainStatement(Sql statement, Explain options) {
    Objects.requireNonNull(options, "options");
    if (options.genericPlan()) {
      return String.join("\n", genericPlan(executor.qualified(statement), options));
    }
    Sql explain = Internals.query().explain(statement, options);
    // ANALYZE runs the statement: a write must never run twice, so only a plain EXPLAIN may be retried.
    Supplier<List<String>> plan = options.analyze()
        ? () -> executor.write(explain, row -> row.getString(1))
        : () -> executor.read(explain, row -> row.getString(1));
    return String.join("\n", options.wrapInTransaction() ? rolledBack(plan) : plan.get());
  }

  /**
   * Ecto's {@code plan: :fallback_generic}: prepared, explained and deallocated on one connection.
   * It always runs in a rolled-back transaction, the only place {@code SET LOCAL} holds, which
   * changes nothing here since a generic plan cannot be analyzed (run).
   */
  private List<String> genericPlan(Sql statement, Explain options) {
    List<String> steps = Internals.query().explainGeneric(statement, options, "ecto4j_explain_" + EXPLAINS.incrementAndGet());
    return executor.transactions().checkout(() -> {
      List<String> plan;
      try {
        plan = rolledBack(() -> {
          executor.execute(steps.get(0), List.of(), row -> null);
          executor.execute(steps.get(1), List.of(), row -> null);
          return executor.execute(steps.get(2), List.of(), row -> row.getString(1));
        });
      } catch (RuntimeException e) {
        deallocate(steps.get(3), e);
        throw e;
      }
      deallocate(steps.get(3), null);
      return plan;
    });
  }

  private static final java.util.concurrent.atomic.AtomicLong EXPLAINS = new java.util.concurrent.atomic.AtomicLong();

  /** A prepared statement outlives the transaction: it is dropped after it, or after a failure as far as possible. */
  private void deallocate(String statement, RuntimeException failure) {
    try {
      executor.execute(statement, List.of(), row -> null);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /** {@code work}'s value, in a transaction (a savepoint inside one) that is then rolled back. */
  private <T> T rolledBack(Supplier<T> work) {
    Result<Object, T> undone = executor.transactions().savepoint(() -> {
      throw new Transactions.Rollback(work.get());
    });
    return ((Result.Err<Object, T>) undone).error();
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
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration socketTimeout = Duration.ofSeconds(60);
    private Duration checkoutTimeout = Duration.ofSeconds(30);
    private boolean tcpKeepAlive = true;
    private boolean transactionPooler;
    /** A password in a JDBC URL's parameters, which messages must not show. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");
    private Clock clock = Clock.systemUTC();
    private String prefix;
    private Hooks hooks = Hooks.NONE;
    private final List<io.ecto4j.telemetry.QueryListener> listeners = new java.util.ArrayList<>();

    /**
     * Default options per operation, Ecto's {@code default_options/1}: what a call leaves unset is
     * taken from {@code defaults.apply(operation)} (null for none). For reads and bulk operations
     * ({@code ALL}, {@code STREAM}, {@code UPDATE_ALL}, {@code DELETE_ALL}, {@code RELOAD}) the
     * prefix applies; preload queries run as {@code ALL}.
     *
     * <pre>{@code
     * Repo.builder().url(url).defaultOptions(op -> op == Repo.Operation.ALL
     *     ? WriteOptions.defaults().prefix("reporting") : null).build();
     * }</pre>
     */
    public Builder defaultOptions(Function<Operation, WriteOptions> defaults) {
      hooks = hooks.withDefaultOptions(defaults);
      return this;
    }

    /** Rewrites every query the repo runs, Ecto's {@code prepare_query/3}; see {@link QueryPreparer}. */
    public Builder prepareQuery(QueryPreparer preparer) {
      hooks = hooks.withPreparer(preparer);
      return this;
    }

    /** Adjusts the options of every transaction, Ecto's {@code prepare_transaction/2}; see {@link TransactionPreparer}. */
    public Builder prepareTransaction(TransactionPreparer preparer) {
      hooks = hooks.withTransactionPreparer(preparer);
      return this;
    }

    private Builder() {}

    /** Tells {@code listener} about every statement; see {@link Repo#withListener}. */
    public Builder listener(io.ecto4j.telemetry.QueryListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

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

    /**
     * How long opening a connection to PostgreSQL may take (pgjdbc's {@code connectTimeout}); 10 s
     * by default. A server that is down or unreachable then fails a call in seconds, not after the
     * operating system's TCP timeout of minutes. Whole seconds, rounded up.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = wholeSeconds("connectTimeout", timeout);
      return this;
    }

    /**
     * How long the client waits for any answer from PostgreSQL before it gives up on the
     * connection (pgjdbc's {@code socketTimeout}); 60 s by default, {@link Duration#ZERO} for
     * never. This is what bounds a call to a hung server, a frozen backend or a network that
     * dropped without a reset, where no server-side timeout can help: the call fails with
     * {@link ClientTimeoutException} naming the statement, and the connection is discarded. Keep
     * it above the longest statement you run: a transaction whose {@code statementTimeout} is
     * longer raises it for its own connection. Whole seconds, rounded up.
     */
    public Builder socketTimeout(Duration timeout) {
      this.socketTimeout = wholeSeconds("socketTimeout", timeout);
      return this;
    }

    /**
     * How long a call waits for a free connection when all {@link #maximumPoolSize} are in use
     * (HikariCP's {@code connectionTimeout}); 30 s by default, at least 250 ms.
     */
    public Builder checkoutTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 250) {
        throw new IllegalArgumentException("checkoutTimeout must be at least 250 ms (HikariCP's minimum), got " + timeout);
      }
      this.checkoutTimeout = timeout;
      return this;
    }

    /**
     * Whether the operating system probes idle connections (TCP keepalive), so that one whose
     * peer vanished is noticed and closed; on by default.
     */
    public Builder tcpKeepAlive(boolean on) {
      this.tcpKeepAlive = on;
      return this;
    }

    /** The clock timestamps are taken from; the system's UTC clock by default. */
    /**
     * The URL is a pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}), which
     * gives each transaction, and each statement outside one, whichever server connection is free:
     * the repo then uses no server-side prepared statements ({@code prepareThreshold=0}) and refuses
     * {@link Repo#checkout} (it would need one session). Migrations need a direct connection; see
     * docs/scaling.md.
     */
    public Builder transactionPooler(boolean pooled) {
      this.transactionPooler = pooled;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The PostgreSQL schema that tables default to, Ecto's {@code prefix:}: every statement of the
     * repo reads {@code "prefix"."posts"} unless a query sets its own. None by default.
     */
    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** pgjdbc takes these timeouts in whole seconds; a fraction rounds up, never down to "none". */
    private static Duration wholeSeconds(String name, Duration timeout) {
      Objects.requireNonNull(timeout, name);
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + timeout);
      }
      long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
      if (seconds > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " is too long: " + timeout);
      }
      return Duration.ofSeconds(seconds);
    }

    /**
     * Starts the pool, which opens its first connection now, so that a wrong URL or a server that
     * is down or silent fails here, within the connect and socket timeouts.
     */
    private HikariDataSource open(HikariConfig config) {
      try {
        return new HikariDataSource(config);
      } catch (HikariPool.PoolInitializationException e) {
        if (e.getCause() instanceof SQLException cause) {
          throw new NoConnectionException("connecting to " + PASSWORD.matcher(url).replaceAll("$1***"), cause);
        }
        throw e;
      }
    }

    public Repo build() {
      HikariDataSource pool = openPool();
      return buildOn(pool, pool);
    }

    /**
     * The pool these options describe, open: its first connection is made now. Tenants opens one
     * per tenant database when that tenant is first used.
     */
    HikariDataSource openPool() {
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("a repo needs a JDBC URL: Repo.builder().url(\"jdbc:postgresql://…\")");
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setUsername(username);
      config.setPassword(password);
      config.setMaximumPoolSize(maximumPoolSize);
      config.setPoolName(poolName);
      config.setConnectionTimeout(checkoutTimeout.toMillis());
      // Driver properties; a parameter of the same name in the URL wins over them.
      config.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeout.getSeconds()));
      config.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeout.getSeconds()));
      config.addDataSourceProperty("tcpKeepAlive", String.valueOf(tcpKeepAlive));
      if (transactionPooler) {
        // A named server-side statement lives on one server connection; the pooler hands out another.
        config.addDataSourceProperty("prepareThreshold", "0");
      }
      return open(config);
    }

    /**
     * A repo with these options (prefix, listeners, hooks, clock, pooler) on {@code dataSource},
     * closing {@code owned} when it is closed (null: nothing). Tenants builds its repos so, on a
     * data source that finds the tenant's pool, opening it again after an eviction.
     */
    Repo buildOn(DataSource dataSource, HikariDataSource owned) {
      Executor executor = new Executor(dataSource).withPrefix(prefix);
      for (io.ecto4j.telemetry.QueryListener listener : listeners) {
        executor = executor.withListener(listener);
      }
      return new Repo(transactionPooler ? executor.behindTransactionPooler() : executor, owned, clock, hooks);
    }
  }
}
