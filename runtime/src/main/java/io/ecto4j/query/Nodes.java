package io.ecto4j.query;

import io.ecto4j.meta.Field;
import io.ecto4j.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The expression tree: one small class per kind of node, each rendering itself and describing its
 * shape for the {@link StatementCache}. Values appear only as bound values ({@link BoundValue});
 * the SQL text of a node comes from the code here, compiled schemas, or a developer's
 * {@code fragment} literal — never from a value.
 */
final class Nodes {
  private Nodes() {}

  // ---------------------------------------------------------------- conditions
  // Each kind of condition is a Condition and its own node: no wrapper object per condition.

  /** {@code left op right}, for comparisons of two expressions and LIKE. */
  static final class Compare extends Condition implements Node {
    private final Expression<?> left;
    private final String operator;
    private final Expression<?> right;

    Compare(Expression<?> left, String operator, Expression<?> right) {
      this.left = left;
      this.operator = operator;
      this.right = right;
    }

    @Override
    public void render(SqlWriter w) {
      Precedence level = precedence();
      w.operand(left, level, false).append(' ').append(operator).append(' ').operand(right, level, true);
    }

    @Override
    public Precedence precedence() {
      return Precedence.ofOperator(operator);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(operator);
      return walk.expression(left) && walk.expression(right);
    }
  }

  /**
   * {@code left op ?}: a comparison with a value, {@code Posts.AUTHOR_ID.eq(id)}, which binds the
   * value itself with the left side's type, rather than through a {@link Param} of its own.
   */
  static final class CompareValue<V> extends Condition implements Node, BoundValue {
    private final Expression<V> left;
    private final String operator;
    private final V value;

    CompareValue(Expression<V> left, String operator, V value) {
      this.left = left;
      this.operator = operator;
      this.value = value;
    }

    @Override
    public void render(SqlWriter w) {
      OperatorValue.render(w, left, operator, this);
    }

    @Override
    public Precedence precedence() {
      return Precedence.ofOperator(operator);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      return OperatorValue.shape(walk, left, operator, this);
    }

    @Override
    public Object value() {
      return value;
    }

    @Override
    public Object shown() {
      return value;
    }

    @Override
    public void bind(PreparedStatement statement, int index) throws SQLException {
      left.type().bind(statement, index, value);
    }
  }

  static final class NullTest extends Condition implements Node {
    private final Expression<?> operand;
    private final boolean isNull;

    NullTest(Expression<?> operand, boolean isNull) {
      this.operand = operand;
      this.isNull = isNull;
    }

    @Override
    public void render(SqlWriter w) {
      w.operand(operand, Precedence.IS, false).append(isNull ? " IS NULL" : " IS NOT NULL");
    }

    @Override
    public Precedence precedence() {
      return Precedence.IS;
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(isNull);
      return walk.expression(operand);
    }
  }

  /**
   * {@code x = ANY(?)}: a whole list as one array parameter, or {@code x = ANY(p0."tags")} of an
   * array column; {@code NOT (x = ANY(…))} negated.
   */
  static final class AnyOf extends Condition implements Node {
    private final Expression<?> operand;
    private final Expression<?> values;
    private final boolean negated;

    AnyOf(Expression<?> operand, Expression<?> values, boolean negated) {
      this.operand = operand;
      this.values = values;
      this.negated = negated;
    }

    @Override
    public void render(SqlWriter w) {
      w.append(negated ? "NOT (" : "").operand(operand, Precedence.COMPARISON, false).append(" = ANY(")
          .expression(values).append(negated ? "))" : ")");
    }

    @Override
    public Precedence precedence() {
      return negated ? Precedence.NOT : Precedence.COMPARISON;
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(negated);
      return walk.expression(operand) && walk.expression(values);
    }
  }

  /** {@code x IN (a, b, …)} over expressions, Ecto's {@code x in [a, b]}; {@code NOT IN} negated. */
  static final class InList extends Condition implements Node {
    private final Expression<?> operand;
    private final List<Expression<?>> candidates;
    private final boolean negated;

    InList(Expression<?> operand, List<Expression<?>> candidates, boolean negated) {
      this.operand = operand;
      this.candidates = candidates;
      this.negated = negated;
    }

    @Override
    public void render(SqlWriter w) {
      w.operand(operand, Precedence.MEMBERSHIP, false).append(negated ? " NOT IN (" : " IN (")
          .list(candidates, SqlWriter::expression).append(')');
    }

    @Override
    public Precedence precedence() {
      return Precedence.MEMBERSHIP;
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(negated);
      return walk.expression(operand) && walk.expressions(candidates);
    }
  }

  /** A row value {@code (a, b, …)}, compared with another by {@link Compare}. */
  record RowValue(List<Expression<?>> items) implements Expression<Void>, Node {
    @Override
    public FieldType<Void> type() {
      throw new UnsupportedOperationException("a row value " + this + " is compared, not read");
    }

    @Override
    public void render(SqlWriter w) {
      w.append('(').list(items, SqlWriter::expression).append(')');
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  static final class Between extends Condition implements Node {
    private final Expression<?> operand;
    private final Expression<?> low;
    private final Expression<?> high;

    Between(Expression<?> operand, Expression<?> low, Expression<?> high) {
      this.operand = operand;
      this.low = low;
      this.high = high;
    }

    @Override
    public void render(SqlWriter w) {
      w.operand(operand, Precedence.MEMBERSHIP, false).append(" BETWEEN ")
          .operand(low, Precedence.MEMBERSHIP, true).append(" AND ").operand(high, Precedence.MEMBERSHIP, true);
    }

    @Override
    public Precedence precedence() {
      return Precedence.MEMBERSHIP;
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      return walk.expression(operand) && walk.expression(low) && walk.expression(high);
    }
  }

  /** {@code left AND right} or {@code left OR right}. */
  static final class Junction extends Condition implements Node {
    private final String operator;
    private final Condition left;
    private final Condition right;

    Junction(String operator, Condition left, Condition right) {
      this.operator = operator;
      this.left = left;
      this.right = right;
    }

    @Override
    public void render(SqlWriter w) {
      Precedence level = precedence();
      w.operand(left, level, false).append(' ').append(operator).append(' ').operand(right, level, true);
    }

    @Override
    public Precedence precedence() {
      return Precedence.ofOperator(operator);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(operator);
      return walk.expression(left) && walk.expression(right);
    }
  }

  /** {@code NOT (operand)}: Ecto's form, whose parentheses make the operand's precedence moot. */
  static final class Not extends Condition implements Node {
    private final Condition operand;

    Not(Condition operand) {
      this.operand = operand;
    }

    @Override
    public void render(SqlWriter w) {
      w.append("NOT (");
      operand.render(w);
      w.append(')');
    }

    @Override
    public Precedence precedence() {
      return Precedence.NOT;
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      return walk.expression(operand);
    }
  }

  static final class Exists extends Condition implements Node {
    private final Query<?> query;

    Exists(Query<?> query) {
      this.query = query;
    }

    @Override
    public void render(SqlWriter w) {
      w.append("exists(");
      QueryRenderer.subquery(w, query);
      w.append(')');
    }
  }

  /** {@code x IN (SELECT …)}. */
  static final class InQuery extends Condition implements Node {
    private final Expression<?> operand;
    private final Query<?> query;
    private final boolean negated;

    InQuery(Expression<?> operand, Query<?> query, boolean negated) {
      this.operand = operand;
      this.query = query;
      this.negated = negated;
    }

    @Override
    public void render(SqlWriter w) {
      w.operand(operand, Precedence.MEMBERSHIP, false).append(negated ? " NOT IN (" : " IN (");
      QueryRenderer.subquery(w, query);
      w.append(')');
    }

    @Override
    public Precedence precedence() {
      return Precedence.MEMBERSHIP;
    }
  }

  /** A boolean expression used as a condition. */
  static final class Truth extends Condition implements Node {
    private final Expression<Boolean> operand;

    Truth(Expression<Boolean> operand) {
      this.operand = operand;
    }

    @Override
    public void render(SqlWriter w) {
      w.expression(operand);
    }

    @Override
    public Precedence precedence() {
      return SqlWriter.precedence(operand);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      return walk.expression(operand);
    }
  }

  // ---------------------------------------------------------------- typed expressions

  /** SQL text from this package's own constants, such as {@code TRUE} or {@code now()}. */
  record Keyword<V>(String sql, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      w.append(sql);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(sql);
      return true;
    }

    @Override
    public String toString() {
      return sql;
    }
  }

  /** {@code left op right}: arithmetic, JSON paths. */
  record Operator<V>(Expression<?> left, String operator, Expression<?> right, FieldType<V> type)
      implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      Precedence level = precedence();
      w.operand(left, level, false).append(' ').append(operator).append(' ').operand(right, level, true);
    }

    @Override
    public Precedence precedence() {
      return Precedence.ofOperator(operator);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      walk.token(operator);
      return walk.expression(left) && walk.expression(right);
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /**
   * {@code left op ?} with a value of the left side's type, {@code "view_count" + ?} of
   * {@code Update.inc}: binds the value itself, rather than through a {@link Param} of its own.
   */
  record OperatorValue<V>(Expression<V> left, String operator, V value) implements Expression<V>, Node, BoundValue {
    @Override
    public FieldType<V> type() {
      return left.type();
    }

    @Override
    public void render(SqlWriter w) {
      render(w, left, operator, this);
    }

    /** {@code left operator ?}, the one rendering of a comparison or an operator that binds its value itself. */
    static void render(SqlWriter w, Expression<?> left, String operator, BoundValue value) {
      w.operand(left, Precedence.ofOperator(operator), false).append(' ').append(operator).append(' ').param(value);
    }

    @Override
    public Precedence precedence() {
      return Precedence.ofOperator(operator);
    }

    @Override
    public boolean shape(StatementCache.Walk walk) {
      return shape(walk, left, operator, this);
    }

    /** The shape of {@link #render(SqlWriter, Expression, String, BoundValue)}: the operator, the left side, the value. */
    static boolean shape(StatementCache.Walk walk, Expression<?> left, String operator, BoundValue value) {
      walk.token(operator);
      if (!walk.expression(left)) {
        return false;
      }
      walk.bound(value);
      return true;
    }

    @Override
    public Object shown() {
      return value;
    }

    @Override
    public void bind(PreparedStatement statement, int index) throws SQLException {
      left.type().bind(statement, index, value);
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /** {@code function(arg, …)}. */
  record Call<V>(String function, List<Expression<?>> args, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      w.append(function).append('(').list(args, SqlWriter::expression).append(')');
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /** {@code operand::type}, the cast named by a compiled {@link FieldType}. */
  record Cast<V>(Expression<?> operand, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      String sqlType = type.sqlType();
      w.operand(operand, Precedence.CAST, false).append("::").append(sqlType.startsWith("varchar(") ? "text" : sqlType);
    }

    @Override
    public Precedence precedence() {
      return Precedence.CAST;
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /**
   * {@code (base + amount::numeric * interval '1 unit')}, Ecto's {@code datetime_add/3}, and
   * {@code ::date} again when the base is a date, as {@code date_add/3}. A bound base is cast to its
   * own type, as Ecto's {@code ?::timestamp}: PostgreSQL cannot add an interval to an untyped value.
   * The amount is cast to {@code numeric} so that an integer, a float or a decimal all scale the
   * unit, fractions included ({@code 1.5 * interval '1 day'} is 36 hours).
   */
  record TimeShift<V>(Expression<V> base, Expression<?> amount, Interval unit) implements Expression<V>, Node {
    @Override
    public FieldType<V> type() {
      return base.type();
    }

    @Override
    public void render(SqlWriter w) {
      Expression<?> typedBase = base instanceof Param<?> param ? new Cast<>(param, param.type()) : base;
      w.append('(').operand(typedBase, Precedence.ADDITIVE, false).append(" + ")
          .operand(amount, Precedence.CAST, false).append("::numeric * ").append(unit.sql()).append(')');
      w.append(onDate() ? "::date" : "");
    }

    @Override
    public Precedence precedence() {
      return onDate() ? Precedence.CAST : Precedence.ATOM;
    }

    /** Whether the base is a date, which PostgreSQL turns into a timestamp when an interval is added. */
    private boolean onDate() {
      return type().sqlType().equals("date");
    }

    @Override
    public String toString() {
      return (onDate() ? "date_add(" : "datetime_add(") + base + ", " + amount + ", \"" + unit.ectoName() + "\")";
    }
  }

  /** A field of a joined or aliased source: {@code c1."body"}. */
  record AliasField<V>(Alias<?> alias, Field<?, V> field) implements Expression<V>, Node {
    @Override
    public FieldType<V> type() {
      return field.type();
    }

    @Override
    public void render(SqlWriter w) {
      if (w.inspecting()) {
        w.append(alias.name()).append('.').append(field.name());
        return;
      }
      SqlWriter.Binding binding = alias.bindingIn(w);
      w.column(binding.alias(), binding.columnOf(field));
    }

    @Override
    public String toString() {
      return alias.name() + "." + field.name();
    }
  }

  /** A column named by the caller, of the query's first source or of an alias: {@code p0."title"}. */
  record Column<V>(Alias<?> alias, String name, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      if (w.inspecting()) {
        w.append(toString());
        return;
      }
      w.column(alias == null ? w.root().alias() : alias.bindingIn(w).alias(), name);
    }

    @Override
    public String toString() {
      return alias == null ? name : alias.name() + "." + name;
    }
  }

  /** {@code (SELECT …)} of one value. */
  record Subquery<V>(Query<?> query, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      w.append('(');
      QueryRenderer.subquery(w, query);
      w.append(')');
    }

    @Override
    public String toString() {
      return "subquery(" + query + ")";
    }
  }

  /** {@code ALL (SELECT …)} or {@code ANY (SELECT …)}, the right side of a comparison. */
  record Quantified<V>(String quantifier, Query<?> query, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      w.append(quantifier).append(" (");
      QueryRenderer.subquery(w, query);
      w.append(')');
    }

    @Override
    public String toString() {
      return quantifier.toLowerCase(java.util.Locale.ROOT) + "(" + query + ")";
    }
  }

  /** {@code function OVER (window)}, or {@code function OVER "name"} of a window the query names. */
  record Over<V>(Node function, Window window, String windowName, FieldType<V> type) implements Expression<V>, Node {
    static <V> Over<V> of(Node function, Window window, FieldType<V> type) {
      return new Over<>(function, java.util.Objects.requireNonNull(window, "window"), null, type);
    }

    static <V> Over<V> named(Node function, String windowName, FieldType<V> type) {
      SqlWriter.quote(windowName);
      return new Over<>(function, null, windowName, type);
    }

    @Override
    public void render(SqlWriter w) {
      function.render(w);
      if (window == null) {
        w.append(" OVER ").windowName(windowName);
        return;
      }
      w.append(" OVER (");
      window.render(w);
      w.append(')');
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /** The SQL alias of a source ({@code p0}), as an argument of a lock fragment ({@code FOR UPDATE OF ?}). */
  record SourceAlias(Alias<?> alias) implements Expression<Void>, Node {
    @Override
    public FieldType<Void> type() {
      throw new UnsupportedOperationException(alias + " names a source; it has no value to read");
    }

    @Override
    public void render(SqlWriter w) {
      w.append(w.inspecting() ? alias.name() : alias.bindingIn(w).alias());
    }

    @Override
    public String toString() {
      return alias.name();
    }
  }

  /** {@code ARRAY[a, b, …]::text[]}, a JSON path with steps taken from expressions. */
  record TextArray(List<Expression<?>> elements) implements Expression<List<String>>, Node {
    @Override
    public FieldType<List<String>> type() {
      return io.ecto4j.type.Types.list(io.ecto4j.type.Types.TEXT);
    }

    @Override
    public void render(SqlWriter w) {
      w.append("ARRAY[").list(elements, SqlWriter::expression).append("]::text[]");
    }

    @Override
    public String toString() {
      return SqlWriter.inspect(this);
    }
  }

  /** A value the select names with {@link SelectedAs}, referred to by that name: {@code "comments"}. */
  record SelectedRef<V>(String name, FieldType<V> type) implements Expression<V>, Node {
    @Override
    public void render(SqlWriter w) {
      if (w.inspecting()) {
        w.append(toString());
        return;
      }
      w.identifier(name);
    }

    @Override
    public String toString() {
      return "selected_as(" + name + ")";
    }
  }

  /** {@code EXCLUDED."column"}: the row proposed for insertion, in {@code ON CONFLICT DO UPDATE}. */
  record Excluded<V>(Field<?, V> field) implements Expression<V>, Node {
    @Override
    public FieldType<V> type() {
      return field.type();
    }

    @Override
    public void render(SqlWriter w) {
      SqlWriter.requirePersisted(field);
      w.append("EXCLUDED.").identifier(field.column());
    }

    @Override
    public String toString() {
      return "excluded." + field.name();
    }
  }
}
