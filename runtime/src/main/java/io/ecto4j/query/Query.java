package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * }</pre>
 *
 * @param <T> what each row becomes
 */
public final class Query<T> {
  private final Table<?> from;
  private final RowReader<T> reader;
  private final Condition filter;
  private final List<Order> orderBy;
  private final Integer limit;
  private final Integer offset;

  private Query(Table<?> from, RowReader<T> reader, Condition filter, List<Order> orderBy,
      Integer limit, Integer offset) {
    this.from = from;
    this.reader = reader;
    this.filter = filter;
    this.orderBy = orderBy;
    this.limit = limit;
    this.offset = offset;
  }

  /** All rows of {@code table} as structs; generated companions offer it as {@code Posts.query()}. */
  public static <S> Query<S> from(Table<S> table) {
    Objects.requireNonNull(table, "table");
    return new Query<>(table, row -> table.fromRow(row, 0), null, List.of(), null, null);
  }

  /** The table the query reads from. */
  public Table<?> source() {
    return from;
  }

  /** Adds a condition, joined to earlier ones with {@code AND}. */
  public Query<T> where(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new Query<>(from, reader, filter == null ? condition : filter.and(condition), orderBy, limit, offset);
  }

  /** Adds a condition joined with {@code OR} to all earlier ones: {@code (earlier) OR condition}. */
  public Query<T> orWhere(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new Query<>(from, reader, filter == null ? condition : filter.or(condition), orderBy, limit, offset);
  }

  /** Appends ordering terms after any earlier ones. */
  public Query<T> orderBy(Order... terms) {
    List<Order> combined = new ArrayList<>(orderBy);
    combined.addAll(List.of(terms));
    return new Query<>(from, reader, filter, List.copyOf(combined), limit, offset);
  }

  /** At most {@code count} rows; replaces an earlier limit. */
  public Query<T> limit(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + count);
    }
    return new Query<>(from, reader, filter, orderBy, count, offset);
  }

  /** Skips the first {@code count} rows; replaces an earlier offset. */
  public Query<T> offset(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + count);
    }
    return new Query<>(from, reader, filter, orderBy, limit, count);
  }

  /** How rows are read; used by the repo. */
  public RowReader<T> reader() {
    return reader;
  }

  /** {@code SELECT} of every column of the source, with the query's clauses. */
  public Sql toSql() {
    SqlWriter writer = SqlWriter.forQuery();
    String alias = writer.alias(from);
    writer.append("SELECT ");
    List<? extends Field<?, ?>> fields = from.fields();
    for (int i = 0; i < fields.size(); i++) {
      writer.append(i == 0 ? "" : ", ").append(alias).append(".").append(SqlWriter.quote(fields.get(i).column()));
    }
    return clauses(writer, alias).build();
  }

  /** {@code SELECT aggregate(…)}; a limited or offset query is aggregated as a subquery, as in Ecto. */
  public Sql toAggregateSql(Aggregate<?> aggregate) {
    SqlWriter writer = SqlWriter.forQuery();
    String alias = writer.alias(from);
    writer.append("SELECT ");
    aggregate.render(writer);
    if (limit == null && offset == null) {
      return whereClause(writer.append(" FROM ").append(SqlWriter.quote(from.name())).append(" AS ").append(alias))
          .build();
    }
    writer.append(" FROM (SELECT ").append(alias).append(".* FROM ").append(SqlWriter.quote(from.name()))
        .append(" AS ").append(alias);
    return clauses(writer, null).append(") AS ").append(alias).build();
  }

  /** {@code SELECT TRUE … LIMIT 1}, for {@code repo.exists}. */
  public Sql toExistsSql() {
    SqlWriter writer = SqlWriter.forQuery();
    String alias = writer.alias(from);
    writer.append("SELECT TRUE FROM ").append(SqlWriter.quote(from.name())).append(" AS ").append(alias);
    whereClause(writer);
    return writer.append(" LIMIT 1").build();
  }

  private SqlWriter clauses(SqlWriter writer, String alias) {
    if (alias != null) {
      writer.append(" FROM ").append(SqlWriter.quote(from.name())).append(" AS ").append(alias);
    }
    whereClause(writer);
    for (int i = 0; i < orderBy.size(); i++) {
      Order term = orderBy.get(i);
      writer.append(i == 0 ? " ORDER BY " : ", ").expression(term.expression())
          .append(term.direction() == Order.Direction.DESC ? " DESC" : "")
          .append(term.nulls() == Order.Nulls.DEFAULT ? "" : " NULLS " + term.nulls().name());
    }
    if (limit != null) {
      writer.append(" LIMIT ").param(new Param<>(Types.INTEGER, limit));
    }
    if (offset != null) {
      writer.append(" OFFSET ").param(new Param<>(Types.INTEGER, offset));
    }
    return writer;
  }

  private SqlWriter whereClause(SqlWriter writer) {
    return filter == null ? writer : writer.append(" WHERE ").node(filter.node());
  }

  /** Ecto-style: {@code #Query<from p0 in "posts", where: …, order_by: […], limit: 10>}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("#Query<from ")
        .append(Character.toLowerCase(from.name().charAt(0))).append("0 in \"").append(from.name()).append('"');
    if (filter != null) {
      text.append(", where: ").append(filter);
    }
    if (!orderBy.isEmpty()) {
      text.append(", order_by: ").append(orderBy);
    }
    if (limit != null) {
      text.append(", limit: ").append(limit);
    }
    if (offset != null) {
      text.append(", offset: ").append(offset);
    }
    return text.append('>').toString();
  }
}
