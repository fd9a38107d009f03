package io.ecto4j.query;

import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The SQL functions and operators of queries, Ecto's {@code Ecto.Query.API}: pattern matching,
 * arithmetic, {@code coalesce}, date arithmetic, JSON paths, {@code fragment}, subqueries and
 * window functions. Import statically: {@code import static io.ecto4j.query.Functions.*;}.
 *
 * <pre>{@code
 * Posts.query()
 *     .where(like(Posts.TITLE, "%" + escapeLike(term) + "%"))
 *     .where(Posts.INSERTED_AT.gt(ago(7, Interval.DAY)))
 *     .orderBy(plus(Posts.VIEW_COUNT, 1).desc());
 * }</pre>
 *
 * <p>The signatures keep the types honest: {@code like} takes string expressions only, arithmetic
 * numbers only, and a {@code fragment} says which type it gives. Every value is a bound parameter.
 */
public final class Functions {
  private Functions() {}

  // ---------------------------------------------------------------- values

  /** A value bound as a parameter, as Ecto's {@code ^value}: {@code value(list, Types.list(Types.STRING))}. */
  public static <V> Expression<V> value(V value, FieldType<V> type) {
    return new Param<>(type, value);
  }

  /** A string parameter. */
  public static Expression<String> value(String value) {
    return new Param<>(Types.TEXT, value);
  }

  /** An integer parameter. */
  public static Expression<Integer> value(Integer value) {
    return new Param<>(Types.INTEGER, value);
  }

  /** A bigint parameter. */
  public static Expression<Long> value(Long value) {
    return new Param<>(Types.LONG, value);
  }

  /** A boolean parameter. */
  public static Expression<Boolean> value(Boolean value) {
    return new Param<>(Types.BOOLEAN, value);
  }

  /** A numeric parameter. */
  public static Expression<BigDecimal> value(BigDecimal value) {
    return new Param<>(Types.DECIMAL, value);
  }

  /** A timestamptz parameter. */
  public static Expression<Instant> value(Instant value) {
    return new Param<>(Types.INSTANT, value);
  }

  /** A double precision parameter. */
  public static Expression<Double> value(Double value) {
    return new Param<>(Types.DOUBLE, value);
  }

  /** A timestamp (without time zone) parameter, at microseconds. */
  public static Expression<LocalDateTime> value(LocalDateTime value) {
    return new Param<>(Types.LOCAL_DATE_TIME, value);
  }

  /** A timestamptz parameter from an offset date-time, at microseconds. */
  public static Expression<OffsetDateTime> value(OffsetDateTime value) {
    return new Param<>(Types.OFFSET_DATE_TIME, value);
  }

  /** A date parameter. */
  public static Expression<LocalDate> value(LocalDate value) {
    return new Param<>(Types.LOCAL_DATE, value);
  }

  /** A uuid parameter. */
  public static Expression<UUID> value(UUID value) {
    return new Param<>(Types.UUID_TYPE, value);
  }

  /** {@code (expression)::type}, Ecto's {@code type/2}: the cast is the type's own SQL name. */
  public static <V> Expression<V> cast(Expression<?> expression, FieldType<V> type) {
    return new Nodes.Cast<>(Objects.requireNonNull(expression, "expression"), Objects.requireNonNull(type, "type"));
  }

  // ---------------------------------------------------------------- text

  /** {@code expression LIKE pattern}; {@code %} and {@code _} in the pattern are wildcards. */
  public static Condition like(Expression<String> expression, String pattern) {
    return like(expression, value(Objects.requireNonNull(pattern, "pattern")));
  }

  /** {@code expression LIKE pattern}, with the pattern an expression. */
  public static Condition like(Expression<String> expression, Expression<String> pattern) {
    return new Nodes.Compare(expression, "LIKE", pattern);
  }

  /** {@code expression ILIKE pattern}: LIKE ignoring case. */
  public static Condition ilike(Expression<String> expression, String pattern) {
    return ilike(expression, value(Objects.requireNonNull(pattern, "pattern")));
  }

  /** {@code expression ILIKE pattern}, with the pattern an expression. */
  public static Condition ilike(Expression<String> expression, Expression<String> pattern) {
    return new Nodes.Compare(expression, "ILIKE", pattern);
  }

  /**
   * {@code text} with LIKE's wildcards escaped, to match it literally inside a pattern:
   * {@code like(Posts.TITLE, "%" + escapeLike(userInput) + "%")} finds titles containing it.
   */
  public static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '%' || c == '_') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  // ---------------------------------------------------------------- membership and rows

  /**
   * {@code operand IN (a, b, …)} over expressions, Ecto's {@code x in [p.a, p.b]}: the candidates
   * may be fields, computed values or bound values ({@code value(…)}); with none it is
   * {@link Condition#FALSE}, as Ecto's {@code x in []}. Over a list of values, {@code operand.in(list)}
   * binds one array instead; over an array column, {@code operand.in(Posts.TAGS)}.
   */
  @SafeVarargs
  public static <V> Condition in(Expression<V> operand, Expression<V>... candidates) {
    return inList(operand, List.copyOf(Arguments.list("in", "candidates", candidates)), false);
  }

  /** {@code operand NOT IN (a, b, …)} over expressions; with none it is {@link Condition#TRUE}. */
  @SafeVarargs
  public static <V> Condition notIn(Expression<V> operand, Expression<V>... candidates) {
    return inList(operand, List.copyOf(Arguments.list("notIn", "candidates", candidates)), true);
  }

  private static Condition inList(Expression<?> operand, List<Expression<?>> candidates, boolean negated) {
    Objects.requireNonNull(operand, "operand");
    if (candidates.isEmpty()) {
      return negated ? Condition.TRUE : Condition.FALSE;
    }
    return new Nodes.InList(operand, candidates, negated);
  }

  /**
   * A row value {@code (a, b, …)} to compare with another:
   * {@code row(Posts.INSERTED_AT, Posts.ID).gt(row(value(at), value(id)))} is {@code (…, …) > (?, ?)}.
   */
  public static Row row(Expression<?>... items) {
    return new Row(Arguments.list("row", "items", items));
  }

  /**
   * {@code expression} selected under {@code name}, Ecto's {@code selected_as/2}, so that
   * {@code orderBy} and {@code groupBy} can refer to it by name; see {@link SelectedAs}.
   */
  public static <V> SelectedAs<V> selectedAs(Expression<V> expression, String name) {
    return new SelectedAs<>(expression, name);
  }

  // ---------------------------------------------------------------- null handling and arithmetic

  /** {@code coalesce(expression, fallback)}: the fallback where the expression is NULL. */
  public static <V> Expression<V> coalesce(Expression<V> expression, V fallback) {
    return coalesce(expression, new Param<>(expression.type(), Objects.requireNonNull(fallback, "fallback")));
  }

  /** {@code coalesce(expression, fallback)} with an expression as the fallback. */
  public static <V> Expression<V> coalesce(Expression<V> expression, Expression<V> fallback) {
    return new Nodes.Call<>("coalesce", List.of(expression, fallback), expression.type());
  }

  /** {@code (left + right)}. */
  public static <N extends Number> Expression<N> plus(Expression<N> left, N right) {
    return arithmetic(left, "+", right);
  }

  /** {@code (left + right)}. */
  public static <N extends Number> Expression<N> plus(Expression<N> left, Expression<N> right) {
    return new Nodes.Operator<>(left, "+", right, left.type());
  }

  /** {@code (left - right)}. */
  public static <N extends Number> Expression<N> minus(Expression<N> left, N right) {
    return arithmetic(left, "-", right);
  }

  /** {@code (left - right)}. */
  public static <N extends Number> Expression<N> minus(Expression<N> left, Expression<N> right) {
    return new Nodes.Operator<>(left, "-", right, left.type());
  }

  /** {@code (left * right)}. */
  public static <N extends Number> Expression<N> times(Expression<N> left, N right) {
    return arithmetic(left, "*", right);
  }

  /** {@code (left * right)}. */
  public static <N extends Number> Expression<N> times(Expression<N> left, Expression<N> right) {
    return new Nodes.Operator<>(left, "*", right, left.type());
  }

  /** {@code (left / right)}; integer division for integer types, as in PostgreSQL. */
  public static <N extends Number> Expression<N> div(Expression<N> left, N right) {
    return arithmetic(left, "/", right);
  }

  /** {@code (left / right)}. */
  public static <N extends Number> Expression<N> div(Expression<N> left, Expression<N> right) {
    return new Nodes.Operator<>(left, "/", right, left.type());
  }

  private static <N extends Number> Expression<N> arithmetic(Expression<N> left, String operator, N right) {
    Param<N> value = new Param<>(left.type(), Objects.requireNonNull(right, "right"));
    return new Nodes.Operator<>(left, operator, value, left.type());
  }

  // ---------------------------------------------------------------- date and time

  /** {@code now()}: the transaction's start time. */
  public static Expression<Instant> now() {
    return new Nodes.Keyword<>("now()", Types.INSTANT);
  }

  /**
   * {@code base + amount units}, Ecto's {@code datetime_add/3} and {@code date_add/3}: the result
   * has the base's type ({@code date} stays a date, and a seconds type reads back truncated, as
   * Ecto's {@code :naive_datetime} loads). The amount is a bound parameter.
   *
   * <pre>{@code
   * Posts.query().select(datetimeAdd(Posts.INSERTED_AT, 90, Interval.MINUTE));
   * Posts.query().where(Posts.INSERTED_AT.gt(datetimeAdd(value(at, Types.LOCAL_DATE_TIME), -3, Interval.of(unit))));
   * }</pre>
   */
  public static <V extends Temporal> Expression<V> datetimeAdd(Expression<V> base, long amount, Interval unit) {
    return datetimeAdd(base, value(amount), unit);
  }

  /** {@code base + amount units} with a fractional amount: {@code datetimeAdd(Posts.INSERTED_AT, 1.5, Interval.DAY)} adds 36 hours. */
  public static <V extends Temporal> Expression<V> datetimeAdd(Expression<V> base, double amount, Interval unit) {
    return datetimeAdd(base, value(amount), unit);
  }

  /** {@code base + amount units} with a decimal amount, Ecto's {@code datetime_add(p.at, ^decimal, "day")}. */
  public static <V extends Temporal> Expression<V> datetimeAdd(Expression<V> base, BigDecimal amount, Interval unit) {
    return datetimeAdd(base, value(Objects.requireNonNull(amount, "amount")), unit);
  }

  /**
   * {@code base + amount units} with the amount an expression: a bound value ({@code value(3)}) or
   * a column ({@code datetimeAdd(Posts.PUBLISHED_AT, Posts.GRACE_DAYS, Interval.DAY)}).
   */
  public static <V extends Temporal> Expression<V> datetimeAdd(Expression<V> base, Expression<? extends Number> amount,
      Interval unit) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(amount, "amount");
    return new Nodes.TimeShift<>(base, amount, Objects.requireNonNull(unit, "unit"));
  }

  /** Ecto's {@code date_add/3}: {@link #datetimeAdd(Expression, long, Interval)} on a date, which stays a date. */
  public static Expression<LocalDate> dateAdd(Expression<LocalDate> date, long amount, Interval unit) {
    return datetimeAdd(date, amount, unit);
  }

  /** Ecto's {@code date_add/3} with a fractional amount: {@code dateAdd(Posts.POSTED, 48.0, Interval.HOUR)} is two days later. */
  public static Expression<LocalDate> dateAdd(Expression<LocalDate> date, double amount, Interval unit) {
    return datetimeAdd(date, amount, unit);
  }

  /** Ecto's {@code date_add/3} with a decimal amount. */
  public static Expression<LocalDate> dateAdd(Expression<LocalDate> date, BigDecimal amount, Interval unit) {
    return datetimeAdd(date, amount, unit);
  }

  /** Ecto's {@code date_add/3} with the amount an expression, such as a bound value. */
  public static Expression<LocalDate> dateAdd(Expression<LocalDate> date, Expression<? extends Number> amount,
      Interval unit) {
    return datetimeAdd(date, amount, unit);
  }

  /** {@code now() - amount units}, Ecto's {@code ago/2}. */
  public static Expression<Instant> ago(long amount, Interval unit) {
    return Fragment.of(Types.INSTANT, "(now() - ?::numeric * " + unit.sql() + ")", new Param<>(Types.LONG, amount));
  }

  /** {@code now() + amount units}, Ecto's {@code from_now/2}. */
  public static Expression<Instant> fromNow(long amount, Interval unit) {
    return Fragment.of(Types.INSTANT, "(now() + ?::numeric * " + unit.sql() + ")", new Param<>(Types.LONG, amount));
  }

  // ---------------------------------------------------------------- JSON

  /**
   * The JSON value at {@code path} as text ({@code #>>}), Ecto's {@code json_extract_path}: null if
   * absent. A step is a key ({@code "a"}), an array index ({@code 0}) or an expression whose value
   * is one ({@code Posts.TITLE}): {@code jsonText(doc, "tags", 0, "name")}. The document is any
   * map stored as JSON: {@code Map<String, Object>}, a typed map such as {@code Map<String, String>},
   * or a map of a custom type's values, which the path reads as stored (the dumped form).
   */
  public static Expression<String> jsonText(Expression<? extends Map<String, ?>> document, Object... path) {
    return new Nodes.Operator<>(document, "#>>", jsonPath(path), Types.TEXT);
  }

  /** The JSON value at {@code path} cast to {@code type}: {@code jsonPath(Samples.DOCUMENT, Types.INTEGER, "stats", "views")}. */
  public static <V> Expression<V> jsonPath(Expression<? extends Map<String, ?>> document, FieldType<V> type, Object... path) {
    return cast(jsonText(document, path), type);
  }

  /** The JSON object at {@code path} ({@code #>}), itself a map. */
  public static Expression<Map<String, Object>> json(Expression<? extends Map<String, ?>> document, Object... path) {
    return new Nodes.Operator<>(document, "#>", jsonPath(path), Types.JSON_MAP);
  }

  /**
   * The JSON value at {@code path} ({@code #>}) as it is in the document, Ecto's
   * {@code p.meta["a"]["b"]}: read as a map, list, string, number or boolean, null if absent; and
   * compared as JSON, so {@code jsonValue(doc, "id").eq(123)} is {@code doc #> ? = ?} with
   * {@code 123} bound as {@code jsonb}, true for the number 123 and not for the string "123".
   */
  public static Expression<Object> jsonValue(Expression<? extends Map<String, ?>> document, Object... path) {
    return new Nodes.Operator<>(document, "#>", jsonPath(path), JsonValueType.INSTANCE);
  }

  /** The path as one {@code text[]} parameter, or {@code ARRAY[?, x::text]} when a step is an expression. */
  private static Expression<?> jsonPath(Object... path) {
    List<Object> steps = Arguments.list("a JSON path", "keys", path);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a JSON path needs at least one key");
    }
    List<String> constants = new ArrayList<>();
    List<Expression<?>> elements = new ArrayList<>();
    for (Object step : steps) {
      if (step instanceof Expression<?> expression) {
        elements.add(cast(expression, Types.TEXT));
      } else if (step instanceof String || step instanceof Integer || step instanceof Long) {
        constants.add(step.toString());
        elements.add(new Param<>(Types.TEXT, step.toString()));
      } else {
        throw new IllegalArgumentException("a JSON path step is a key (String), an array index (int) or an"
            + " expression; got " + step + " (" + step.getClass().getName() + ") in " + steps);
      }
    }
    return constants.size() == steps.size() ? new Param<>(Types.list(Types.TEXT), List.copyOf(constants))
        : new Nodes.TextArray(elements);
  }

  // ---------------------------------------------------------------- fragments and subqueries

  /**
   * SQL the query DSL does not cover, Ecto's {@code fragment/1}: each {@code ?} is one argument
   * expression, values are bound parameters, and the text is a developer literal. A fragment whose
   * placeholders do not match its arguments, or that contains {@code ;} or a comment, is refused.
   *
   * <pre>{@code
   * Expression<String> lowerTitle = fragment(Types.TEXT, "lower(?)", Posts.TITLE);
   * }</pre>
   */
  public static <V> Expression<V> fragment(FieldType<V> type, String sql, Expression<?>... args) {
    return Fragment.of(Objects.requireNonNull(type, "type"), sql, args);
  }

  /**
   * An identifier as a fragment's argument, Ecto's {@code identifier(^name)}: always quoted,
   * {@code fragment(Types.TEXT, "? COLLATE ?", Posts.TITLE, identifier("C"))} is
   * {@code p0."title" COLLATE "C"}. For names known only at run time (a collation, a column);
   * the name is checked and quoted, never pasted.
   */
  public static Expression<Void> identifier(String name) {
    return new FragmentParts.Identifier(name);
  }

  /**
   * A string written into the SQL as a literal, Ecto's {@code constant(^value)}, where PostgreSQL
   * takes no parameter (a {@code COLLATE}, a {@code SET} value, a type name in text): quoted with
   * its single quotes doubled. Prefer a bound value ({@link #value(String)}) wherever one is allowed.
   */
  public static Expression<String> constant(String value) {
    return new FragmentParts.Constant<>(FragmentParts.Constant.quoted(value), Types.TEXT);
  }

  /** A number written into the SQL as a literal, Ecto's {@code constant(^1)}: {@code LIMIT 1} in a fragment. */
  public static Expression<Long> constant(long value) {
    return new FragmentParts.Constant<>(Long.toString(value), Types.LONG);
  }

  /** A decimal written into the SQL as a literal; NaN and the infinities are refused. */
  public static Expression<Double> constant(double value) {
    return new FragmentParts.Constant<>(FragmentParts.Constant.decimal(value), Types.DOUBLE);
  }

  /**
   * Several arguments in the place of one {@code ?}, separated by commas, Ecto's {@code splice/1}:
   * {@code fragment(Types.BOOLEAN, "? IN (?)", Posts.ID, splice(value(1L), value(2L), Posts.AUTHOR_ID))}
   * is {@code p0."id" IN (?,?,p0."author_id")}. A splice may hold splices; their items are flattened.
   */
  public static Expression<Void> splice(Expression<?>... items) {
    return new FragmentParts.Splice(Arguments.list("splice", "items", items));
  }

  /**
   * Each value of {@code values} as a bound parameter in the place of one {@code ?}, Ecto's
   * {@code splice(^list)}: {@code splice(List.of(2L, 3L), Types.LONG)} is {@code ?,?}; an empty list
   * leaves the place empty.
   */
  public static <V> Expression<Void> splice(java.util.Collection<? extends V> values, FieldType<V> type) {
    Objects.requireNonNull(type, "type");
    List<Expression<?>> items = new ArrayList<>();
    for (V value : Arguments.<V>list(values, "splice", "values")) {
      items.add(new Param<>(type, value));
    }
    return new FragmentParts.Splice(List.copyOf(items));
  }

  /** {@code EXISTS (subquery)}; the subquery may use the outer query's fields (correlated). */
  public static Condition exists(Query<?> subquery) {
    return new Nodes.Exists(Objects.requireNonNull(subquery, "subquery"));
  }

  /** A subquery selecting one value, as an expression: {@code (SELECT count(*) FROM …)}. */
  public static <V> Expression<V> subquery(Query<V> subquery) {
    return new Nodes.Subquery<>(subquery, selectedType("a scalar subquery", subquery));
  }

  /**
   * {@code ALL (SELECT …)}, Ecto's {@code all(subquery)}: on the right of a comparison, true when it
   * holds for every row the subquery selects (and for none):
   * {@code Posts.VIEW_COUNT.ge(all(Posts.query().where(…).select(Posts.VIEW_COUNT)))}. It is
   * only valid there; PostgreSQL refuses it anywhere else.
   */
  public static <V> Expression<V> all(Query<V> subquery) {
    return new Nodes.Quantified<>("ALL", subquery, selectedType("all(subquery)", subquery));
  }

  /** {@code ANY (SELECT …)}, Ecto's {@code any(subquery)}: the comparison holds for at least one row. */
  public static <V> Expression<V> any(Query<V> subquery) {
    return new Nodes.Quantified<>("ANY", subquery, selectedType("any(subquery)", subquery));
  }

  /** The type of the one expression {@code query} selects, which a value-giving subquery must. */
  private static <V> FieldType<V> selectedType(String what, Query<V> query) {
    if (!(query.selection() instanceof SelectClause.Items<V> items) || items.items().size() != 1
        || !(items.items().get(0) instanceof Expression<?> only)) {
      throw new IllegalArgumentException(what + " selects one expression, e.g. "
          + ".select(Aggregate.count()); got " + query);
    }
    @SuppressWarnings("unchecked")
    FieldType<V> type = (FieldType<V>) only.type();
    return type;
  }

  // ---------------------------------------------------------------- window functions

  /** {@code row_number()}: 1, 2, 3… within the window. */
  public static WindowFunction<Long> rowNumber() {
    return window("row_number", Types.LONG);
  }

  /** {@code rank()}: equal rows share a rank, with gaps after them. */
  public static WindowFunction<Long> rank() {
    return window("rank", Types.LONG);
  }

  /** {@code dense_rank()}: equal rows share a rank, without gaps. */
  public static WindowFunction<Long> denseRank() {
    return window("dense_rank", Types.LONG);
  }

  /** {@code lag(expression)}: the value of the previous row in the window. */
  public static <V> WindowFunction<V> lag(Expression<V> expression) {
    return window("lag", expression.type(), expression);
  }

  /** {@code lag(expression, offset)}: the value {@code offset} rows before. */
  public static <V> WindowFunction<V> lag(Expression<V> expression, int offset) {
    return window("lag", expression.type(), expression, new Param<>(Types.INTEGER, offset));
  }

  /** {@code lead(expression)}: the value of the next row in the window. */
  public static <V> WindowFunction<V> lead(Expression<V> expression) {
    return window("lead", expression.type(), expression);
  }

  /** {@code first_value(expression)}. */
  public static <V> WindowFunction<V> firstValue(Expression<V> expression) {
    return window("first_value", expression.type(), expression);
  }

  /** {@code last_value(expression)}. */
  public static <V> WindowFunction<V> lastValue(Expression<V> expression) {
    return window("last_value", expression.type(), expression);
  }

  /** {@code nth_value(expression, n)}: the value of the n-th row of the frame (from 1), null if it has fewer. */
  public static <V> WindowFunction<V> nthValue(Expression<V> expression, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("nthValue(" + expression + ", " + n + "): n counts the frame's rows from 1");
    }
    return window("nth_value", expression.type(), expression, new Param<>(Types.INTEGER, n));
  }

  /**
   * A window or aggregate function the DSL does not name, written as a fragment, Ecto's
   * {@code fragment("custom_function(?)", p.x) |> over}: with its window it is an expression.
   *
   * <pre>{@code
   * windowFragment(Types.TEXT, "string_agg(?, ',')", Posts.TITLE).over(Window.orderedBy(Posts.ID.asc()))
   * }</pre>
   */
  public static <V> WindowFunction<V> windowFragment(FieldType<V> type, String sql, Expression<?>... args) {
    return new WindowFunction<>(Fragment.of(Objects.requireNonNull(type, "type"), sql, args), type);
  }

  private static <V> WindowFunction<V> window(String function, FieldType<V> type, Expression<?>... args) {
    return new WindowFunction<>(new Nodes.Call<>(function, List.of(args), type), type);
  }
}
