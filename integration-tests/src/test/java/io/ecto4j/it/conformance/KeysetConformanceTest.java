package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Functions;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keyset pagination on PostgreSQL: walking every page gives every row once, in order, for one
 * direction and for mixed directions with ties. Regression tests for issue #18 (Ecto has no helper).
 */
@EctoTest(sandbox = true)
class KeysetConformanceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private List<PostStruct> posts;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** 23 posts on 5 days with views in 0..3, so that both order columns tie often. */
  @BeforeEach
  void seed(Repo repo) {
    posts = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      Instant at = T0.plusSeconds(86_400L * (i % 5));
      posts.add(repo.insertOrThrow(new PostStruct().withTitle("p" + i).withBody("b").withViewCount(i % 4)
          .withInsertedAt(at).withUpdatedAt(at)));
    }
  }

  private static List<PostStruct> walk(Repo repo, Query<PostStruct> ordered, int size) {
    List<PostStruct> seen = new ArrayList<>();
    List<PostStruct> page = repo.all(ordered.limit(size));
    while (!page.isEmpty()) {
      seen.addAll(page);
      page = repo.all(ordered.after(page.get(page.size() - 1)).limit(size));
    }
    return seen;
  }

  /** Regression test for issue #18: one direction, one row comparison, every row once in order. */
  @Test
  void pagesInOneDirectionCoverEveryRowOnce(Repo repo) {
    Query<PostStruct> newest = Posts.query().orderBy(Posts.INSERTED_AT.desc(), Posts.ID.desc());
    assertThat(newest.after(posts.get(0)).toSql().text()).contains("WHERE (p0.\"inserted_at\", p0.\"id\") < (?, ?)");
    assertThat(walk(repo, newest, 5)).containsExactlyElementsOf(repo.all(newest)).hasSize(23);
  }

  /** Regression test for issue #18: mixed directions with ties on both columns, every row once in order. */
  @Test
  void pagesInMixedDirectionsCoverEveryRowOnce(Repo repo) {
    Query<PostStruct> mixed = Posts.query().orderBy(Posts.VIEW_COUNT.asc(), Posts.INSERTED_AT.desc(), Posts.ID.asc());
    assertThat(walk(repo, mixed, 4)).containsExactlyElementsOf(repo.all(mixed)).hasSize(23);
    assertThat(walk(repo, mixed.reverseOrder(), 7)).containsExactlyElementsOf(repo.all(mixed.reverseOrder()));
  }

  /** Regression test for issue #18: the previous page is before(first) in the reversed order, read back reversed. */
  @Test
  void beforeGivesThePreviousPage(Repo repo) {
    Query<PostStruct> ordered = Posts.query().orderBy(Posts.VIEW_COUNT.desc(), Posts.ID.asc());
    List<PostStruct> all = repo.all(ordered);
    PostStruct first = all.get(10);
    List<PostStruct> previous = new ArrayList<>(repo.all(ordered.before(first).reverseOrder().limit(5)));
    Collections.reverse(previous);
    assertThat(previous).containsExactlyElementsOf(all.subList(5, 10));
  }

  /** Regression test for issue #18: values given as a cursor for an order by an expression. */
  @Test
  void aCursorOfValuesPagesAnOrderByAnExpression(Repo repo) {
    Query<PostStruct> byScore = Posts.query().orderBy(Functions.plus(Posts.VIEW_COUNT, 10).desc(), Posts.ID.desc());
    List<PostStruct> all = repo.all(byScore);
    PostStruct last = all.get(8);
    assertThat(repo.all(byScore.afterValues(last.viewCount() + 10, last.id()))).containsExactlyElementsOf(all.subList(9, 23));
  }

  /** Regression test for issue #18: a nullable column would skip its NULL rows, so it is refused. */
  @Test
  void aNullableOrderIsRefused(Repo repo) {
    Query<PostStruct> byTitle = Posts.query().orderBy(Posts.TITLE.asc(), Posts.ID.asc());
    assertThatThrownBy(() -> byTitle.after(posts.get(0))).hasMessageContaining("Post.title, which may be NULL");
    assertThat(repo.all(byTitle)).hasSize(23);
  }
}
