package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.meta.Table;
import io.ecto4j.type.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset pagination: the condition that keeps the rows after (or before) a cursor in a query's
 * order, the values of its order terms on the last row seen. With every term in one direction it
 * is one row-value comparison, {@code (a, b) > (?, ?)}, which a B-tree index on {@code (a, b)}
 * answers by one range scan; with mixed directions it is {@code a >= ? AND (a > ? OR a = ? AND b < ?)},
 * whose leading bound still narrows an index on {@code (a, b DESC)}.
 *
 * <p>NULLs are refused rather than handled: a nullable field among the terms, or a null cursor
 * value, would make the comparison NULL and silently skip rows. The order must also be total (end
 * with the primary key when the source has one), or rows tied at a page's edge would be lost.
 */
final class Keyset {
  private Keyset() {}

  /** The cursor of {@code row}: the values of {@code query}'s order terms, read from the struct. */
  static List<Object> cursorOf(Query<?> query, Object row) {
    if (row == null) {
      throw new IllegalArgumentException("after/before was given a null row; pass the last row of the previous page");
    }
    Table<?> table = query.source();
    if (!(query.selection() instanceof SelectClause.WholeRow<?> whole) || !(whole.source() instanceof Source.OfTable)
        || !whole.merges().isEmpty()) {
      throw new IllegalArgumentException("after(row)/before(row) reads the cursor from a whole struct of the query's"
          + " schema, but " + query + " selects " + inspect(query) + "; pass the order's values with"
          + " afterValues(…)/beforeValues(…)");
    }
    List<Object> values = new ArrayList<>();
    for (Order term : terms(query)) {
      if (!(term.expression() instanceof Field<?, ?> field) || field.table() != table) {
        throw new IllegalArgumentException("after(row)/before(row) reads each order term from the row, but " + term
            + " is not a field of " + table.schemaName() + "; pass the order's values with afterValues(…)/beforeValues(…)");
      }
      values.add(read(field, row));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static <S> Object read(Field<S, ?> field, Object row) {
    return field.get((S) row);
  }

  private static String inspect(Query<?> query) {
    String selection = query.selection() == null ? null : query.selection().inspect();
    return selection == null ? "whole rows of " + query.from.source().label() : selection;
  }

  /** The rows after ({@code before} false) or before the cursor {@code values} in {@code query}'s order. */
  static Condition condition(Query<?> query, List<Object> values, boolean before) {
    List<Order> terms = terms(query);
    if (values.size() != terms.size()) {
      throw new IllegalArgumentException("the cursor has " + values.size() + " value(s) but the order " + terms
          + " has " + terms.size() + " term(s); pass one value per term, in order");
    }
    List<Expression<?>> columns = new ArrayList<>();
    List<Expression<?>> bounds = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      Order term = terms.get(i);
      columns.add(term.expression());
      bounds.add(bound(term, values.get(i)));
      boolean forward = term.direction() == Order.Direction.ASC;
      operators.add(forward != before ? ">" : "<");
    }
    if (operators.stream().distinct().count() == 1) {
      return columns.size() == 1
          ? new Nodes.Compare(columns.get(0), operators.get(0), bounds.get(0))
          : new Row(columns).compare(operators.get(0), new Row(bounds));
    }
    Condition leading = new Nodes.Compare(columns.get(0), operators.get(0) + "=", bounds.get(0));
    return leading.and(expanded(columns, bounds, operators, 0));
  }

  /** {@code a > ? OR a = ? AND (rest)}: the rows past the cursor from term {@code at} on. */
  private static Condition expanded(List<Expression<?>> columns, List<Expression<?>> bounds, List<String> operators,
      int at) {
    Condition past = new Nodes.Compare(columns.get(at), operators.get(at), bounds.get(at));
    if (at == columns.size() - 1) {
      return past;
    }
    Condition tied = new Nodes.Compare(columns.get(at), "=", bounds.get(at));
    return past.or(tied.and(expanded(columns, bounds, operators, at + 1)));
  }

  /** The order terms, checked: present, total, and free of NULLs where that can be known. */
  private static List<Order> terms(Query<?> query) {
    List<Order> terms = query.clauses.orderBy();
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("keyset pagination (after/before) needs an order: call orderBy(…) first,"
          + " ending with a unique column such as the primary key; in: " + query);
    }
    if (query.clauses.distinct() != null && !query.clauses.distinct().on().isEmpty()) {
      throw new IllegalArgumentException("keyset pagination (after/before) follows orderBy(…) alone, but " + query
          + " also orders by its distinctOn terms");
    }
    for (Order term : terms) {
      requireComparable(term);
    }
    Table<?> table = query.source();
    List<? extends Field<?, ?>> key = table == null ? List.of() : table.primaryKeys();
    List<? extends Field<?, ?>> unordered = key.stream()
        .filter(part -> terms.stream().noneMatch(term -> fieldOf(term.expression()) == part)).toList();
    if (!unordered.isEmpty()) {
      throw new IllegalArgumentException("keyset pagination needs a total order, but " + terms + " can tie, and rows"
          + " tied at a page's edge would be skipped; end the order with the primary key, e.g. orderBy(…, "
          + String.join(", ", unordered.stream().map(part -> part + ".asc()").toList()) + ")");
    }
    return terms;
  }

  private static void requireComparable(Order term) {
    Expression<?> expression = term.expression();
    if (expression instanceof Nodes.SelectedRef<?>) {
      throw new IllegalArgumentException("keyset pagination cannot compare " + term + ": a selected alias cannot be"
          + " used in WHERE; order by the expression itself");
    }
    Field<?, ?> field = fieldOf(expression);
    if (field != null && field.isNullable()) {
      throw new IllegalArgumentException("keyset pagination cannot order by " + field + ", which may be NULL: a row"
          + " whose value is NULL would never come after the cursor and be skipped; declare the column not null,"
          + " or order by coalesce(" + field + ", …) and pass the cursor with afterValues(…)");
    }
  }

  /** The schema field an order term reads, directly or through an alias; null for other expressions. */
  private static Field<?, ?> fieldOf(Expression<?> expression) {
    return expression instanceof Field<?, ?> f ? f
        : expression instanceof Nodes.AliasField<?> aliased ? aliased.field() : null;
  }

  @SuppressWarnings("unchecked")
  private static Expression<?> bound(Order term, Object value) {
    FieldType<Object> type = (FieldType<Object>) term.expression().type();
    if (value == null) {
      throw new IllegalArgumentException("the cursor's value for " + term + " is null; keyset pagination cannot"
          + " continue after a NULL (it would match no row): order by non-null values");
    }
    Class<?> expected = type.javaType();
    if (!expected.isPrimitive() && !expected.isInstance(value)) {
      throw new IllegalArgumentException("the cursor's value for " + term + " is " + value + " ("
          + value.getClass().getName() + "), but the term is a " + expected.getName());
    }
    return new Param<>(type, value);
  }
}
