package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code aggregate(query, :count, :visits)} over a query of whole structs that is read as a
 * subquery (distinct, limit, offset): the subquery selects the aggregated field alone, so a
 * {@code distinct} counts distinct values of that field, not distinct rows.
 */
@EctoTest(sandbox = true)
class AggregateDistinctConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static void posts(Repo repo, int... views) {
    for (int i = 0; i < views.length; i++) {
      repo.insertOrThrow(new PostStruct().withTitle("p" + i).withViewCount(views[i]));
    }
  }

  /** Ports ecto integration_test/cases/repo.exs "aggregate with distinct", on a query of whole structs. */
  @Test
  void aggregateWithDistinct(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    List<String> sql = new ArrayList<>();
    Query<PostStruct> distinct = Posts.query().orderBy(Posts.VIEW_COUNT.asc()).distinct();
    assertThat(repo.withListener(event -> sql.add(event.sql())).aggregate(distinct, Aggregate.count(Posts.VIEW_COUNT)))
        .isEqualTo(3L);
    assertThat(sql).singleElement().asString()
        .startsWith("SELECT count(s0.\"view_count\") FROM (SELECT DISTINCT p1.\"view_count\" FROM \"posts\" AS p1");
    assertThat(repo.aggregate(distinct, Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("36");
  }

  /**
   * Regression test for issue #18: without an operand ({@code count(*)}, Ecto's {@code
   * aggregate(q, :count)}) the subquery keeps the whole structs, so distinct rows are counted.
   */
  @Test
  void countOfRowsKeepsTheWholeStructs(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    assertThat(repo.aggregate(Posts.query().distinct(), Aggregate.count())).isEqualTo(4L);
  }

  /**
   * Regression test for issue #18: distinct structs with a preload, limited, aggregate the field
   * alone (Ecto drops the preload and selects the field).
   */
  @Test
  void aQueryWithPreloadsAggregatesTheField(Repo repo) {
    posts(repo, 10, 14, 14);
    PostStruct first = repo.all(Posts.query().orderBy(Posts.ID.asc())).get(0);
    repo.insertOrThrow(new CommentStruct().withBody("a").withPostId(first.id()));
    repo.insertOrThrow(new CommentStruct().withBody("b").withPostId(first.id()));
    Query<PostStruct> preloaded = Posts.query().distinct().preload(Posts.COMMENTS).limit(10);
    assertThat(repo.aggregate(preloaded, Aggregate.count(Posts.VIEW_COUNT))).isEqualTo(2L);
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "uses subqueries with distinct/limit/offset": a query that
   * selects values of its own keeps them in the subquery.
   */
  @Test
  void aQuerySelectingItsOwnValuesKeepsThem(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    Query<String> titles = Posts.query().distinct().select(Posts.TITLE);
    assertThat(repo.aggregate(titles, Aggregate.count())).isEqualTo(4L);
  }
}
