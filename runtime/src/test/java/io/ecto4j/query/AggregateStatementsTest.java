package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import org.junit.jupiter.api.Test;

/** The aggregate and exists statements of queries written for {@code repo.all} (issue #18). */
class AggregateStatementsTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);
  private static final Alias<Comment> C = Alias.of(Comments.SCHEMA, "c");

  @Test
  void preloadsAreIgnored() {
    Query<Post> preloading = POSTS.preload(Posts.COMMENTS).orderBy(Posts.TITLE.asc());
    assertThat(Statements.aggregate(preloading, Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM \"posts\" AS p0");
    assertThat(Statements.exists(preloading).text())
        .isEqualTo("SELECT 1 FROM \"posts\" AS p0 ORDER BY p0.\"title\" LIMIT ?");
  }

  @Test
  void aJoinPreloadIsAggregatedOverItsRootColumns() {
    Query<Post> joined = POSTS.leftJoin(Posts.COMMENTS, C).preload(Posts.COMMENTS, C);
    assertThat(Statements.aggregate(joined, Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM \"posts\" AS p0 LEFT OUTER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
    assertThat(Statements.aggregate(joined.distinct(), Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM (SELECT DISTINCT p1.\"id\", p1.\"title\", p1.\"view_count\", p1.\"author_id\","
            + " p1.\"labels\" FROM \"posts\" AS p1 LEFT OUTER JOIN \"comments\" AS c2 ON c2.\"post_id\" = p1.\"id\") AS s0");
  }

  @Test
  void aDistinctSubqueryKeepsTheQuerysSelectionAndDropsAnOrderThatCannotMatter() {
    assertThat(Statements.aggregate(POSTS.select(Posts.VIEWS).distinct().orderBy(Posts.TITLE.asc()),
        Aggregate.count(Posts.VIEWS)).text())
        .isEqualTo("SELECT count(s0.\"view_count\") FROM (SELECT DISTINCT p1.\"view_count\" FROM \"posts\" AS p1) AS s0");
    assertThat(Statements.aggregate(POSTS.distinctOn(Posts.AUTHOR_ID).orderBy(Posts.VIEWS.desc()), Aggregate.count())
        .text()).endsWith("ORDER BY p1.\"author_id\", p1.\"view_count\" DESC) AS s0");
  }

  @Test
  void groupByIsRefusedWithEctosMessage() {
    assertThatThrownBy(() -> Statements.aggregate(POSTS.groupBy(Posts.AUTHOR_ID), Aggregate.count()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot aggregate on query with group_by")
        .hasMessageContaining("in query:\n\n#Query<from p0 in \"posts\", group_by:");
  }

  @Test
  void existsKeepsALimitOfZero() {
    assertThat(Statements.exists(POSTS.limit(0)).values()).containsExactly(0);
    assertThat(Statements.exists(POSTS.limit(5)).values()).containsExactly(1);
  }

  @Test
  void combinationsAreReadAsAWhole() {
    Query<Post> except = POSTS.except(POSTS.where(Posts.VIEWS.gt(3)));
    assertThat(Statements.exists(except).text()).startsWith("SELECT 1 FROM ((SELECT ").endsWith(") AS s0 LIMIT ?");
    assertThat(Statements.combination(except)).isEqualTo("except");
    assertThat(Statements.combination(POSTS.unionAll(POSTS))).isEqualTo("union_all");
    assertThat(Statements.combination(POSTS)).isNull();
    assertThat(Statements.joinPreloads(POSTS.leftJoin(Posts.COMMENTS, C).preload(Posts.COMMENTS, C))).isTrue();
    assertThat(Statements.joinPreloads(POSTS.preload(Posts.COMMENTS))).isFalse();
  }
}
