package io.ecto4j.query;

import io.ecto4j.internal.Internals;
import io.ecto4j.meta.Association;
import io.ecto4j.meta.Field;
import io.ecto4j.meta.Preloadable;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An immutable, composable query, Ecto's {@code Ecto.Query}. Every method returns a new query, so
 * small functions can each take a query and return a refined one; nothing runs until a repo does.
 *
 * <pre>{@code
 * Query<PostStruct> q = Posts.query()
 *     .where(Posts.PUBLISHED.eq(true))
 *     .where(Posts.VIEW_COUNT.gt(100))
 *     .orderBy(Posts.INSERTED_AT.desc())
 *     .limit(10);
 * List<PostStruct> posts = repo.all(q);
 * List<Tuple2<String, Long>> counts = repo.all(Posts.query()
 *     .join(Posts.COMMENTS).groupBy(Posts.ID).select(Posts.TITLE, Aggregate.count(Comments.ID)));
 * }</pre>
 *
 * <p>Every value is a bound parameter, and every identifier comes from a compiled schema or a
 * developer's literal ({@code from("posts")}, {@code column("title", …)}), always quoted. The SQL
 * is rendered once per query value and kept, so a query held in a constant renders once; see
 * docs/queries.md for the whole DSL.
 *
 * @param <T> what each row becomes
 */
public final class Query<T> {
  static {
    Internals.register(new Bridge());
  }

  /** The clauses {@link #exclude} removes, Ecto's {@code exclude/2}. */
  public enum Clause {
    WHERE, JOIN, GROUP_BY, HAVING, WINDOW, ORDER_BY, LIMIT, OFFSET, DISTINCT, LOCK, PREFIX, WITH,
    /** Both kinds of preload, Ecto's {@code exclude(q, :preload)}: the separate-query ones and the join-preloads. */
    PRELOAD
  }

  final FromClause from;
  /**
   * The conditions joined so far, or null: apart from {@link #clauses} because nearly every query
   * built per call sets it, and a step that sets it then makes this query and nothing more.
   */
  final Condition where;
  final Clauses<T> clauses;
  private volatile Sql rendered;
  private volatile Sql renderedWithPrefix;

  private Query(FromClause from, Condition where, Clauses<T> clauses) {
    this.from = from;
    this.where = where;
    this.clauses = clauses;
  }

  private Query<T> withFrom(FromClause from) {
    return new Query<>(from, where, clauses);
  }

  private Query<T> withWhere(Condition where) {
    return new Query<>(from, where, clauses);
  }

  private Query<T> withClauses(Clauses<T> clauses) {
    return new Query<>(from, where, clauses);
  }

  /** The caller's select: refused when one was written already, Ecto's "only one select". */
  private <R> Query<R> firstSelect(SelectClause<R> selection) {
    if (clauses.selected()) {
      throw new IllegalStateException("only one select expression is allowed in query: " + this
          + " already selects " + clauses.select().inspect() + "; build the query once with the select you"
          + " want, or add to a struct or map selection with selectMerge(…)");
    }
    return reselect(selection, true);
  }

  private <R> Query<R> reselect(SelectClause<R> selection, boolean written) {
    if (clauses.select() instanceof SelectClause.JoinPreloaded<T> preloaded
        && !(selection instanceof SelectClause.JoinPreloaded<R>)) {
      throw new IllegalStateException(preloaded.inspect() + " needs the query to select structs, whole or with"
          + " selectFields(…); it would select " + selection.inspect() + ": select the structs with their"
          + " preloads, and pair them with other values after reading them");
    }
    if (!clauses.preloads().isEmpty() && !(selection instanceof SelectClause.WholeRow<R>)
        && !(selection instanceof SelectClause.JoinPreloaded<R>) && !(selection instanceof SelectClause.Partial<R>)) {
      throw new IllegalStateException("preload " + clauses.preloads() + " needs the query to select structs, whole"
          + " or with selectFields(…); it selects " + selection.inspect() + ": preload the selected structs with"
          + " repo.preload, or select them with selectFields(…)");
    }
    return new Query<>(from, where, clauses.withSelect(selection, written));
  }

  @SuppressWarnings("unchecked")
  private static <S> Query<S> start(Source source, Object key, String name, SelectClause<?> selection) {
    return new Query<>(FromClause.of(source, key, name), null, Clauses.selecting((SelectClause<S>) selection));
  }

  // ---------------------------------------------------------------- from

  /** All rows of {@code table} as structs; generated companions offer it as {@code Posts.query()}. */
  @SuppressWarnings("unchecked")
  public static <S> Query<S> from(Table<S> table) {
    Query<S> cached = (Query<S>) FROM_TABLE.get(Objects.requireNonNull(table, "table"));
    if (cached != null) {
      return cached;
    }
    Source.OfTable source = new Source.OfTable(table);
    Query<S> query = start(source, source, hint(table.name()), SelectClause.WholeRow.ofTable(source, table));
    if (FROM_TABLE.size() < MAX_KEPT_TABLES) {
      FROM_TABLE.putIfAbsent(table, query);
    }
    return query;
  }

  /**
   * The source of {@code table}'s rows: {@link #from(Table)}'s, kept once per table, so a join
   * through an association makes none per query built. A join binds it under a key of its own.
   */
  static Source.OfTable tableSource(Table<?> table) {
    return (Source.OfTable) from(table).from.source();
  }

  /**
   * Rows of {@code table}'s schema read from another table of the same columns, Ecto's
   * {@code from p in {"other_posts", Post}}: the structs it reads carry {@code source} in their
   * {@link io.ecto4j.meta.Meta#source()}, so that {@code repo.update}, {@code delete} and
   * {@code reload} of them go to that table too. Associations preload from their own tables.
   *
   * <pre>{@code
   * Optional<PostStruct> archived = repo.get(Query.from("archived_posts", Posts.SCHEMA), 42L);
   * archived.get().meta().source();                       // "archived_posts"
   * }</pre>
   *
   * <p>The table is a developer's literal, as in {@link #from(String)}: never build it from input.
   *
   * @throws IllegalArgumentException when {@code source} is null or blank
   */
  public static <S> Query<S> from(String source, Table<S> table) {
    Source.OfTable read = new Source.OfTable(Objects.requireNonNull(table, "table"), source, null, List.of());
    SqlWriter.quote(source);
    return start(read, read, hint(source), SelectClause.WholeRow.ofTable(read, table));
  }

  /**
   * {@link #from(Table)}'s query per table, built once: a query is immutable, and
   * {@code Posts.query()} starts most queries of an application, so it should not allocate. Its
   * source is its root's key, which is then shared by every query of that table; a key is looked
   * up in one SELECT level at a time (a subquery binds its own), so that is safe.
   */
  private static final ConcurrentHashMap<Table<?>, Query<?>> FROM_TABLE = new ConcurrentHashMap<>();
  private static final int MAX_KEPT_TABLES = 4096;

  /**
   * Rows of a table without schema, Ecto's {@code from p in "posts"}: name and type its columns
   * with {@link #column}, and {@code select} what to read, which is required.
   *
   * <pre>{@code
   * Expression<Boolean> published = Query.column("published", Types.BOOLEAN);
   * Query<String> titles = Query.from("posts").where(published.eq(true)).select(Query.column("title", Types.STRING));
   * }</pre>
   */
  public static Query<Void> from(String table) {
    Source.Named source = new Source.Named(table);
    return start(source, source, hint(table), null);
  }

  /** Rows of an aliased source, so that the root can be named: {@code Query.from(p).select(Tuple2::new, p, c)}. */
  public static <S> Query<S> from(Alias<S> alias) {
    Source source = alias.source();
    SelectClause<?> row = source.wholeRow();
    return start(source, alias, alias.name(), row);
  }

  /** Rows of a subquery, Ecto's {@code from s in subquery(q)}; its fields resolve by column name. */
  public static <S> Query<S> from(Query<S> subquery) {
    Source.Subquery source = new Source.Subquery(Objects.requireNonNull(subquery, "subquery"));
    return start(source, source, "s0", source.wholeRow());
  }

  /** Rows of a common table expression; the query carries its definition ({@code WITH}). */
  public static <S> Query<S> from(Cte<S> cte) {
    Source.CteRef source = new Source.CteRef(Objects.requireNonNull(cte, "cte"));
    Query<S> query = start(source, source, hint(cte.name()), source.wholeRow());
    return query.with(cte);
  }

  /**
   * Rows of a fragment, Ecto's {@code from f in fragment(…)} and {@code {fragment(…), Schema}}: the
   * fragment's schema's structs, a map of its declared columns, or (without either) what the
   * required {@code select} names with {@link #column}.
   *
   * <pre>{@code
   * Query<Map<String, Object>> series = Query.from(
   *     FragmentSource.withColumns(Map.of("x", Types.INTEGER), "generate_series(?, ?)", value(1), value(3)));
   * }</pre>
   */
  public static <S> Query<S> from(FragmentSource<S> fragment) {
    Source.OfFragment source = Objects.requireNonNull(fragment, "fragment").source();
    return start(source, source, "f0", source.wholeRow());
  }

  /**
   * Rows of a values list, Ecto's {@code from v in values(rows, types)}: one map per row, keyed by
   * column; name the columns with {@link #column} or through an {@link Alias}.
   */
  public static Query<Map<String, Object>> from(Values values) {
    Source.OfValues source = new Source.OfValues(Objects.requireNonNull(values, "values"));
    return start(source, source, "v0", source.wholeRow());
  }

  /**
   * A column of the query's first source named by the caller, for tables without schema and for
   * subqueries: {@code Query.column("published", Types.BOOLEAN)} is {@code p0."published"}.
   */
  public static <V> Expression<V> column(String name, FieldType<V> type) {
    SqlWriter.quote(name);
    return new Nodes.Column<>(null, name, Objects.requireNonNull(type, "type"));
  }

  private static String hint(String name) {
    return SqlWriter.aliasLetter(name) + "0";
  }

  /**
   * Table hints after the first source's alias, Ecto's {@code from(p in Post, hints: [...])}; on
   * PostgreSQL, {@code TABLESAMPLE}: {@code Posts.query().hints("TABLESAMPLE system_rows(10)")} is
   * {@code FROM "posts" AS p0 TABLESAMPLE system_rows(10)}. Each hint is a developer literal checked
   * as a fragment is (no {@code ?}, no {@code ;} or comment); later calls append, as in Ecto. A
   * joined table takes hints through {@link Alias#withHints}.
   */
  public Query<T> hints(String... hints) {
    return withFrom(from.withSource(from.source().withHints(hintFragments("hints", hints))));
  }

  /** {@code hints} checked as SQL text of their own; shared by {@link Alias#withHints}. */
  static List<Fragment<?>> hintFragments(String call, String... hints) {
    List<String> texts = Arguments.list(call, "hints", hints);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(call + " needs at least one hint, e.g. \"TABLESAMPLE system_rows(10)\"");
    }
    List<Fragment<?>> fragments = new ArrayList<>();
    for (String hint : texts) {
      fragments.add(Fragment.of(io.ecto4j.type.Types.ANY, hint));
    }
    return List.copyOf(fragments);
  }

  // ---------------------------------------------------------------- where, group, having

  /** Adds a condition, joined to earlier ones with {@code AND}. */
  public Query<T> where(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return withWhere(where == null ? condition : where.and(condition));
  }

  /** Adds a condition joined with {@code OR} to all earlier ones: {@code (earlier) OR condition}. */
  public Query<T> orWhere(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return withWhere(where == null ? condition : where.or(condition));
  }

  /** Appends {@code GROUP BY} terms. */
  public Query<T> groupBy(Expression<?>... expressions) {
    return withClauses(clauses.withGroupBy(appended(clauses.groupBy(), "groupBy", expressions)));
  }

  /**
   * Appends {@code GROUP BY} terms that name selected values, Ecto's {@code group_by: selected_as(:name)}:
   * {@code GROUP BY "name"}. The query must select them with {@link Functions#selectedAs}.
   */
  public Query<T> groupBy(SelectedAs<?>... selected) {
    List<Expression<?>> references = new ArrayList<>();
    for (SelectedAs<?> value : Arguments.list("groupBy", "selected", selected)) {
      references.add(value.reference());
    }
    return withClauses(clauses.withGroupBy(appended(clauses.groupBy(), "groupBy", references.toArray(new Expression<?>[0]))));
  }

  /** Adds a {@code HAVING} condition, joined to earlier ones with {@code AND}. */
  public Query<T> having(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    Condition having = clauses.having();
    return withClauses(clauses.withHaving(having == null ? condition : having.and(condition)));
  }

  /** Adds a {@code HAVING} condition joined with {@code OR} to earlier ones. */
  public Query<T> orHaving(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    Condition having = clauses.having();
    return withClauses(clauses.withHaving(having == null ? condition : having.or(condition)));
  }

  /**
   * Defines a window once under {@code name}, Ecto's {@code windows: [w: …]}: {@code WINDOW "w" AS (…)},
   * which window functions of this query's select and order use with {@code over("w")}.
   *
   * <pre>{@code
   * Posts.query().window("w", Window.partitionBy(Posts.AUTHOR_ID).orderBy(Posts.VIEW_COUNT.desc()))
   *     .select(Posts.TITLE, Functions.rank().over("w"), Aggregate.count().over("w"));
   * }</pre>
   *
   * <p>A name is defined once per query, as in Ecto; {@code exclude(Clause.WINDOW)} removes them all.
   */
  public Query<T> window(String name, Window window) {
    Window.Named named = new Window.Named(name, window);
    for (Window.Named defined : clauses.windows()) {
      if (defined.name().equals(name)) {
        throw new IllegalArgumentException("window with name " + name + " is already defined as " + defined.window()
            + " in " + this + "; give the new window another name");
      }
    }
    return withClauses(clauses.withWindows(appended(clauses.windows(), named)));
  }

  // ---------------------------------------------------------------- joins

  /** {@code INNER JOIN} through an association's keys, Ecto's {@code join: c in assoc(p, :comments)}. */
  public Query<T> join(Association<?, ?> association) {
    return addJoin(JoinClause.association(JoinType.INNER, association, null, null));
  }

  /** {@code INNER JOIN} through an association, bound to {@code as} so its fields can be named through it. */
  public <J> Query<T> join(Association<?, J> association, Alias<J> as) {
    return addJoin(JoinClause.association(JoinType.INNER, association, Objects.requireNonNull(as, "as"), null));
  }

  /** {@code LEFT OUTER JOIN} through an association. */
  public Query<T> leftJoin(Association<?, ?> association) {
    return addJoin(JoinClause.association(JoinType.LEFT, association, null, null));
  }

  /** {@code LEFT OUTER JOIN} through an association, bound to {@code as}. */
  public <J> Query<T> leftJoin(Association<?, J> association, Alias<J> as) {
    return addJoin(JoinClause.association(JoinType.LEFT, association, Objects.requireNonNull(as, "as"), null));
  }

  /** A join of any kind through an association; {@code as} may be null. */
  public <J> Query<T> join(JoinType type, Association<?, J> association, Alias<J> as) {
    return addJoin(JoinClause.association(type, association, as, null));
  }

  /**
   * {@code INNER JOIN} through an association's keys and {@code on} besides, Ecto's
   * {@code join: c in assoc(p, :comments), on: c.votes > 1}: {@code ON c1."post_id" = p0."id" AND c1."votes" > ?}.
   * Join-preloading such a join fills the association with the rows {@code on} keeps.
   */
  public <J> Query<T> join(Association<?, J> association, Alias<J> as, Condition on) {
    return join(JoinType.INNER, association, as, on);
  }

  /** {@code LEFT OUTER JOIN} through an association and {@code on} besides. */
  public <J> Query<T> leftJoin(Association<?, J> association, Alias<J> as, Condition on) {
    return join(JoinType.LEFT, association, as, on);
  }

  /** A join of any kind through an association and {@code on} besides; {@code as} may be null. */
  public <J> Query<T> join(JoinType type, Association<?, J> association, Alias<J> as, Condition on) {
    return addJoin(JoinClause.association(type, association, as, Objects.requireNonNull(on, "on")));
  }

  /** {@code INNER JOIN table ON condition}. */
  public Query<T> join(Table<?> table, Condition on) {
    return addJoin(JoinClause.on(JoinType.INNER, table, on));
  }

  /** {@code INNER JOIN} of an alias (a table, subquery or CTE) {@code ON condition}. */
  public Query<T> join(Alias<?> alias, Condition on) {
    return addJoin(JoinClause.on(JoinType.INNER, alias, on));
  }

  /** {@code LEFT OUTER JOIN table ON condition}. */
  public Query<T> leftJoin(Table<?> table, Condition on) {
    return addJoin(JoinClause.on(JoinType.LEFT, table, on));
  }

  /** {@code LEFT OUTER JOIN} of an alias {@code ON condition}. */
  public Query<T> leftJoin(Alias<?> alias, Condition on) {
    return addJoin(JoinClause.on(JoinType.LEFT, alias, on));
  }

  /** A join of any kind of a table; {@code on} is null for the cross joins. */
  public Query<T> join(JoinType type, Table<?> table, Condition on) {
    return addJoin(JoinClause.on(type, table, on));
  }

  /**
   * A join of any kind of an alias; {@code on} is null for the cross joins. The lateral kinds take a
   * subquery alias whose query may use the sources joined before it:
   * {@code join(JoinType.LEFT_LATERAL, Alias.of(latestComment, "lc"), Condition.TRUE)}.
   */
  public Query<T> join(JoinType type, Alias<?> alias, Condition on) {
    return addJoin(JoinClause.on(type, alias, on));
  }

  /** {@code CROSS JOIN table}. */
  public Query<T> crossJoin(Table<?> table) {
    return addJoin(JoinClause.on(JoinType.CROSS, table, null));
  }

  /** {@code CROSS JOIN} of an alias. */
  public Query<T> crossJoin(Alias<?> alias) {
    return addJoin(JoinClause.on(JoinType.CROSS, alias, null));
  }

  private Query<T> addJoin(JoinClause join) {
    List<JoinClause> joins = from.joins();
    boolean bound = join.key() == from.rootKey();
    for (int i = 0; i < joins.size() && !bound; i++) {
      bound = joins.get(i).key() == join.key();
    }
    if (bound) {
      throw new IllegalArgumentException("alias " + join.name() + " is already bound in this query;"
          + " make a second Alias to use the same source twice");
    }
    return withFrom(from.withJoins(appended(joins, join)));
  }

  // ---------------------------------------------------------------- preload

  /**
   * Associations the repo preloads on the rows, Ecto's {@code preload: [...]} in a query: after the
   * main statement, one more per association per level, keyed by {@code = ANY(?)}.
   *
   * <pre>{@code
   * repo.all(Posts.query().where(Posts.PUBLISHED.eq(true)).preload(Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER)));
   * }</pre>
   */
  @SafeVarargs
  public final Query<T> preload(Preloadable<T>... paths) {
    if (from.source() instanceof Source.OfFragment) {
      throw new IllegalArgumentException("cannot preload associations with a fragment source: " + this
          + " reads " + from.source().label() + "; select the structs, then repo.preload them");
    }
    return withClauses(clauses.withPreloads(appended(clauses.preloads(), "preload", paths)));
  }

  /**
   * Fills {@code association} from the columns of {@code joined}, an alias this query already
   * joins, Ecto's {@code join: a in assoc(p, :author), preload: [author: a]}: one statement, whose
   * rows the repo folds to one struct per parent (a to-many join repeats the parent's columns on
   * each child's row).
   *
   * <pre>{@code
   * Alias<UserStruct> a = Alias.of(Users.SCHEMA, "a");
   * repo.all(Posts.query().join(Posts.AUTHOR, a).where(a.field(Users.ACTIVE).eq(true)).preload(Posts.AUTHOR, a));
   * }</pre>
   */
  public <J> Query<T> preload(Association<T, J> association, Alias<J> joined) {
    return preload(JoinPreload.of(association, joined));
  }

  /**
   * As {@link #preload(Association, Alias)}, and fills associations of the joined structs from
   * further joined aliases, Ecto's {@code preload: [comments: {c, user: u}]}: still one statement.
   *
   * <pre>{@code
   * repo.all(Posts.query().leftJoin(Posts.COMMENTS, c).leftJoin(Comments.USER, u)
   *     .preload(Posts.COMMENTS, c, JoinPreload.of(Comments.USER, u)));
   * }</pre>
   */
  @SafeVarargs
  public final <J> Query<T> preload(Association<T, J> association, Alias<J> joined, JoinPreload<J, ?>... nested) {
    return preload(JoinPreload.of(association, joined, nested));
  }

  /**
   * Fills an association from a joined alias as {@code join} says: with nested join-preloads, or
   * reading only some fields of the joined structs ({@link JoinPreload#take}), Ecto's
   * {@code select: [:id, :title, comments: [:id, :body]]} over {@code preload: [comments: c]}.
   *
   * <pre>{@code
   * repo.all(Posts.query().join(Posts.COMMENTS, c).selectFields(Posts.ID, Posts.TITLE)
   *     .preload(JoinPreload.of(Posts.COMMENTS, c).take(Comments.ID, Comments.BODY)));
   * }</pre>
   */
  public Query<T> preload(JoinPreload<T, ?> join) {
    Objects.requireNonNull(join, "join");
    return reselect(SelectClause.JoinPreloaded.add(requireSelection(), join), clauses.selected());
  }

  /**
   * The separate-query preloads, in order, then those nested in join-preloads
   * ({@link JoinPreload#preload}); the repo runs them after the main statement.
   */
  @SuppressWarnings("unchecked")
  List<Preloadable<T>> preloads() {
    List<Preloadable<T>> own = (List<Preloadable<T>>) (List<?>) clauses.preloads();
    if (!(clauses.select() instanceof SelectClause.JoinPreloaded<T> preloaded)) {
      return own;
    }
    List<Preloadable<T>> all = new ArrayList<>(own);
    preloaded.joins().forEach(join -> join.separatePreloads().ifPresent(all::add));
    return all;
  }

  /** The rows as read, folded to one struct per parent if the query join-preloads; used by the repo. */
  List<T> assemble(List<T> rows) {
    return clauses.select() instanceof SelectClause.JoinPreloaded<T> preloaded ? preloaded.fold(rows) : rows;
  }

  // ---------------------------------------------------------------- select

  /** One value per row: {@code Posts.query().select(Posts.TITLE)} is a {@code Query<String>}. */
  public <V> Query<V> select(Selectable<V> item) {
    return firstSelect(SelectClause.Items.single(Arguments.list("select", "items", item).get(0)));
  }

  /** Two values per row, as a {@link Tuple2}: Ecto's {@code select: {p.title, count(c.id)}}. */
  public <A, B> Query<Tuple2<A, B>> select(Selectable<A> a, Selectable<B> b) {
    return items((v, row, at) -> new Tuple2<>(v.value(0, row, at), v.value(1, row, at)), a, b);
  }

  /** Three values per row, as a {@link Tuple3}. */
  public <A, B, C> Query<Tuple3<A, B, C>> select(Selectable<A> a, Selectable<B> b, Selectable<C> c) {
    return items((v, row, at) -> new Tuple3<>(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at)),
        a, b, c);
  }

  /** One value per row, through a constructor: {@code select(Title::new, Posts.TITLE)}. */
  public <A, R> Query<R> select(Function<? super A, ? extends R> constructor, Selectable<A> a) {
    return items((v, row, at) -> constructor.apply(v.value(0, row, at)), a);
  }

  /** Two values per row into your record: {@code select(TitleViews::new, Posts.TITLE, Posts.VIEW_COUNT)}. */
  public <A, B, R> Query<R> select(BiFunction<? super A, ? super B, ? extends R> constructor,
      Selectable<A> a, Selectable<B> b) {
    return items((v, row, at) -> constructor.apply(v.value(0, row, at), v.value(1, row, at)), a, b);
  }

  /** Three values per row into your record. */
  public <A, B, C, R> Query<R> select(Constructors.Of3<? super A, ? super B, ? super C, ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at)),
        a, b, c);
  }

  /** Four values per row into your record. */
  public <A, B, C, D, R> Query<R> select(
      Constructors.Of4<? super A, ? super B, ? super C, ? super D, ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c, Selectable<D> d) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at), v.value(3, row, at)),
        a, b, c, d);
  }

  /** Five values per row into your record. */
  public <A, B, C, D, E, R> Query<R> select(
      Constructors.Of5<? super A, ? super B, ? super C, ? super D, ? super E, ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c, Selectable<D> d, Selectable<E> e) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at), v.value(3, row, at), v.value(4, row, at)),
        a, b, c, d, e);
  }

  /** Six values per row into your record. */
  public <A, B, C, D, E, F, R> Query<R> select(
      Constructors.Of6<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c, Selectable<D> d, Selectable<E> e, Selectable<F> f) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at), v.value(3, row, at), v.value(4, row, at),
        v.value(5, row, at)),
        a, b, c, d, e, f);
  }

  /** Seven values per row into your record. */
  public <A, B, C, D, E, F, G, R> Query<R> select(
      Constructors.Of7<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? super G,
          ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c, Selectable<D> d, Selectable<E> e, Selectable<F> f,
      Selectable<G> g) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at), v.value(3, row, at), v.value(4, row, at),
        v.value(5, row, at), v.value(6, row, at)),
        a, b, c, d, e, f, g);
  }

  /** Eight values per row into your record. */
  public <A, B, C, D, E, F, G, H, R> Query<R> select(
      Constructors.Of8<? super A, ? super B, ? super C, ? super D, ? super E, ? super F, ? super G, ? super H,
          ? extends R> constructor,
      Selectable<A> a, Selectable<B> b, Selectable<C> c, Selectable<D> d, Selectable<E> e, Selectable<F> f,
      Selectable<G> g, Selectable<H> h) {
    return items((v, row, at) -> constructor.apply(
        v.value(0, row, at), v.value(1, row, at), v.value(2, row, at), v.value(3, row, at), v.value(4, row, at),
        v.value(5, row, at), v.value(6, row, at), v.value(7, row, at)),
        a, b, c, d, e, f, g, h);
  }

  /**
   * One map per row, keyed as given (in the map's iteration order), Ecto's
   * {@code select: %{title: p.title, views: p.view_count}}. Keys also name the columns
   * ({@code AS "title"}), so a subquery's map keys are the columns the outer query reads.
   */
  public Query<Map<String, Object>> select(Map<String, ? extends Selectable<?>> fields) {
    return firstSelect(SelectClause.Items.ofMap(fields, "select(Map)"));
  }

  /**
   * Structs with only {@code fields} read, Ecto's {@code select: struct(p, [:id, :title])}: the
   * statement selects those columns alone, and every other field of each struct keeps the value a
   * new struct has ({@code Table.newStruct()}: the declared default, else null, 0 or false), its
   * associations not loaded, as in Ecto. Nothing in the struct marks a field as not read, so use
   * the result where only those fields matter (a list of titles with their ids), not to update.
   */
  @SafeVarargs
  public final Query<T> selectFields(Field<T, ?>... fields) {
    List<Field<T, ?>> chosen = Arguments.list("selectFields", "fields", fields);
    SelectClause<T> selection = requireSelection();
    return firstSelect(selection instanceof SelectClause.JoinPreloaded<T> preloaded
        ? preloaded.withFields(chosen) : SelectClause.Partial.of(selection, chosen));
  }

  /**
   * One map per row of {@code fields}, keyed by their names, Ecto's {@code select: map(p, [:id, :title])}:
   * {@code {"id": 1, "title": "Hello"}}.
   */
  @SafeVarargs
  public final Query<Map<String, Object>> selectMap(Field<T, ?>... fields) {
    List<Field<T, ?>> chosen = SelectClause.Partial.of(requireSelection(),
        Arguments.list("selectMap", "fields", fields)).fields();
    return firstSelect(SelectClause.Items.ofFields(chosen));
  }

  /**
   * Ecto's {@code select_merge: map(p, fields)}: each of {@code fields} merged into a map selection
   * under its name (a key it has already takes the field's value), so merging a field twice selects
   * it once:
   *
   * <pre>{@code
   * Posts.query().select(Map.of("id", Posts.ID)).selectMergeMap(Posts.TITLE).selectMergeMap(Posts.BODY);
   * // SELECT p0."id" AS "id", p0."title" AS "title", p0."body" AS "body" FROM "posts" AS p0
   * }</pre>
   *
   * A query of whole structs becomes one of maps of every field its rows hold (Ecto's {@code select: p,
   * select_merge: map(p, [:title])}); one of some fields of its structs ({@link #selectFields}, Ecto's
   * {@code struct(p, fields)}) is refused, as Ecto refuses a binding taken as a struct and as a map.
   */
  public Query<Map<String, Object>> selectMergeMap(Field<?, ?>... fields) {
    List<Field<?, ?>> more = Arguments.list("selectMergeMap", "fields", fields);
    more.forEach(SqlWriter::requirePersisted);
    SelectClause<T> selection = requireSelection();
    if (selection instanceof SelectClause.Items<T> items && items.names() != null) {
      @SuppressWarnings("unchecked")
      SelectClause.Items<Map<String, Object>> map = (SelectClause.Items<Map<String, Object>>) items;
      for (Field<?, ?> field : more) {
        map = map.put(field.name(), field);
      }
      return reselect(map, true);
    }
    if (selection instanceof SelectClause.WholeRow<T> row && row.merges().isEmpty()) {
      return reselect(SelectClause.Items.ofFields(mapOfWholeStructs(row, more)), true);
    }
    throw new IllegalArgumentException(selection instanceof SelectClause.Partial<T>
        ? "cannot selectMergeMap(" + Rows.joined(more) + ") because the structs of " + from.source().label()
            + " were previously taken as a struct, " + selection.inspect() + ", and later as a map; take them as"
            + " a map from the start with selectMap(…)"
        : "selectMergeMap(" + Rows.joined(more) + ") merges into a map selection (select(Map.of(…)), selectMap(…))"
            + " or whole structs; this query selects " + selection.inspect());
  }

  /** Every field the whole structs of {@code row} hold, {@code more} (fields of them) included. */
  private static List<? extends Field<?, ?>> mapOfWholeStructs(SelectClause.WholeRow<?> row, List<Field<?, ?>> more) {
    StructRows structs = StructRows.of(row.source());
    for (Field<?, ?> field : more) {
      if (field.table() != structs.table()) {
        throw new IllegalArgumentException(field + " is not a field of " + structs.table().schemaName()
            + ", whose structs this query selects");
      }
    }
    // as Ecto's map take of a whole source: its query fields, and those named even if not loaded in queries
    return structs.fields().stream().filter(field -> field.isLoadedInQuery() || more.contains(field)).toList();
  }

  /**
   * Ecto's {@code select_merge} on a struct: each row's {@code field} is taken from {@code value}
   * — a computed value in place of the column, or a virtual field filled by the query.
   */
  public <V> Query<T> selectMerge(Field<T, V> field, Expression<V> value) {
    Objects.requireNonNull(value, "value");
    return selectMerge(field, value, null);
  }

  /**
   * As {@link #selectMerge(Field, Expression)}, the value selected under a name of its own that
   * {@code orderBy} and {@code groupBy} can use, Ecto's {@code select_merge: %{title: selected_as(…, :alias)}}:
   *
   * <pre>{@code
   * SelectedAs<String> upper = Functions.selectedAs(fragment(Types.TEXT, "upper(?)", Posts.TITLE), "upper_title");
   * Posts.query().selectMerge(Posts.TITLE, upper).orderBy(upper.desc());
   * }</pre>
   */
  public <V> Query<T> selectMerge(Field<T, V> field, SelectedAs<V> value) {
    Objects.requireNonNull(value, "value");
    return selectMerge(field, value.expression(), value.name());
  }

  private <V> Query<T> selectMerge(Field<T, V> field, Expression<V> value, String name) {
    if (!(clauses.select() instanceof SelectClause.WholeRow<T> row)) {
      throw new IllegalArgumentException("selectMerge(" + field + ", …) needs a query selecting whole structs");
    }
    return reselect(row.merge(field, value, name), true);
  }

  /**
   * Ecto's {@code select_merge: [:likes]}, a field list merged into a struct selection: a query
   * reading some fields of its structs ({@link #selectFields}) reads {@code fields} too, after those
   * it reads (a field read already stays where it is); one reading whole structs reads them already,
   * and stays as it is.
   *
   * <pre>{@code
   * Posts.query().selectFields(Posts.ID, Posts.TITLE).selectMergeFields(Posts.BODY);   // id, title, body
   * }</pre>
   */
  @SafeVarargs
  public final Query<T> selectMergeFields(Field<T, ?>... fields) {
    List<Field<T, ?>> more = Arguments.list("selectMergeFields", "fields", fields);
    SelectClause<T> selection = requireSelection();
    SelectClause<T> own = selection instanceof SelectClause.JoinPreloaded<T> preloaded ? preloaded.base() : selection;
    if (!(own instanceof SelectClause.Partial<T> partial)) {
      SelectClause.Partial.of(own, more); // checked as a take of whole structs, which reads them already
      return clauses.selected() ? this : reselect(selection, true);
    }
    List<Field<T, ?>> union = new ArrayList<>(partial.fields());
    more.stream().filter(field -> !union.contains(field)).forEach(union::add);
    return reselect(partial.withFields(selection, union), true);
  }

  /** Ecto's {@code select_merge} on a map selection: adds the entry, or replaces the key's value. */
  public Query<T> selectMerge(String key, Selectable<?> value) {
    SqlWriter.quote(key);
    if (!(clauses.select() instanceof SelectClause.Items<T> items)) {
      throw new IllegalArgumentException("selectMerge(\"" + key + "\", …) merges into a map selection,"
          + " select(Map.of(…)); this query selects whole rows");
    }
    return reselect(items.put(key, Objects.requireNonNull(value, "value")), true);
  }

  private <R> Query<R> items(SelectClause.Assembler<R> assembler, Selectable<?>... items) {
    return firstSelect(SelectClause.Items.of(Arguments.list("select", "items", items), null, assembler));
  }

  // ---------------------------------------------------------------- distinct, order, limit, lock

  /** {@code SELECT DISTINCT}. */
  public Query<T> distinct() {
    return withClauses(clauses.withDistinct(DistinctClause.ALL));
  }

  /** {@code SELECT DISTINCT ON (…)}; the terms also lead the ORDER BY (ascending). */
  public Query<T> distinctOn(Expression<?>... expressions) {
    List<Order> terms = new ArrayList<>();
    for (Expression<?> expression : Arguments.list("distinctOn", "expressions", expressions)) {
      terms.add(expression.asc());
    }
    return distinctOn(terms.toArray(new Order[0]));
  }

  /** {@code SELECT DISTINCT ON (…)} with the order each term leads the ORDER BY with. */
  public Query<T> distinctOn(Order... terms) {
    List<Order> on = Arguments.list("distinctOn", "terms", terms);
    if (on.isEmpty()) {
      throw new IllegalArgumentException("distinctOn needs at least one term");
    }
    return withClauses(clauses.withDistinct(new DistinctClause(on)));
  }

  /** Appends ordering terms after any earlier ones. */
  public Query<T> orderBy(Order... terms) {
    return withClauses(clauses.withOrderBy(appended(clauses.orderBy(), "orderBy", terms)));
  }

  /**
   * Puts ordering terms before any earlier ones, Ecto's {@code prepend_order_by/3}: for a query
   * built elsewhere whose order should now come second, e.g. pinned posts first:
   * {@code listing.prependOrderBy(Posts.PINNED.desc())}.
   */
  public Query<T> prependOrderBy(Order... terms) {
    return withClauses(clauses.withOrderBy(concatenated(Arguments.list("prependOrderBy", "terms", terms),
        clauses.orderBy())));
  }

  /** At most {@code count} rows; replaces an earlier limit. */
  public Query<T> limit(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + count);
    }
    return withClauses(clauses.withLimit(count));
  }

  /**
   * Keeps the rows that tie with the last one in the order, Ecto's {@code with_ties/2}:
   * {@code orderBy(Posts.VIEW_COUNT.desc()).limit(3).withTies()} is
   * {@code ORDER BY … FETCH FIRST ? ROWS WITH TIES}, the top three and any post with as many views
   * as the third. It needs a limit (a later {@code limit} drops it, as in Ecto) and an order.
   */
  public Query<T> withTies() {
    if (clauses.limit() == null) {
      throw new IllegalStateException("`withTies` can only be applied to queries containing a `limit`: " + this);
    }
    return withClauses(clauses.withTies(true));
  }

  /**
   * The query in the opposite order, Ecto's {@code reverse_order/1}: ascending terms become
   * descending and back, {@code NULLS FIRST} becomes {@code NULLS LAST}; a query without an order
   * is ordered by its primary key, descending.
   */
  public Query<T> reverseOrder() {
    if (clauses.orderBy().isEmpty()) {
      return withClauses(clauses.withOrderBy(primaryKey("reverseOrder").stream().map(Field::desc).toList()));
    }
    List<Order> reversed = new ArrayList<>();
    for (Order term : clauses.orderBy()) {
      reversed.add(term.reversed());
    }
    return withClauses(clauses.withOrderBy(List.copyOf(reversed)));
  }

  /**
   * The first row only, Ecto's {@code first/1}: {@code limit 1}, ordered by the primary key when
   * the query has no order. {@code repo.one(Posts.query().first())}.
   */
  public Query<T> first() {
    Query<T> ordered = clauses.orderBy().isEmpty()
        ? withClauses(clauses.withOrderBy(primaryKey("first").stream().map(Field::asc).toList())) : this;
    return ordered.limit(1);
  }

  /** The first row in the order of {@code terms}, appended to any order, Ecto's {@code first/2}. */
  public Query<T> first(Order... terms) {
    return orderBy(terms).first();
  }

  /**
   * The last row only, Ecto's {@code last/1}: the order reversed ({@link #reverseOrder}, by the
   * primary key descending when there is none) and {@code limit 1}.
   */
  public Query<T> last() {
    return reverseOrder().limit(1);
  }

  /** The last row in the order of {@code terms}, appended to any order, Ecto's {@code last/2}. */
  public Query<T> last(Order... terms) {
    return orderBy(terms).last();
  }

  /** The key's fields, all of a composite key's in order, as Ecto's {@code first} orders by every key field. */
  private List<? extends Field<?, ?>> primaryKey(String call) {
    Table<?> table = from.source().table();
    if (table == null) {
      throw new IllegalArgumentException(call + "() without an order orders by the primary key, which needs a"
          + " from expression with a schema; " + this + " reads " + from.source().label() + ": order it first");
    }
    if (table.primaryKeys().isEmpty()) {
      throw new IllegalArgumentException(call + "() without an order orders by"
          + " the primary key, but " + table.schemaName() + " has none: order the query first");
    }
    return table.primaryKeys();
  }

  /**
   * Keyset pagination: the rows that come after {@code row} in this query's order, the last row of
   * the previous page; the cursor is read from the row's fields. Much faster than {@code offset}
   * deep into a table, and stable while rows are inserted: with an index on the order's columns,
   * each page is one index range scan.
   *
   * <pre>{@code
   * Query<PostStruct> newest = Posts.query().orderBy(Posts.INSERTED_AT.desc(), Posts.ID.desc());
   * List<PostStruct> page = repo.all(newest.limit(20));
   * List<PostStruct> next = repo.all(newest.after(page.get(page.size() - 1)).limit(20));
   * // WHERE (p0."inserted_at", p0."id") < (?, ?) ORDER BY … — index: (inserted_at, id)
   * }</pre>
   *
   * <p>Every order term must be a field of this query's schema, never NULL (a nullable field is
   * refused), and the order must end with the primary key so that it is total. Call after
   * {@code orderBy}; mixed directions are handled. See docs/queries.md "Keyset pagination".
   */
  public Query<T> after(T row) {
    return where(Keyset.condition(this, Keyset.cursorOf(this, row), false));
  }

  /**
   * The rows that come before {@code row} in this query's order, the first row of the current
   * page. For the previous page, reverse the order and reverse the rows read:
   * {@code repo.all(q.before(first).reverseOrder().limit(20))}, then reversed.
   */
  public Query<T> before(T row) {
    return where(Keyset.condition(this, Keyset.cursorOf(this, row), true));
  }

  /**
   * As {@link #after(Object)}, with the cursor given as the order terms' values, in order: for an
   * order by expressions, joined fields or a selection that is not a whole struct, or a cursor kept
   * by a client. Each value must have its term's type and not be null.
   */
  public Query<T> afterValues(Object... values) {
    return where(Keyset.condition(this, Arrays.asList(Objects.requireNonNull(values, "values")), false));
  }

  /** As {@link #before(Object)}, with the cursor given as the order terms' values. */
  public Query<T> beforeValues(Object... values) {
    return where(Keyset.condition(this, Arrays.asList(Objects.requireNonNull(values, "values")), true));
  }

  /** Skips the first {@code count} rows; replaces an earlier offset. */
  public Query<T> offset(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + count);
    }
    return withClauses(clauses.withOffset(count));
  }

  /** Row locks: {@code lock(Lock.forUpdate().skipLocked())}; replaces an earlier lock. */
  public Query<T> lock(Lock lock) {
    Objects.requireNonNull(lock, "lock");
    return withClauses(clauses.withLock(lock));
  }

  // ---------------------------------------------------------------- combinations, CTEs, prefix

  /**
   * {@code (this) UNION (other)}: distinct rows of both. Each side keeps its own order and limit;
   * {@code orderBy}/{@code limit}/{@code where} on the result apply to the whole union (it is then
   * wrapped as a subquery, whose columns the first query's fields name).
   */
  public Query<T> union(Query<T> other) {
    return combine("UNION", other);
  }

  /** {@code (this) UNION ALL (other)}: all rows of both. */
  public Query<T> unionAll(Query<T> other) {
    return combine("UNION ALL", other);
  }

  /** {@code (this) INTERSECT (other)}. */
  public Query<T> intersect(Query<T> other) {
    return combine("INTERSECT", other);
  }

  /** {@code (this) INTERSECT ALL (other)}. */
  public Query<T> intersectAll(Query<T> other) {
    return combine("INTERSECT ALL", other);
  }

  /** {@code (this) EXCEPT (other)}: rows of this query that the other does not have. */
  public Query<T> except(Query<T> other) {
    return combine("EXCEPT", other);
  }

  /** {@code (this) EXCEPT ALL (other)}. */
  public Query<T> exceptAll(Query<T> other) {
    return combine("EXCEPT ALL", other);
  }

  private Query<T> combine(String operator, Query<T> other) {
    Objects.requireNonNull(other, "other");
    Query<?> first = isBareCombination() ? ((Source.Combination) from.source()).first() : this;
    Query<T> operand = other.selectingKeysInOrderOf(first);
    Source.Combination combination = isBareCombination()
        ? ((Source.Combination) from.source()).with(operator, operand)
        : new Source.Combination(this, List.of(new Source.Combination.Part(operator, operand)));
    Query<T> combined = start(combination, combination, "s0", combination.wholeRow());
    // Extending a bare union keeps its prefix and CTEs.
    return isBareCombination() ? combined.withFrom(combined.from.withPrefix(from.prefix()).withCtes(from.ctes()))
        : combined;
  }

  /**
   * This query, its map selection's entries in the order of {@code first}'s keys: the rows of a
   * combination are read by the first operand's keys, and PostgreSQL pairs columns by position.
   */
  private Query<T> selectingKeysInOrderOf(Query<?> first) {
    if (!(first.clauses.select() instanceof SelectClause.Items<?> firstItems)
        || !(clauses.select() instanceof SelectClause.Items<T> own)) {
      return this;
    }
    SelectClause.Items<T> ordered = own.inOrderOf(firstItems.names());
    return ordered == own ? this : new Query<>(from, where, clauses.withSelect(ordered, clauses.selected()));
  }

  /** Whether this is a combination with no clauses of its own, rendered as {@code (a) UNION (b)}. */
  boolean isBareCombination() {
    return from.source() instanceof Source.Combination && from.joins().isEmpty() && where == null
        && !clauses.beyondWhere() && clauses.select() instanceof SelectClause.WholeRow<T> row
        && row.merges().isEmpty();
  }

  /**
   * Adds a common table expression to this query's {@code WITH}, Ecto's {@code with_cte/3}; one
   * with the same name is replaced in its place, as Ecto replaces it.
   */
  public Query<T> with(Cte<?> cte) {
    Objects.requireNonNull(cte, "cte");
    List<Cte<?>> ctes = new ArrayList<>(from.ctes());
    for (int i = 0; i < ctes.size(); i++) {
      if (ctes.get(i).name().equals(cte.name())) {
        ctes.set(i, cte);
        return withFrom(from.withCtes(List.copyOf(ctes)));
      }
    }
    ctes.add(cte);
    return withFrom(from.withCtes(List.copyOf(ctes)));
  }

  /**
   * Runs the query in the PostgreSQL schema {@code prefix}, Ecto's {@code put_query_prefix/2}:
   * every table of it, its joins and its subqueries (unless they set their own) is read as
   * {@code "prefix"."table"}. Wins over a repo's default prefix.
   */
  public Query<T> prefix(String prefix) {
    SqlWriter.quote(prefix);
    return withFrom(from.withPrefix(prefix));
  }

  /** This query without the given clauses, Ecto's {@code exclude/2}. */
  public Query<T> exclude(Clause... excluded) {
    FromClause reads = from;
    Condition keeps = where;
    Clauses<T> refined = clauses;
    for (Clause clause : Arguments.list("exclude", "clauses", excluded)) {
      switch (clause) {
        case WHERE -> keeps = null;
        case JOIN -> reads = reads.withJoins(List.of());
        case GROUP_BY -> refined = refined.withGroupBy(List.of());
        case HAVING -> refined = refined.withHaving(null);
        case WINDOW -> refined = refined.withWindows(List.of());
        case ORDER_BY -> refined = refined.withOrderBy(List.of());
        case LIMIT -> refined = refined.withLimit(null);
        case OFFSET -> refined = refined.withOffset(null);
        case DISTINCT -> refined = refined.withDistinct(null);
        case LOCK -> refined = refined.withLock(null);
        case PREFIX -> reads = reads.withPrefix(null);
        case WITH -> reads = reads.withCtes(List.of());
        case PRELOAD -> refined = withoutPreloads(refined);
      }
    }
    return new Query<>(reads, keeps, refined);
  }

  /**
   * This query without its joins of the given kinds, Ecto's {@code exclude(q, :left_join)} and the
   * other join qualifiers: {@code exclude(JoinType.INNER)} drops the inner joins and the aliases
   * bound by them, and keeps every other join. {@link Clause#JOIN} drops them all.
   */
  public Query<T> exclude(JoinType... kinds) {
    List<JoinType> dropped = Arguments.list("exclude", "kinds", kinds);
    List<JoinClause> kept = from.joins().stream().filter(join -> !dropped.contains(join.type())).toList();
    return withFrom(from.withJoins(kept));
  }

  /** The clauses with neither preloads nor join-preloads; a join-preloading select reads whole rows again. */
  private static <T> Clauses<T> withoutPreloads(Clauses<T> clauses) {
    Clauses<T> refined = clauses.withPreloads(List.of());
    return refined.select() instanceof SelectClause.JoinPreloaded<T> preloaded
        ? refined.withSelect(preloaded.base(), refined.selected()) : refined;
  }

  /**
   * This query without the named windows {@code names}, Ecto's {@code exclude(q, {:windows, [:w]})};
   * a name the query does not define is refused, naming the ones it does.
   */
  public Query<T> excludeWindows(String... names) {
    List<String> removed = Arguments.list("excludeWindows", "names", names);
    List<Window.Named> kept = new ArrayList<>(clauses.windows());
    for (String name : removed) {
      if (!kept.removeIf(named -> named.name().equals(name))) {
        throw new IllegalArgumentException("excludeWindows(\"" + name + "\"): this query defines no window " + name
            + "; its windows are " + clauses.windows().stream().map(Window.Named::name).toList());
      }
    }
    return withClauses(clauses.withWindows(List.copyOf(kept)));
  }

  /**
   * {@code list} and then {@code more}, checked, as an immutable list; a query's first terms (the
   * common case: a query built per call) are {@code more} alone, with no copy in between.
   */
  private static <E> List<E> appended(List<? extends E> list, String call, E[] more) {
    return concatenated(list, Arguments.list(call, "terms", more));
  }

  /** {@code list} and then {@code one}, as an immutable list. */
  private static <E> List<E> appended(List<? extends E> list, E one) {
    return concatenated(list, List.of(one));
  }

  /** {@code first} and then {@code then}, immutable ones both: {@code then} itself when {@code first} is empty. */
  private static <E> List<E> concatenated(List<? extends E> first, List<E> then) {
    if (first.isEmpty()) {
      return then;
    }
    List<E> all = new ArrayList<>(first.size() + then.size());
    all.addAll(first);
    all.addAll(then);
    return List.copyOf(all);
  }

  // ---------------------------------------------------------------- rendering

  /** The schema whose fields resolve to this query's rows (its first source's), or null. */
  public Table<?> source() {
    return from.source().table();
  }

  Table<?> exposedTable() {
    return from.source().table();
  }

  SelectClause<T> selection() {
    return clauses.select();
  }

  /** How rows are read, by column position; used by the repo. */
  RowReader<T> reader() {
    return requireSelection().reader();
  }

  SelectClause<T> requireSelection() {
    SelectClause<T> select = clauses.select();
    if (select == null) {
      String what = from.source() instanceof Source.OfFragment ? "a fragment without schema or columns"
          : "a table without schema";
      throw new IllegalStateException("a query from " + from.source().label() + " (" + what + ") needs a"
          + " select, e.g. .select(Query.column(\"title\", Types.STRING)); in: " + this);
    }
    return select;
  }

  /** The {@code SELECT} this query runs, Ecto's {@code to_sql(:all, …)}; rendered once and kept. */
  public Sql toSql() {
    Sql sql = rendered;
    if (sql == null) {
      sql = QueryRenderer.statement(this, null);
      rendered = sql;
    }
    return sql;
  }

  /** The {@code SELECT} for tables that default to the schema {@code prefix}; the last one is kept. */
  Sql toSql(String defaultPrefix) {
    if (defaultPrefix == null) {
      return toSql();
    }
    Sql sql = renderedWithPrefix;
    if (sql == null || !defaultPrefix.equals(sql.defaultPrefix())) {
      sql = QueryRenderer.statement(this, defaultPrefix);
      renderedWithPrefix = sql;
    }
    return sql;
  }

  /** Ecto-style: {@code #Query<from p0 in "posts", where: Post.published = ^true, limit: 10>}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("#Query<");
    if (!from.ctes().isEmpty()) {
      text.append("with: ").append(from.ctes()).append(", ");
    }
    text.append("from ").append(from.rootName()).append(" in ").append(from.source().label());
    for (int i = 0; i < from.joins().size(); i++) {
      text.append(", ").append(from.joins().get(i).inspect(i + 1));
    }
    Clauses<T> c = clauses;
    part(text, "where", where);
    part(text, "group_by", c.groupBy().isEmpty() ? null : c.groupBy());
    part(text, "having", c.having());
    part(text, "windows", c.windows().isEmpty() ? null : c.windows());
    part(text, "distinct", c.distinct());
    part(text, "select", c.select() == null ? null : c.select().inspect());
    part(text, "order_by", c.orderBy().isEmpty() ? null : c.orderBy());
    part(text, "limit", c.limit());
    part(text, "with_ties", c.withTies() ? true : null);
    part(text, "offset", c.offset());
    part(text, "lock", c.lock() == null ? null : "\"" + c.lock() + "\"");
    part(text, "prefix", from.prefix() == null ? null : "\"" + from.prefix() + "\"");
    part(text, "preload", c.preloads().isEmpty() ? null : c.preloads());
    return text.append('>').toString();
  }

  private static void part(StringBuilder text, String name, Object value) {
    if (value != null) {
      text.append(", ").append(name).append(": ").append(value);
    }
  }
}
