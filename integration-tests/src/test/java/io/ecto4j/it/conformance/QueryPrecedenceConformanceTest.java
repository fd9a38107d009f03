package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.minus;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.Condition;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nested expressions give PostgreSQL's answer for the tree that was built: each row here is one
 * where the unparenthesized text would give another answer.
 */
@EctoTest(sandbox = true, schema = "CREATE TABLE flags (id int PRIMARY KEY, x boolean, y boolean, a int, b int, c int);"
    + " INSERT INTO flags VALUES (1, false, true, 10, 5, 2), (2, true, NULL, 1, 2, 3), (3, true, true, 0, 0, 0)")
class QueryPrecedenceConformanceTest {
  private static final Expression<Integer> ID = Query.column("id", Types.INTEGER);
  private static final Expression<Boolean> X = Query.column("x", Types.BOOLEAN);
  private static final Expression<Boolean> Y = Query.column("y", Types.BOOLEAN);
  private static final Expression<Integer> A = Query.column("a", Types.INTEGER);
  private static final Expression<Integer> B = Query.column("b", Types.INTEGER);
  private static final Expression<Integer> C = Query.column("c", Types.INTEGER);

  private static List<Integer> ids(Repo repo, Condition condition) {
    return repo.all(Query.from("flags").where(condition).orderBy(ID.asc()).select(ID));
  }

  /**
   * Ports ecto_sql test/ecto/adapters/postgres_test.exs "is_nil" ({@code r.x == is_nil(r.y)}), run:
   * {@code x = y IS NULL} would be {@code (x = y) IS NULL}, true for row 2 only.
   */
  @Test
  void aComparisonWithANullTestComparesWithItsResult(Repo repo) {
    assertThat(ids(repo, X.eq(Y.isNull()))).containsExactly(1, 2);
    assertThat(ids(repo, X.eq(Y).isNull())).containsExactly(2);
    assertThat(repo.all(Query.from("flags").orderBy(ID.asc()).select(Y.isNull().eq(X)))).containsExactly(true, true, false);
  }

  /** Ports ecto_sql postgres_test.exs "nested expressions", run: AND binds tighter than OR. */
  @Test
  void orUnderAndKeepsItsParentheses(Repo repo) {
    Condition xOrNotY = Condition.of(X).or(Condition.of(Y).not());
    assertThat(ids(repo, xOrNotY.and(A.gt(5)))).isEmpty();
    assertThat(ids(repo, Condition.of(X).or(Condition.of(Y).not().and(A.gt(5))))).containsExactly(2, 3);
  }

  /** Regression test for issue #18: arithmetic nested on the right keeps its parentheses. */
  @Test
  void arithmeticIsComputedAsBuilt(Repo repo) {
    Query<Integer> row1 = Query.from("flags").where(ID.eq(1)).select(minus(A, minus(B, C)));
    assertThat(repo.one(row1)).contains(7);
    assertThat(repo.one(Query.from("flags").where(ID.eq(1)).select(times(plus(A, B), C)))).contains(30);
    assertThat(ids(repo, minus(A, minus(B, C)).eq(7))).containsExactly(1);
  }

  /** Regression test for issue #18: a comparison under a comparison, and IN under a comparison. */
  @Test
  void comparisonsOfComparisons(Repo repo) {
    assertThat(ids(repo, X.eq(A.lt(B)))).containsExactly(1, 2);
    assertThat(ids(repo, X.eq(A.in(List.of(10, 0))))).containsExactly(3);
    assertThat(ids(repo, X.eq(A.notIn(List.of(10, 0))))).containsExactly(1, 2);
  }
}
