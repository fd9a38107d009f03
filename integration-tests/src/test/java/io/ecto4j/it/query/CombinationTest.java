package io.ecto4j.it.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** union, union all, intersect and except, alone and with order and limit on either level. */
@EctoTest(sandbox = true)
class CombinationTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  private static final Query<String> POST_AUTHORS = Posts.query().join(Posts.AUTHOR).select(Users.NAME);
  private static final Query<String> COMMENTERS = Comments.query().select(Comments.AUTHOR_NAME);

  @Test
  void setOperations(Repo repo) {
    assertThat(repo.all(POST_AUTHORS.union(COMMENTERS))).containsExactlyInAnyOrder("Ada", "Grace", "Linus");
    assertThat(repo.all(POST_AUTHORS.unionAll(COMMENTERS))).hasSize(3 + 17);
    assertThat(repo.all(POST_AUTHORS.intersect(COMMENTERS))).containsExactly("Grace");
    assertThat(repo.all(POST_AUTHORS.intersectAll(COMMENTERS))).containsExactly("Grace");
    assertThat(repo.all(POST_AUTHORS.except(COMMENTERS))).containsExactly("Ada");
    assertThat(repo.all(POST_AUTHORS.exceptAll(COMMENTERS))).containsExactly("Ada", "Ada");
    assertThat(repo.all(POST_AUTHORS.union(COMMENTERS).except(Users.query().where(Users.AGE.isNull()).select(Users.NAME))))
        .containsExactlyInAnyOrder("Ada", "Grace");
  }

  @Test
  void orderAndLimitOnEachSideAndOnTheWhole(Repo repo) {
    Query<PostStruct> mostViewed = Posts.query().orderBy(Posts.VIEW_COUNT.desc()).limit(1);
    Query<PostStruct> newest = Posts.query().orderBy(Posts.INSERTED_AT.desc()).limit(1);
    Query<PostStruct> both = mostViewed.union(newest);
    assertThat(repo.all(both)).containsExactlyInAnyOrder(blog.guide(), blog.draft());
    assertThat(both.toSql().text()).startsWith("(SELECT p0.\"id\"").contains(") UNION (SELECT p1.\"id\"");
    // order, limit and where on the union apply to the whole: it is wrapped as a subquery
    Query<PostStruct> ordered = both.orderBy(Posts.TITLE.asc());
    assertThat(repo.all(ordered)).containsExactly(blog.draft(), blog.guide());
    assertThat(repo.all(ordered.limit(1))).containsExactly(blog.draft());
    assertThat(repo.all(both.where(Posts.PUBLISHED.eq(true)))).containsExactly(blog.guide());
    assertThat(ordered.toSql().text()).startsWith("SELECT s0.* FROM ((SELECT ").endsWith("AS s0 ORDER BY s0.\"title\"");
    assertThat(repo.aggregate(both, Aggregate.count())).isEqualTo(2L);
    assertThat(repo.exists(both.where(Posts.TITLE.eq("Nope")))).isFalse();
    // the combined rows' columns are named as the first query names them
    assertThat(repo.all(POST_AUTHORS.union(COMMENTERS).orderBy(Query.column("name", Types.STRING).desc())))
        .containsExactly("Linus", "Grace", "Ada");
  }
}
