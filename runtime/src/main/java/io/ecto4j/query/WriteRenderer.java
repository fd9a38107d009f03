package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import java.util.List;

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

  /** {@code INSERT INTO "t" AS p0 (…) VALUES (…), (…) [ON CONFLICT …] [RETURNING …]}. */
  static <S> void insertAll(SqlWriter w, Table<S> table, List<Field<S, ?>> columns, List<S> rows,
      OnConflict onConflict, boolean returning) {
    long parameters = (long) rows.size() * columns.size();
    if (parameters > MAX_PARAMETERS) {
      throw new IllegalArgumentException("insertAll of " + rows.size() + " rows of " + columns.size()
          + " columns needs " + parameters + " parameters, and PostgreSQL takes at most " + MAX_PARAMETERS
          + " per statement: insert in batches of at most " + (MAX_PARAMETERS / columns.size()) + " rows");
    }
    Source.OfTable source = new Source.OfTable(table);
    w.enter(null);
    try {
      w.bind(source, table, table.name());
      String alias = w.root().alias();
      w.append("INSERT INTO ").table(table.name()).append(" AS ").append(alias).append(" (")
          .list(columns, (writer, field) -> writer.identifier(field.column())).append(") VALUES ");
      for (int r = 0; r < rows.size(); r++) {
        S row = rows.get(r);
        w.append(r == 0 ? "(" : ", (").list(columns, (writer, field) -> writer.param(value(field, row))).append(')');
      }
      onConflict.render(w, table, source);
      if (returning) {
        w.append(" RETURNING ");
        Rows.whole(w, alias, source, List.of());
      }
    } finally {
      w.exit();
    }
  }

  private static <S, V> Param<V> value(Field<S, V> field, S row) {
    return new Param<>(field.type(), field.get(row));
  }

  private static void writable(Query<?> query, String operation) {
    Source source = query.from.source();
    if (!(source instanceof Source.OfTable) && !(source instanceof Source.Named)) {
      throw new IllegalArgumentException(operation + " writes to a table: query from a schema or a table name, not "
          + source.label());
    }
    if (query.clauses.beyondWhere()) {
      throw new IllegalArgumentException(operation + " takes only where, inner joins and with (CTEs), as in"
          + " Ecto; remove the other clauses with exclude(…): " + query);
    }
    for (JoinClause join : query.from.joins()) {
      if (join.type() != JoinType.INNER || join.throughKey() != null) {
        throw new IllegalArgumentException(operation + " supports inner joins (not many-to-many), got "
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
    Condition where = query.clauses.where();
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
