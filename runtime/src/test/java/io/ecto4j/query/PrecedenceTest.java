package io.ecto4j.query;

import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.div;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.json;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.like;
import static io.ecto4j.query.Functions.minus;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.subquery;
import static io.ecto4j.query.Functions.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.type.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for issue #18: every nested expression is rendered with the parentheses its
 * precedence needs, and no more, following PostgreSQL's operator precedence as ecto_sql's
 * {@code maybe_paren} does (test/ecto/adapters/postgres_test.exs "is_nil", "nested expressions").
 */
class PrecedenceTest {
  private static final Expression<Integer> X = Query.column("x", Types.INTEGER);
  private static final Expression<Integer> Y = Query.column("y", Types.INTEGER);
  private static final Expression<Integer> Z = Query.column("z", Types.INTEGER);
  private static final Expression<Boolean> B = Query.column("b", Types.BOOLEAN);
  private static final Expression<Boolean> C = Query.column("c", Types.BOOLEAN);
  private static final Expression<String> S = Query.column("s", Types.STRING);
  private static final Expression<Map<String, Object>> DOC = Query.column("doc", Types.JSON_MAP);
  private static final Condition P = Condition.of(B);
  private static final Condition Q = Condition.of(C);
  private static final Condition R = X.gt(0);

  private static String where(Condition condition) {
    String text = Query.from("t").where(condition).select(X).toSql().text();
    return text.substring(text.indexOf(" WHERE ") + 7);
  }

  private static String select(Expression<?> expression) {
    String text = Query.from("t").select(expression).toSql().text();
    return text.substring("SELECT ".length(), text.indexOf(" FROM \"t\""));
  }

  /** Ports ecto_sql test/ecto/adapters/postgres_test.exs "is_nil": {@code r.x == is_nil(r.y)}. */
  @Test
  void aNullTestUnderAComparisonIsParenthesized() {
    assertThat(select(B.eq(Y.isNull()))).isEqualTo("t0.\"b\" = (t0.\"y\" IS NULL)");
    assertThat(select(Y.isNull().eq(B))).isEqualTo("(t0.\"y\" IS NULL) = t0.\"b\"");
    assertThat(select(B.ne(Y.isNotNull()))).isEqualTo("t0.\"b\" <> (t0.\"y\" IS NOT NULL)");
    assertThat(B.eq(Y.isNull())).hasToString("b = (y IS NULL)");
  }

  /** Regression test for issue #18: {@code (x = y) IS NULL} as built needs no parentheses, IS binds loosest. */
  @Test
  void aComparisonUnderANullTestIsNot() {
    assertThat(select(X.eq(Y).isNull())).isEqualTo("t0.\"x\" = t0.\"y\" IS NULL");
    assertThat(select(Y.isNull().isNull())).isEqualTo("(t0.\"y\" IS NULL) IS NULL");
    assertThat(select(plus(X, Y).isNull())).isEqualTo("t0.\"x\" + t0.\"y\" IS NULL");
  }

  /** Regression test for issue #18: comparisons do not associate, so a nested one is parenthesized. */
  @Test
  void comparisonsUnderComparisons() {
    assertThat(select(B.eq(X.lt(Y)))).isEqualTo("t0.\"b\" = (t0.\"x\" < t0.\"y\")");
    assertThat(select(X.lt(Y).eq(B))).isEqualTo("(t0.\"x\" < t0.\"y\") = t0.\"b\"");
    assertThat(select(X.eq(Y).ne(B.eq(C)))).isEqualTo("(t0.\"x\" = t0.\"y\") <> (t0.\"b\" = t0.\"c\")");
  }

  /** Ports ecto_sql postgres_test.exs "nested expressions": {@code r.x > 0 and (r.y > ^(-z)) or true}. */
  @Test
  void andBindsTighterThanOr() {
    assertThat(where(R.and(Y.gt(-123)).or(P))).isEqualTo("t0.\"x\" > ? AND t0.\"y\" > ? OR t0.\"b\"");
    assertThat(where(P.or(Q).and(R))).isEqualTo("(t0.\"b\" OR t0.\"c\") AND t0.\"x\" > ?");
    assertThat(where(R.and(P.or(Q)))).isEqualTo("t0.\"x\" > ? AND (t0.\"b\" OR t0.\"c\")");
    assertThat(where(P.or(Q.and(R)))).isEqualTo("t0.\"b\" OR t0.\"c\" AND t0.\"x\" > ?");
    assertThat(where(P.and(Q).and(R))).isEqualTo("t0.\"b\" AND t0.\"c\" AND t0.\"x\" > ?");
    assertThat(where(P.and(Q.and(R)))).isEqualTo("t0.\"b\" AND (t0.\"c\" AND t0.\"x\" > ?)");
    assertThat(where(Condition.any(List.of(P, Q)).not().and(R)))
        .isEqualTo("NOT (t0.\"b\" OR t0.\"c\") AND t0.\"x\" > ?");
  }

  /** Ports ecto_sql postgres_test.exs "is_nil": {@code not is_nil(r.x)}; NOT under a comparison is parenthesized. */
  @Test
  void notKeepsEctosParenthesesAndBindsLooserThanComparisons() {
    assertThat(select(Y.isNull().not())).isEqualTo("NOT (t0.\"y\" IS NULL)");
    assertThat(select(P.not().eq(C))).isEqualTo("(NOT (t0.\"b\")) = t0.\"c\"");
    assertThat(select(B.eq(Q.not()))).isEqualTo("t0.\"b\" = (NOT (t0.\"c\"))");
    assertThat(select(Y.isNull().not().isNull())).isEqualTo("(NOT (t0.\"y\" IS NULL)) IS NULL");
  }

  /** Ports ecto_sql postgres_test.exs "binary ops"; arithmetic is left-associative. */
  @Test
  void arithmeticFollowsPrecedenceAndAssociativity() {
    assertThat(select(plus(X, 2))).isEqualTo("t0.\"x\" + ?");
    assertThat(select(minus(X, minus(Y, Z)))).isEqualTo("t0.\"x\" - (t0.\"y\" - t0.\"z\")");
    assertThat(select(minus(minus(X, Y), Z))).isEqualTo("t0.\"x\" - t0.\"y\" - t0.\"z\"");
    assertThat(select(times(plus(X, Y), Z))).isEqualTo("(t0.\"x\" + t0.\"y\") * t0.\"z\"");
    assertThat(select(plus(X, times(Y, Z)))).isEqualTo("t0.\"x\" + t0.\"y\" * t0.\"z\"");
    assertThat(select(div(X, times(Y, Z)))).isEqualTo("t0.\"x\" / (t0.\"y\" * t0.\"z\")");
    assertThat(select(plus(X, Y).gt(Z))).isEqualTo("t0.\"x\" + t0.\"y\" > t0.\"z\"");
  }

  /** Ports ecto_sql postgres_test.exs "in expression"; {@code = ANY} is a comparison. */
  @Test
  void inAndNotIn() {
    assertThat(select(plus(X, 1).in(List.of(1, 2)))).isEqualTo("t0.\"x\" + ? = ANY(?)");
    assertThat(select(X.eq(Y).in(List.of(true)))).isEqualTo("(t0.\"x\" = t0.\"y\") = ANY(?)");
    assertThat(select(B.eq(X.in(List.of(1))))).isEqualTo("t0.\"b\" = (t0.\"x\" = ANY(?))");
    assertThat(select(B.eq(X.notIn(List.of(1))))).isEqualTo("t0.\"b\" = (NOT (t0.\"x\" = ANY(?)))");
    assertThat(where(X.eq(0).or(X.in(List.of(1, 2))).or(X.eq(4))))
        .isEqualTo("t0.\"x\" = ? OR t0.\"x\" = ANY(?) OR t0.\"x\" = ?");
    Query<Integer> ids = Query.from("u").select(Query.column("id", Types.INTEGER));
    assertThat(select(B.eq(X.in(ids)))).startsWith("t0.\"b\" = t0.\"x\" IN (SELECT ");
    assertThat(select(plus(X, 1).notIn(ids))).startsWith("t0.\"x\" + ? NOT IN (SELECT ");
  }

  /** Regression test for issue #18: LIKE and BETWEEN bind tighter than comparisons, looser than operators. */
  @Test
  void likeAndBetween() {
    assertThat(select(B.eq(like(S, "a%")))).isEqualTo("t0.\"b\" = t0.\"s\" LIKE ?");
    assertThat(select(like(jsonText(DOC, "k"), "a%"))).isEqualTo("t0.\"doc\" #>> ? LIKE ?");
    assertThat(select(like(S, "a%").isNull())).isEqualTo("t0.\"s\" LIKE ? IS NULL");
    assertThat(select(like(S, "a%").eq(like(S, "b%")))).isEqualTo("t0.\"s\" LIKE ? = t0.\"s\" LIKE ?");
    assertThat(select(plus(X, 1).between(Y, plus(Z, 1)))).isEqualTo("t0.\"x\" + ? BETWEEN t0.\"y\" AND t0.\"z\" + ?");
    assertThat(select(B.eq(X.between(1, 5)))).isEqualTo("t0.\"b\" = t0.\"x\" BETWEEN ? AND ?");
    assertThat(select(X.between(1, 5).between(P, Q))).isEqualTo("(t0.\"x\" BETWEEN ? AND ?) BETWEEN t0.\"b\" AND t0.\"c\"");
  }

  /** Ports ecto_sql postgres_test.exs "tagged type" and "json_extract_path": casts and JSON operators. */
  @Test
  void castsAndJsonOperators() {
    assertThat(select(cast(X, Types.LONG))).isEqualTo("t0.\"x\"::bigint");
    assertThat(select(cast(plus(X, 1), Types.LONG))).isEqualTo("(t0.\"x\" + ?)::bigint");
    assertThat(select(plus(cast(X, Types.LONG), 1L))).isEqualTo("t0.\"x\"::bigint + ?");
    assertThat(select(cast(jsonText(DOC, "k"), Types.INTEGER))).isEqualTo("(t0.\"doc\" #>> ?)::integer");
    assertThat(select(jsonText(json(DOC, "a"), "b"))).isEqualTo("t0.\"doc\" #> ? #>> ?");
    assertThat(select(jsonText(DOC, "k").eq("v"))).isEqualTo("t0.\"doc\" #>> ? = ?");
  }

  /**
   * Ports ecto_sql postgres_test.exs "fragments": a fragment that is one term is left as written;
   * other fragments and compound arguments are parenthesized, since the text's operators are unknown.
   */
  @Test
  void fragmentsAreParenthesizedUnlessTheyAreOneTerm() {
    assertThat(select(fragment(Types.TEXT, "lower(?)", S).eq("a"))).isEqualTo("lower(t0.\"s\") = ?");
    assertThat(select(times(fragment(Types.INTEGER, "? + 1", X), Y))).isEqualTo("(t0.\"x\" + 1) * t0.\"y\"");
    assertThat(select(fragment(Types.INTEGER, "abs(?)", minus(X, Y)))).isEqualTo("abs((t0.\"x\" - t0.\"y\"))");
    assertThat(select(fragment(Types.INTEGER, "now").isNull())).isEqualTo("now IS NULL");
    assertThat(select(fragment(Types.INTEGER, "(1 + '(')").isNull())).isEqualTo("(1 + '(') IS NULL");
    assertThat(select(fragment(Types.INTEGER, "SELECT max(id) FROM u"))).isEqualTo("(SELECT max(id) FROM u)");
    assertThat(where(Condition.fragment("? IS TRUE", B).and(Q))).isEqualTo("(t0.\"b\" IS TRUE) AND t0.\"c\"");
    assertThat(where(Condition.fragment("f(?) OR g(?)", X, Y).not())).isEqualTo("NOT (f(t0.\"x\") OR g(t0.\"y\"))");
  }

  /** Regression test for issue #18: subqueries, aggregates and calls are terms. */
  @Test
  void subqueriesAggregatesAndCallsAreTerms() {
    Query<Long> count = Query.from("u").select(Aggregate.count());
    assertThat(select(X.eq(Functions.coalesce(Y, 0)))).isEqualTo("t0.\"x\" = coalesce(t0.\"y\", ?)");
    assertThat(select(plus(cast(subquery(count), Types.INTEGER), X)))
        .isEqualTo("(SELECT count(*) FROM \"u\" AS u1)::integer + t0.\"x\"");
    assertThat(select(Aggregate.count().ge(1L))).isEqualTo("count(*) >= ?");
  }
}
