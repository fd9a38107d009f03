package io.ecto4j.query;

import io.ecto4j.meta.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders the bulk writes, Ecto's {@code update_all}, {@code delete_all} and {@code insert_all}:
 * the query's WHERE and inner joins select the rows, and its selection is the {@code RETURNING}
 * list when rows are asked for.
 */
final class WriteRenderer {
  /** PostgreSQL's protocol counts parameters in 16 bits. */
  static final int MAX_PARAMETERS = 65_535;

  private WriteRenderer() {}

  /** {@code UPDATE "t" AS p0 SET … [FROM joined] [WHERE …] [RETURNING …]}. */
  static void updateAll(SqlWriter w, Query<?> query, List<Update> updates, boolean returning) {
    if (updates.isEmpty()) {
      throw new IllegalArgumentException("updateAll needs at least one Update, e.g. Update.set(Posts.TITLE, \"x\")");
    }
    writable(query, "updateAll");
    Update.requireDistinctColumns(updates, query.from.rootKey(), query.from.source().table(), "updateAll");
    w.enter(query.from.prefix());
    try {
      QueryRenderer.bind(w, query);
      QueryRenderer.with(w, query);
      w.append("UPDATE ");
      target(w, query);
      FromClause from = query.from;
      w.append(" SET ").list(updates, (writer, update) -> update.render(writer, from.rootKey(), from.source().table()));
      joinedSources(w, query, " FROM ");
      joinedWhere(w, query);
      returning(w, query, returning);
    } finally {
      w.exit();
    }
  }

  /** {@code DELETE FROM "t" AS p0 [USING joined] [WHERE …] [RETURNING …]}. */
  static void deleteAll(SqlWriter w, Query<?> query, boolean returning) {
    writable(query, "deleteAll");
    w.enter(query.from.prefix());
    try {
      QueryRenderer.bind(w, query);
      QueryRenderer.with(w, query);
      w.append("DELETE FROM ");
      target(w, query);
      joinedSources(w, query, " USING ");
      joinedWhere(w, query);
      returning(w, query, returning);
    } finally {
      w.exit();
    }
  }

  /**
   * {@code [WITH placeholders] INSERT INTO "t" AS p0 (header) VALUES (…), (…) [ON CONFLICT …]
   * [RETURNING …]}: each row holds a value per header column, null for {@code DEFAULT} (a column
   * the row leaves out takes the database's default, as in Ecto), a {@link Placeholder}, or an
   * expression (a bound value, a scalar subquery). Placeholders are bound once, in a CTE, and
   * each use reads it; with no header, {@code VALUES (DEFAULT)} per row, as Ecto writes it.
   */
  static void insert(SqlWriter w, Source source, Table<?> table, List<String> header, List<List<Object>> rows,
      Map<String, Expression<?>> placeholders, OnConflict onConflict, Consumer<SqlWriter> returning) {
    long parameters = parameters(rows, placeholders);
    if (parameters > MAX_PARAMETERS) {
      throw new IllegalArgumentException("insertAll of " + rows.size() + " rows of " + header.size()
          + " columns needs " + parameters + " parameters, and PostgreSQL takes at most " + MAX_PARAMETERS
          + " per statement: insert in batches of at most " + (MAX_PARAMETERS / Math.max(1, header.size())) + " rows");
    }
    List<String> keys = new ArrayList<>(placeholders.keySet());
    into(w, source, table, writer -> withPlaceholders(writer, keys, placeholders), writer -> {
      if (header.isEmpty()) {
        writer.append(" VALUES ").list(rows, (each, row) -> each.append("(DEFAULT)"));
      } else {
        writer.append(" (").list(header, SqlWriter::identifier).append(") VALUES ");
        writer.list(rows, (each, row) -> each.append('(').list(row, (cell, value) -> value(cell, value, keys)).append(')'));
      }
    }, onConflict, returning);
  }

  /**
   * {@code INSERT INTO "t" AS p0 (header) SELECT u.c1, … FROM unnest(?::bigint[], …) WITH ORDINALITY
   * AS u (c1, …, n) ORDER BY u.n [ON CONFLICT …] [RETURNING …]}: the i-th array holds the i-th
   * header column's value of every row, and {@code columns} say how each is cast and read
   * ({@link UnnestInsert}). The ordinality keeps the rows in the list's order, so that keys from a
   * sequence and the {@code RETURNING} rows follow it as they do with {@code VALUES}; PostgreSQL
   * plans no sort for it, since a function scan comes out in that order.
   */
  static void insertUnnest(SqlWriter w, Source source, Table<?> table, List<String> header,
      List<UnnestColumn> columns, List<Param<?>> arrays, OnConflict onConflict, Consumer<SqlWriter> returning) {
    into(w, source, table, writer -> { }, writer -> {
      writer.append(" (").list(header, SqlWriter::identifier).append(") SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        writer.append(i == 0 ? "" : ", ").append(columns.get(i).value("u.c" + (i + 1)));
      }
      writer.append(" FROM unnest(");
      for (int i = 0; i < columns.size(); i++) {
        writer.append(i == 0 ? "" : ", ").param(arrays.get(i)).append("::").append(columns.get(i).arrayType());
      }
      writer.append(") WITH ORDINALITY AS u (");
      for (int i = 0; i < columns.size(); i++) {
        writer.append("c").append(String.valueOf(i + 1)).append(", ");
      }
      writer.append("n) ORDER BY u.n");
    }, onConflict, returning);
  }

  /**
   * {@code INSERT INTO "t" AS p0 (header) (SELECT …) [ON CONFLICT …] [RETURNING …]}, Ecto's
   * {@code insert_all(Post, query)}: the n-th header column takes the query's n-th selected value.
   * The SELECT is in parentheses, as Ecto writes it, which also keeps PostgreSQL from reading the
   * {@code ON} of {@code ON CONFLICT} as a join's.
   */
  static void insertSelect(SqlWriter w, Source source, Table<?> table, List<String> header, Query<?> query,
      OnConflict onConflict, Consumer<SqlWriter> returning) {
    into(w, source, table, writer -> { }, writer -> {
      writer.append(" (").list(header, SqlWriter::identifier).append(") (");
      QueryRenderer.select(writer, query);
      writer.append(')');
    }, onConflict, returning);
  }

  /** {@code [before] INSERT INTO "t" AS p0 [values] [ON CONFLICT …] [RETURNING …]}, in a scope of its own. */
  private static void into(SqlWriter w, Source source, Table<?> table, Consumer<SqlWriter> before,
      Consumer<SqlWriter> values, OnConflict onConflict, Consumer<SqlWriter> returning) {
    w.enter(null);
    try {
      w.bind(source, table, source.hint());
      String alias = w.root().alias();
      before.accept(w);
      w.append("INSERT INTO ");
      source.render(w);
      w.append(" AS ").append(alias);
      values.accept(w);
      onConflict.render(w, table, source);
      if (returning != null) {
        w.append(" RETURNING ");
        returning.accept(w);
      }
    } finally {
      w.exit();
    }
  }

  /** The CTE that binds each placeholder once, {@code WITH "ecto4j_placeholders" AS (SELECT ? AS "p0", …)}. */
  private static void withPlaceholders(SqlWriter w, List<String> keys, Map<String, Expression<?>> placeholders) {
    if (keys.isEmpty()) {
      return;
    }
    w.append("WITH ").identifier(PLACEHOLDERS).append(" AS (SELECT ");
    for (int i = 0; i < keys.size(); i++) {
      w.append(i == 0 ? "" : ", ").expression(placeholders.get(keys.get(i))).append(" AS ").identifier("p" + i);
    }
    w.append(") ");
  }

  private static final String PLACEHOLDERS = "ecto4j_placeholders";

  private static void value(SqlWriter w, Object value, List<String> placeholders) {
    if (value == null) {
      w.append("DEFAULT");
    } else if (value instanceof Placeholder placeholder) {
      int index = placeholders.indexOf(placeholder.key());
      if (index < 0) {
        throw new IllegalArgumentException("placeholder key \"" + placeholder.key() + "\" not found in "
            + placeholders + "; give its value with WriteOptions.defaults().placeholders(Map.of(\""
            + placeholder.key() + "\", value))");
      }
      w.append("(SELECT ").identifier("p" + index).append(" FROM ").identifier(PLACEHOLDERS).append(')');
    } else {
      w.expression((Expression<?>) value);
    }
  }

  private static long parameters(List<List<Object>> rows, Map<String, Expression<?>> placeholders) {
    long count = placeholders.size();
    for (List<Object> row : rows) {
      for (Object value : row) {
        if (value instanceof Param<?>) {
          count++;
        }
      }
    }
    return count;
  }

  private static void writable(Query<?> query, String operation) {
    Source source = query.from.source();
    if (!(source instanceof Source.OfTable) && !(source instanceof Source.Named)) {
      throw new IllegalArgumentException(operation + " writes to a table: query from a schema or a table name, not "
          + source.label());
    }
    if (source instanceof Source.OfTable t && !t.hints().isEmpty()
        || source instanceof Source.Named n && !n.hints().isEmpty()) {
      throw new IllegalArgumentException(operation + " cannot take table hints on the table it writes: " + query);
    }
    if (query.clauses.beyondWhere()) {
      throw new IllegalArgumentException(operation + " takes only where, inner joins and with (CTEs), as in"
          + " Ecto; remove the other clauses with exclude(…): " + query);
    }
    for (JoinClause join : query.from.joins()) {
      if (join.type() != JoinType.INNER || !join.joinsOneTable()) {
        throw new IllegalArgumentException(operation + " supports inner joins of one table (not many-to-many or through), got "
            + join.inspect(0));
      }
    }
  }

  private static void target(SqlWriter w, Query<?> query) {
    query.from.source().render(w);
    w.append(" AS ").append(w.root().alias());
  }

  /** The joined sources as a FROM/USING list; their ON conditions move to the WHERE. */
  private static void joinedSources(SqlWriter w, Query<?> query, String keyword) {
    List<JoinClause> joins = query.from.joins();
    for (int i = 0; i < joins.size(); i++) {
      w.append(i == 0 ? keyword : ", ");
      joins.get(i).fromItem(w);
    }
  }

  /** The joins' ON conditions and the query's WHERE, each an operand of the {@code AND} joining them. */
  private static void joinedWhere(SqlWriter w, Query<?> query) {
    Condition where = query.where;
    boolean filtered = where != null && where != Condition.TRUE;
    List<JoinClause> joins = query.from.joins();
    // a lone condition is the whole WHERE; several are operands of the AND that joins them
    Precedence and = joins.size() + (filtered ? 1 : 0) > 1 ? Precedence.AND : null;
    boolean first = true;
    for (JoinClause join : joins) {
      w.append(first ? " WHERE " : " AND ");
      join.condition(w, and, !first);
      first = false;
    }
    if (filtered && and == null) {
      w.append(" WHERE ");
      where.render(w);
    } else if (filtered) {
      w.append(" AND ").operand(where, and, true);
    }
  }

  private static void returning(SqlWriter w, Query<?> query, boolean returning) {
    if (returning) {
      w.append(" RETURNING ");
      query.requireSelection().render(w);
    }
  }
}
