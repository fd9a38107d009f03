package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);

  private static String updateAll(Query<?> query, Update... updates) {
    return Statements.updateAll(query, List.of(updates), false).text();
  }

  /**
   * Ports ecto test/ecto/query/planner_test.exs "normalize: update all only allow filters and checks
   * updates": {@code update: [set: [title: "foo", title: "bar"]]} is "duplicate field `title` for `update_all`".
   */
  @Test
  void aFieldSetTwiceIsRefusedWhenTheStatementIsBuilt() {
    assertThatThrownBy(() -> updateAll(POSTS, Update.set(Posts.TITLE, "a"), Update.set(Posts.TITLE, "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate field `Post.title` for `updateAll`: set: Post.title = ^a and set: Post.title = ^b"
            + " both write column \"title\"; write each field once");
    assertThatThrownBy(() -> updateAll(POSTS, Update.set(Posts.VIEWS, 1), Update.inc(Posts.VIEWS, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duplicate field `Post.views` for `updateAll`");
    assertThatThrownBy(() -> updateAll(POSTS, Update.push(Posts.LABELS, "a"), Update.pull(Posts.LABELS, "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duplicate field `Post.labels` for `updateAll`");
  }

  /** Regression test for issue #18: a column named twice, by field and by name, is the same column. */
  @Test
  void theSameColumnByAnotherNameIsADuplicateToo() {
    assertThatThrownBy(() -> updateAll(POSTS, Update.set(Posts.TITLE, "a"),
        Update.set(Query.column("title", Types.STRING), "b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both write column \"title\"");
    Query<Void> untyped = Query.from("posts");
    assertThatThrownBy(() -> updateAll(untyped, Update.set(Query.column("n", Types.INTEGER), 1),
        Update.inc(Query.column("n", Types.INTEGER), 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("duplicate field `n` for `updateAll`");
    assertThat(updateAll(POSTS, Update.set(Posts.TITLE, "a"), Update.inc(Posts.VIEWS, 1)))
        .isEqualTo("UPDATE \"posts\" AS p0 SET \"title\" = ?, \"view_count\" = p0.\"view_count\" + ?");
  }

  /** Regression test for issue #18: the joins' ON conditions and the WHERE meet under one AND. */
  @Test
  void conditionsMovedToTheWhereOfABulkWriteKeepTheirGrouping() {
    Condition titled = Posts.TITLE.eq("a").or(Posts.TITLE.eq("b"));
    assertThat(updateAll(POSTS.join(Posts.COMMENTS).where(titled), Update.inc(Posts.VIEWS, 1)))
        .endsWith("WHERE c1.\"post_id\" = p0.\"id\" AND (p0.\"title\" = ? OR p0.\"title\" = ?)");
    Condition linked = Comments.POST_ID.eq(Posts.ID).or(Comments.BODY.eq("x"));
    assertThat(Statements.deleteAll(POSTS.join(Comments.SCHEMA, linked).where(titled), false).text())
        .isEqualTo("DELETE FROM \"posts\" AS p0 USING \"comments\" AS c1"
            + " WHERE (c1.\"post_id\" = p0.\"id\" OR c1.\"body\" = ?) AND (p0.\"title\" = ? OR p0.\"title\" = ?)");
    assertThat(updateAll(POSTS.where(titled), Update.inc(Posts.VIEWS, 1)))
        .endsWith("WHERE p0.\"title\" = ? OR p0.\"title\" = ?");
  }
}
