package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The statements a repo runs for a query, Ecto's {@code to_sql(:all | :update_all | :delete_all,
 * …)}; the repo reaches them through {@link io.ecto4j.internal.QueryInternals}. In application
 * code, {@code repo.toSql(query)} shows what runs. Each {@link Sql} can be rendered again for a repo's
 * default schema prefix ({@link Sql#withDefaultPrefix}).
 */
final class Statements {
  private Statements() {}

  /**
   * {@code SELECT aggregate(…)} over the query's rows, Ecto's {@code Repo.aggregate}: the query's
   * selection, preloads (separate and join) and ORDER BY are dropped, so a query written for
   * {@code repo.all} aggregates as it is. A query whose rows are cut or merged (distinct, limit,
   * offset) or locked is read as a subquery that keeps its own selection (only the root's columns
   * for a join-preload), so the aggregate sees exactly its rows, as in Ecto; over whole structs,
   * an aggregate of one of their fields selects that field alone in the subquery, as Ecto's
   * {@code aggregate(q, :count, :visits)} does, so {@code distinct} means distinct values of it. A {@code group_by}
   * is refused with Ecto's message: its rows are groups, which an aggregate would fold together.
   */
  static Sql aggregate(Query<?> query, Aggregate<?> aggregate) {
    Objects.requireNonNull(aggregate, "aggregate");
    Clauses<?> clauses = query.clauses;
    if (!clauses.groupBy().isEmpty()) {
      throw new IllegalArgumentException("cannot aggregate on query with group_by; to aggregate its groups,"
          + " aggregate a subquery of it: repo.aggregate(Query.from(query.select(…)), …), in query:\n\n" + query);
    }
    boolean wrap = clauses.distinct() != null || clauses.limit() != null || clauses.offset() != null
        || clauses.lock() != null;
    if (!wrap) {
      Query<?> rows = query.exclude(Query.Clause.ORDER_BY);
      return render(null, w -> select(w, rows, s -> s.expression(aggregate)));
    }
    boolean orderMatters = clauses.limit() != null || clauses.offset() != null
        || (clauses.distinct() != null && !clauses.distinct().on().isEmpty());
    Query<?> rows = orderMatters ? query : query.exclude(Query.Clause.ORDER_BY);
    Field<?, ?> operand = rootField(query, aggregate);
    Consumer<SqlWriter> inner = operand == null ? null : s -> s.column(s.root().alias(), operand.column());
    return render(null, w -> overSubquery(w, rows, s -> s.expression(aggregate), inner, null));
  }

  /**
   * The field of the query's own structs that {@code aggregate} aggregates, when the query selects
   * whole structs: the subquery then selects that field alone, as Ecto's {@code aggregate(q, :count,
   * :visits)} does, so a {@code distinct} counts distinct values of it, not distinct rows. Null when
   * the query selects values of its own (the subquery keeps them) or the operand is no such field.
   */
  private static Field<?, ?> rootField(Query<?> query, Aggregate<?> aggregate) {
    SelectClause<?> selection = query.clauses.select();
    boolean whole = selection instanceof SelectClause.WholeRow<?> || selection instanceof SelectClause.JoinPreloaded<?>;
    Table<?> root = query.from.source().table();
    if (whole && root != null && aggregate.operand() instanceof Field<?, ?> field && field.table() == root
        && field.isPersisted()) {
      return field;
    }
    return null;
  }

  /**
   * {@code SELECT 1 … LIMIT 1}: whether the query has any row, Ecto's {@code Repo.exists?}. As in
   * Ecto the selection, preloads and distinct are dropped and the ORDER BY is kept (with
   * {@code LIMIT 1} PostgreSQL can then walk the ordering's index); a limit of 0 stays 0. A
   * distinct with an offset is read as a subquery, since without the distinct other rows would
   * be skipped; a union and its siblings are read as a whole, so an {@code except} is answered
   * for its rows and not for its operands'.
   */
  static Sql exists(Query<?> query) {
    Clauses<?> clauses = query.clauses;
    if (clauses.distinct() != null && clauses.offset() != null) {
      Query<?> rows = query.exclude(Query.Clause.ORDER_BY);
      return render(null, w -> overSubquery(w, rows, s -> s.append("1"), null, 1));
    }
    Integer limit = clauses.limit();
    Query<?> first = query.exclude(Query.Clause.DISTINCT).limit(limit != null && limit == 0 ? 0 : 1);
    return render(null, w -> select(w, first, s -> s.append("1")));
  }

  /**
   * {@code SELECT selection FROM (rows) AS s0 [LIMIT outerLimit]}: {@code rows} keeps its own
   * clauses, and selects {@code inner} or, when null, its own selection (only the root's columns
   * of a join-preload).
   */
  private static void overSubquery(SqlWriter w, Query<?> rows, Consumer<SqlWriter> selection,
      Consumer<SqlWriter> inner, Integer outerLimit) {
    w.enter(null);
    try {
      String alias = w.bind(new Object(), rows.exposedTable(), "s");
      w.append("SELECT ");
      selection.accept(w);
      w.append(" FROM (");
      SelectClause<?> own = rows.requireSelection();
      SelectClause<?> columns = own instanceof SelectClause.JoinPreloaded<?> joined ? joined.base() : own;
      select(w, rows, inner != null ? inner : columns::render);
      w.append(") AS ").append(alias);
      if (outerLimit != null) {
        w.append(" LIMIT ").param(new Param<>(Types.INTEGER, outerLimit));
      }
    } finally {
      w.exit();
    }
  }

  /**
   * The query's SELECT with {@code selection} in place of its own, which is not even looked at:
   * a query with preloads, or without schema and select, is aggregated or tested as it is.
   */
  private static void select(SqlWriter w, Query<?> query, Consumer<SqlWriter> selection) {
    w.enter(query.from.prefix());
    try {
      QueryRenderer.bind(w, query);
      QueryRenderer.with(w, query);
      w.append("SELECT ");
      DistinctClause distinct = query.clauses.distinct();
      if (distinct != null) {
        distinct.render(w);
      }
      selection.accept(w);
      QueryRenderer.from(w, query);
      QueryRenderer.clauses(w, query);
    } finally {
      w.exit();
    }
  }

  /**
   * How the query's rows combine other queries' ({@code union}, {@code union_all}, {@code except},
   * …, as Ecto names them), by its first combination; null if they do not.
   */
  static String combination(Query<?> query) {
    if (!(query.from.source() instanceof Source.Combination combination)) {
      return null;
    }
    return combination.rest().get(0).operator().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
  }

  /** Whether the query fills associations from its joins, which needs all of a parent's rows at once. */
  static boolean joinPreloads(Query<?> query) {
    return query.clauses.select() instanceof SelectClause.JoinPreloaded<?>;
  }

  /** {@code UPDATE … SET …}, returning the query's selection when {@code returning}. */
  static Sql updateAll(Query<?> query, List<Update> updates, boolean returning) {
    return updateAll(query, List.copyOf(updates), returning, null);
  }

  private static Sql updateAll(Query<?> query, List<Update> updates, boolean returning, String prefix) {
    StatementCache.Kind kind = returning ? StatementCache.Kind.UPDATE_RETURNING : StatementCache.Kind.UPDATE;
    return StatementCache.statement(kind, query, updates, prefix, other -> updateAll(query, updates, returning, other));
  }

  /** {@code DELETE FROM …}, returning the query's selection when {@code returning}. */
  static Sql deleteAll(Query<?> query, boolean returning) {
    return deleteAll(query, returning, null);
  }

  private static Sql deleteAll(Query<?> query, boolean returning, String prefix) {
    StatementCache.Kind kind = returning ? StatementCache.Kind.DELETE_RETURNING : StatementCache.Kind.DELETE;
    return StatementCache.statement(kind, query, List.of(), prefix, other -> deleteAll(query, returning, other));
  }

  /**
   * One {@code INSERT} of every row's {@code columns}, with the conflict handling, returning the
   * {@code returning} fields' columns (none: null).
   */
  static <S> Sql insertAll(Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, List<Field<S, ?>> returning) {
    Objects.requireNonNull(onConflict, "onConflict");
    return insertAll(table.name(), table, columns, rows, onConflict, returning, null);
  }

  /**
   * {@link #insertAll} into {@code source}, a struct's {@code meta().source()}: the schema's own
   * table, or another of its columns (Ecto's custom source), whose insert is rendered each time, as
   * such writes are rare.
   */
  static <S> Sql insertInto(String source, Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, List<Field<S, ?>> returning) {
    Objects.requireNonNull(onConflict, "onConflict");
    return insertAll(source, table, columns, rows, onConflict, returning, null);
  }

  /**
   * The insert into {@code source} for the default schema {@code prefix}: one array per column
   * unnested into rows ({@link UnnestInsert}) where every column and value has an array form,
   * otherwise a multi-row {@code VALUES}. The text of either depends on the table, the columns, what
   * is returned and the conflict clause (and for {@code VALUES} the number of rows), not on the
   * values: unless the conflict clause binds values of its own, it is kept by those
   * ({@link StatementCache#insertText}), and a call with the same shape only makes its parameters.
   * Into another table than the schema's own (a custom source, rare) it is rendered each time.
   */
  private static <S> Sql insertAll(String source, Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, List<Field<S, ?>> returning, String prefix) {
    Function<String, Sql> again = other -> insertAll(source, table, columns, rows, onConflict, returning, other);
    if (!Source.OfTable.isOwn(table, source)) {
      return insertValues(new Source.OfTable(table, source, null, List.of()), table, columns, rows, onConflict,
          returning, prefix, again, null);
    }
    Sql unnest = UnnestInsert.statement(table, columns, rows, onConflict, returning, prefix, again);
    if (unnest != null) {
      return unnest;
    }
    StatementCache.InsertShape shape = StatementCache.InsertShape.of(table, columns, rows.size(), returning, prefix,
        onConflict);
    return insertValues(new Source.OfTable(table), table, columns, rows, onConflict, returning, prefix, again, shape);
  }

  /**
   * {@code INSERT … VALUES (?, …), (?, …)} into {@code target}, one parameter per value; its text
   * kept by {@code shape} (null: rendered each time).
   */
  private static <S> Sql insertValues(Source.OfTable target, Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, List<Field<S, ?>> returning, String prefix, Function<String, Sql> again,
      StatementCache.InsertShape shape) {
    String text = shape == null ? null : StatementCache.insertText(shape);
    if (text != null) {
      Param<?>[] params = new Param<?>[rows.size() * columns.size()];
      int next = 0;
      for (S row : rows) {
        for (Field<S, ?> field : columns) {
          params[next++] = param(field, row);
        }
      }
      return new Sql(text, params, prefix, again);
    }
    List<String> header = columns.stream().map(Field::column).toList();
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (S row : rows) {
      List<Object> cells = new ArrayList<>(columns.size());
      for (Field<S, ?> field : columns) {
        cells.add(param(field, row));
      }
      values.add(cells);
    }
    SqlWriter w = SqlWriter.forStatement(prefix);
    WriteRenderer.insert(w, target, table, header, values, Map.of(), onConflict, returningFields(returning));
    Sql sql = w.build(again);
    if (shape != null) {
      StatementCache.keepInsert(shape, sql.text());
    }
    return sql;
  }

  /**
   * One {@code INSERT INTO … (SELECT …)} of a schema's table, Ecto's {@code insert_all(Post, query)}:
   * the columns are the query's selection's ({@link InsertSelect#header}), the conflict handling
   * and the {@code returning} fields (none: null) as for rows.
   */
  static <S> Sql insertSelect(Table<S> table, Query<?> query, OnConflict onConflict, List<Field<S, ?>> returning) {
    Objects.requireNonNull(onConflict, "onConflict");
    List<String> header = InsertSelect.header(table, query);
    Source.OfTable source = new Source.OfTable(table);
    Consumer<SqlWriter> read = returningFields(returning);
    return render(null, w -> WriteRenderer.insertSelect(w, source, table, header, query, onConflict, read));
  }

  /** {@link #insertSelect(Table, Query, OnConflict, List)} into a table named by the caller; map keys are columns. */
  static Sql insertSelect(String table, Query<?> query, OnConflict onConflict, List<String> returning) {
    Objects.requireNonNull(onConflict, "onConflict");
    List<String> header = InsertSelect.header(null, query);
    header.forEach(SqlWriter::quote);
    Source.Named source = new Source.Named(table);
    Consumer<SqlWriter> read = returningColumns(returning);
    return render(null, w -> WriteRenderer.insertSelect(w, source, null, header, query, onConflict, read));
  }

  /** The RETURNING list of {@code fields}' columns of the statement's target; null for none. */
  static <S> Consumer<SqlWriter> returningFields(List<Field<S, ?>> fields) {
    return fields == null ? null : returningColumns(fields.stream().map(Field::column).toList());
  }

  private static Consumer<SqlWriter> returningColumns(List<String> columns) {
    if (columns == null) {
      return null;
    }
    List<String> read = List.copyOf(columns);
    return r -> r.list(read, (writer, column) -> writer.column(writer.root().alias(), column));
  }

  private static <S, V> Param<V> param(Field<S, V> field, S row) {
    V value = field.get(row);
    return new Param<>(field.type(), value, field.shown(value));
  }

  /**
   * One {@code INSERT} into a table named by the caller, without schema, Ecto's
   * {@code insert_all("posts_tags", rows)}: each row maps a column to an {@link Expression} (a
   * value bound with its type, a scalar subquery) or a {@link Placeholder}; a column a row leaves
   * out is {@code DEFAULT}. The header is every column any row names, in the order first named.
   */
  static Sql insertRows(String table, List<? extends Map<String, ?>> rows, Map<String, Expression<?>> placeholders,
      OnConflict onConflict, List<String> returning) {
    Objects.requireNonNull(onConflict, "onConflict");
    Source.Named source = new Source.Named(table);
    List<String> header = new ArrayList<>(new LinkedHashSet<>(rows.stream().flatMap(r -> r.keySet().stream()).toList()));
    header.forEach(SqlWriter::quote);
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (Map<String, ?> row : rows) {
      List<Object> cells = new ArrayList<>(header.size());
      for (String column : header) {
        cells.add(cell(table, column, row));
      }
      values.add(cells);
    }
    Map<String, Expression<?>> bound = new LinkedHashMap<>(placeholders);
    Consumer<SqlWriter> read = returningColumns(returning);
    return render(null, w -> WriteRenderer.insert(w, source, null, header, values, bound, onConflict, read));
  }

  /** A row's value for {@code column}: null (left out) is DEFAULT; a value must be an expression or a placeholder. */
  private static Object cell(String table, String column, Map<String, ?> row) {
    if (!row.containsKey(column)) {
      return null;
    }
    Object value = row.get(column);
    if (value instanceof Expression<?> || value instanceof Placeholder) {
      return value;
    }
    throw new IllegalArgumentException("insertAll into \"" + table + "\": the value of \"" + column + "\" is "
        + value + "; give a bound value, a subquery or a Placeholder");
  }

  /**
   * {@code EXPLAIN} of a statement with Ecto's options ({@link Explain#command()}). Parameters are
   * bound as for the statement itself, so the plan is the one its values get (Ecto's
   * {@code plan: :custom}).
   */
  static Sql explain(Sql statement, Explain options) {
    return new Sql(options.command() + statement.text(), statement.params(), statement.defaultPrefix(),
        prefix -> explain(statement.withDefaultPrefix(prefix), options));
  }

  /**
   * The generic plan of a statement, Ecto's {@code plan: :fallback_generic}: prepare it as
   * {@code name} with parameters of unknown type ({@code $1, $2, …}), force the generic plan for
   * the transaction, explain executing it with nulls, deallocate it. PostgreSQL 16's
   * {@code EXPLAIN (GENERIC_PLAN)} does the same in one statement; this works from version 12.
   */
  static List<String> explainGeneric(Sql statement, Explain options, String name) {
    int count = statement.params().size();
    String types = count == 0 ? "" : "( " + String.join(", ", Collections.nCopies(count, "unknown")) + " )";
    String nulls = count == 0 ? "" : "( " + String.join(", ", Collections.nCopies(count, "NULL")) + " )";
    return List.of("PREPARE " + name + types + " AS " + numbered(statement.text()),
        "SET LOCAL plan_cache_mode = force_generic_plan",
        options.command() + "EXECUTE " + name + nulls,
        "DEALLOCATE " + name);
  }

  /** The text with each {@code ?} placeholder outside quotes numbered as PostgreSQL's {@code $1, $2, …}. */
  private static String numbered(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int number = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '?') {
        out.append('$').append(++number);
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Renders {@code body} for {@code prefix}, and keeps it to render again for another prefix. */
  private static Sql render(String prefix, Consumer<SqlWriter> body) {
    SqlWriter w = SqlWriter.forStatement(prefix);
    body.accept(w);
    return w.build(other -> render(other, body));
  }
}
