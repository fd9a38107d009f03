package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Lock;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code Repo.aggregate} and {@code Repo.exists?} over queries written for {@code all}:
 * preloads, order, distinct, limits, offsets, group by and combinations (issue #18).
 */
@EctoTest(sandbox = true)
class AggregateConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** Posts with the given view counts, titled "p0", "p1", …; the first two by one author, with a comment each. */
  private static List<PostStruct> posts(Repo repo, int... views) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    List<PostStruct> posts = new ArrayList<>();
    for (int i = 0; i < views.length; i++) {
      PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("p" + i).withBody("body")
          .withViewCount(views[i]).withAuthorId(i < 2 ? ada.id() : null));
      if (i < 2) {
        repo.insertOrThrow(new CommentStruct().withBody("on p" + i).withPostId(post.id()));
      }
      posts.add(post);
    }
    return posts;
  }

  /** The statements a repo runs, as its listener saw them. */
  private static Repo recording(Repo repo, List<String> sql) {
    return repo.withListener(event -> sql.add(event.sql()));
  }

  /** Ports ecto integration_test/cases/repo.exs "aggregate". */
  @Test
  void aggregate(Repo repo) {
    assertThat(repo.aggregate(Posts.query(), Aggregate.max(Posts.VIEW_COUNT))).isNull();
    posts(repo, 10, 12, 14, 14);
    assertThat(repo.aggregate(Posts.query(), Aggregate.max(Posts.VIEW_COUNT))).isEqualTo(14);
    assertThat(repo.aggregate(Posts.query(), Aggregate.min(Posts.VIEW_COUNT))).isEqualTo(10);
    assertThat(repo.aggregate(Posts.query(), Aggregate.count(Posts.VIEW_COUNT))).isEqualTo(4L);
    assertThat(repo.aggregate(Posts.query(), Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("50");
    Query<PostStruct> ordered = Posts.query().orderBy(Posts.VIEW_COUNT.asc());
    assertThat(repo.aggregate(ordered, Aggregate.max(Posts.VIEW_COUNT))).isEqualTo(14);
    assertThat(repo.aggregate(ordered.limit(2), Aggregate.max(Posts.VIEW_COUNT))).isEqualTo(12);
  }

  /** Ports ecto integration_test/cases/repo.exs "aggregate avg". */
  @Test
  void aggregateAvg(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    BigDecimal avg = repo.aggregate(Posts.query(), Aggregate.avg(Posts.VIEW_COUNT));
    assertThat(avg.toPlainString()).startsWith("12.5");
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "aggregate with distinct": the distinct applies to
   * what the query selects, here the view count, in a subquery.
   */
  @Test
  void aggregateWithDistinct(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    Query<Integer> views = Posts.query().orderBy(Posts.VIEW_COUNT.asc()).distinct().select(Posts.VIEW_COUNT);
    assertThat(repo.aggregate(views, Aggregate.count(Posts.VIEW_COUNT))).isEqualTo(3L);
    assertThat(repo.aggregate(views, Aggregate.count())).isEqualTo(3L);
    assertThat(repo.aggregate(Posts.query().distinctOn(Posts.VIEW_COUNT), Aggregate.count())).isEqualTo(3L);
  }

  /** Ports ecto test/ecto/repo_test.exs "uses subqueries with distinct/limit/offset" by its results. */
  @Test
  void aggregateOverLimitOrOffsetCountsTheirRowsInASubquery(Repo repo) {
    posts(repo, 10, 12, 14, 14);
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    Query<PostStruct> ordered = Posts.query().orderBy(Posts.VIEW_COUNT.desc());
    assertThat(recorded.aggregate(ordered.limit(3), Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("40");
    assertThat(recorded.aggregate(ordered.offset(1), Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("36");
    assertThat(recorded.aggregate(ordered.offset(4), Aggregate.count())).isZero();
    assertThat(sql.get(0)).startsWith("SELECT sum(s0.\"view_count\") FROM (SELECT ").contains(" ORDER BY ");
  }

  /** Ports ecto test/ecto/repo_test.exs "removes order by from query without distinct/limit/offset/combinations". */
  @Test
  void aggregateDropsTheOrderOfAPlainQuery(Repo repo) {
    posts(repo, 10, 12);
    List<String> sql = new ArrayList<>();
    recording(repo, sql).aggregate(Posts.query().orderBy(Posts.TITLE.asc()), Aggregate.count(Posts.ID));
    assertThat(sql).singleElement().asString().startsWith("SELECT count(p0.\"id\") FROM \"posts\" AS p0")
        .doesNotContain("ORDER BY");
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "removes any preload from query" (aggregate): a query with
   * separate and join preloads is aggregated over its rows, with no preload run.
   */
  @Test
  void aggregateIgnoresPreloads(Repo repo) {
    posts(repo, 10, 12, 14);
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    Query<PostStruct> preloading = Posts.query().preload(Posts.AUTHOR, Posts.COMMENTS);
    assertThat(recorded.aggregate(preloading, Aggregate.count())).isEqualTo(3L);
    assertThat(recorded.aggregate(preloading.limit(2), Aggregate.count())).isEqualTo(2L);
    Alias<UserStruct> author = Alias.of(Users.SCHEMA, "a");
    Query<PostStruct> joined = Posts.query().join(Posts.AUTHOR, author).preload(Posts.AUTHOR, author);
    assertThat(recorded.aggregate(joined, Aggregate.count())).isEqualTo(2L);
    assertThat(recorded.aggregate(joined.distinct(), Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("22");
    assertThat(sql).hasSize(4);
  }

  /** Ports ecto test/ecto/repo_test.exs "raises when aggregating with group_by". */
  @Test
  void aggregateRefusesGroupBy(Repo repo) {
    Query<PostStruct> grouped = Posts.query().groupBy(Posts.ID);
    assertThatThrownBy(() -> repo.aggregate(grouped, Aggregate.count(Posts.ID)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot aggregate on query with group_by")
        .hasMessageContaining("in query:").hasMessageContaining("group_by");
  }

  /** Ports ecto test/ecto/repo_test.exs "uses subqueries with combinations". */
  @Test
  void aggregateOverACombinationCountsItsRows(Repo repo) {
    posts(repo, 10, 12, 14);
    Query<PostStruct> small = Posts.query().where(Posts.VIEW_COUNT.lt(13));
    Query<PostStruct> first = Posts.query().where(Posts.TITLE.eq("p0"));
    assertThat(repo.aggregate(small.union(first), Aggregate.count())).isEqualTo(2L);
    assertThat(repo.aggregate(small.unionAll(first), Aggregate.count())).isEqualTo(3L);
    assertThat(repo.aggregate(small.except(first), Aggregate.max(Posts.VIEW_COUNT))).isEqualTo(12);
  }

  /** A regression test for issue #18: a lock is kept in a subquery, where PostgreSQL allows it. */
  @Test
  void aggregateOverALockedQuery(Repo repo) {
    posts(repo, 10, 12);
    assertThat(repo.aggregate(Posts.query().lock(Lock.forUpdate()), Aggregate.count())).isEqualTo(2L);
  }

  /** Ports ecto integration_test/cases/repo.exs "exists?". */
  @Test
  void exists(Repo repo) {
    repo.insertOrThrow(new PostStruct().withTitle("1").withBody("b").withViewCount(2));
    repo.insertOrThrow(new PostStruct().withTitle("2").withBody("b").withViewCount(1));
    assertThat(repo.exists(Posts.query().where(Posts.TITLE.isNotNull()).limit(2))).isTrue();
    assertThat(repo.exists(Posts.query().where(Posts.TITLE.eq("1")).select(Posts.TITLE))).isTrue();
    assertThat(repo.exists(Posts.query().where(Posts.ID.isNull()))).isFalse();
    assertThat(repo.exists(Posts.query().groupBy(Posts.VIEW_COUNT)
        .having(Aggregate.avg(Posts.VIEW_COUNT).gt(BigDecimal.ONE)).select(Posts.VIEW_COUNT))).isTrue();
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "selects 1 and sets limit to 1" and "keeps order by from
   * query": {@code SELECT 1 FROM "posts" AS p0 ORDER BY p0."title" LIMIT 1}, as Ecto renders it.
   */
  @Test
  void existsSelectsOneKeepsTheOrderAndLimitsToOne(Repo repo) {
    posts(repo, 10);
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    assertThat(recorded.exists(Posts.query().orderBy(Posts.TITLE.asc()))).isTrue();
    assertThat(recorded.exists(Posts.query().select(Posts.ID).limit(10))).isTrue();
    assertThat(sql).containsExactly("SELECT 1 FROM \"posts\" AS p0 ORDER BY p0.\"title\" LIMIT ?",
        "SELECT 1 FROM \"posts\" AS p0 LIMIT ?");
  }

  /** Ports ecto test/ecto/repo_test.exs "removes any preload from query" (exists?). */
  @Test
  void existsIgnoresPreloads(Repo repo) {
    posts(repo, 10, 12);
    List<String> sql = new ArrayList<>();
    Repo recorded = recording(repo, sql);
    assertThat(recorded.exists(Posts.query().preload(Posts.COMMENTS.then(Comments.USER)))).isTrue();
    Alias<UserStruct> author = Alias.of(Users.SCHEMA, "a");
    Query<PostStruct> joined = Posts.query().join(Posts.AUTHOR, author).preload(Posts.AUTHOR, author);
    assertThat(recorded.exists(joined.where(author.field(Users.NAME).eq("Ada")))).isTrue();
    assertThat(recorded.exists(joined.where(author.field(Users.NAME).eq("Bob")))).isFalse();
    assertThat(sql).hasSize(3);
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "removes distinct from query": a plain DISTINCT with an
   * ORDER BY of another column, which PostgreSQL refuses for {@code SELECT DISTINCT 1}, is dropped.
   */
  @Test
  void existsRemovesDistinct(Repo repo) {
    posts(repo, 10, 10);
    List<String> sql = new ArrayList<>();
    assertThat(recording(repo, sql).exists(Posts.query().select(Posts.VIEW_COUNT).distinct()
        .orderBy(Posts.TITLE.asc()))).isTrue();
    assertThat(sql).singleElement().asString().doesNotContain("DISTINCT");
  }

  /**
   * A regression test for issue #18: exists answers for the query's own rows where Ecto's rewrite
   * would not: a limit of 0, a distinct with an offset, and an except (whose operands Ecto would
   * each rewrite to {@code SELECT 1}).
   */
  @Test
  void existsAnswersForTheQuerysOwnRows(Repo repo) {
    posts(repo, 10, 10, 12);
    assertThat(repo.exists(Posts.query().limit(0))).isFalse();
    assertThat(repo.exists(Posts.query().offset(2))).isTrue();
    assertThat(repo.exists(Posts.query().offset(3))).isFalse();
    Query<Integer> views = Posts.query().select(Posts.VIEW_COUNT).distinct();
    assertThat(repo.exists(views.offset(1))).isTrue();
    assertThat(repo.exists(views.offset(2))).isFalse();
    Query<PostStruct> all = Posts.query();
    assertThat(repo.exists(all.except(Posts.query().where(Posts.VIEW_COUNT.eq(10))))).isTrue();
    assertThat(repo.exists(all.except(Posts.query()))).isFalse();
    assertThat(repo.exists(all.where(Posts.VIEW_COUNT.eq(12)).intersect(all.where(Posts.VIEW_COUNT.eq(10)))))
        .isFalse();
  }
}
