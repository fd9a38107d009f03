package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Condition;
import io.ecto4j.query.JoinType;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the planner numbers and checks joins (issue #18): bindings of runtime sources, and the join
 * kinds a join-preload accepts, as Ecto's join_test.exs and planner_test.exs check them.
 */
@EctoTest(sandbox = true)
class PlannerJoinsConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /**
   * Ports join_test.exs:234 "join count is incremented correctly for runtime sources": a subquery
   * with a join of its own, joined to a query of two tables without schema, is the third binding;
   * its inner bindings neither take a number of the outer query nor clash with its aliases.
   */
  @Test
  void aJoinedSubqueryIsTheNextBindingWhateverItJoinsInside(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("t").withBody("b").withAuthorId(ada.id()));
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(post.id()).withUserId(ada.id()));
    Query<Void> source = Query.from("posts").join(Alias.of("comments", "c"), Condition.TRUE);
    Alias<Long> j = Alias.of(Query.from("users").join(Alias.of("posts", "p"), Condition.TRUE)
        .select(Query.column("id", Types.LONG)), "j");
    Query<Tuple2<Long, Long>> query = source.join(j, Condition.TRUE)
        .select(Query.column("id", Types.LONG), j.column("id", Types.LONG));
    String sql = query.toSql().text();
    assertThat(sql).startsWith("SELECT p0.\"id\", s2.\"id\" FROM \"posts\" AS p0 INNER JOIN \"comments\" AS c1 ON TRUE"
        + " INNER JOIN (SELECT ");
    assertThat(repo.all(query)).containsExactly(new Tuple2<>(post.id(), ada.id()));
  }

  /**
   * Ports planner_test.exs:2929 "normalize: preload assoc errors": a join-preload over a right
   * join is refused with Ecto's words, as over a full or cross join (rows without a parent have no
   * struct to fill). Ecto's other case, a preload of a field that is no association, does not
   * compile: {@code preload} takes an {@code Association}.
   */
  @Test
  void aJoinPreloadNeedsAnInnerLeftOrLateralJoin(Repo repo) {
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    for (JoinType kind : List.of(JoinType.RIGHT, JoinType.FULL)) {
      Query<PostStruct> query = Posts.query().join(kind, Posts.COMMENTS, c).preload(Posts.COMMENTS, c);
      assertThatThrownBy(() -> repo.all(query)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("association `Posts.COMMENTS` in preload requires an inner, left or lateral join, got "
              + kind.name().toLowerCase() + " join");
    }
    Alias<CommentStruct> crossed = Alias.of(Comments.SCHEMA, "c");
    assertThatThrownBy(() -> Posts.query().crossJoin(crossed).preload(Posts.COMMENTS, crossed).toSql())
        .hasMessageContaining("requires an inner, left or lateral join, got cross join");
    assertThat(repo.all(Posts.query().join(Posts.COMMENTS, c).preload(Posts.COMMENTS, c))).isEmpty();
    assertThat(repo.all(Posts.query().leftJoin(Posts.COMMENTS, c).preload(Posts.COMMENTS, c))).isEmpty();
  }
}
