package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tag;
import io.ecto4j.query.TestSchemas.Tags;
import io.ecto4j.type.Types;
import org.junit.jupiter.api.Test;

class JoinClauseTest {
  private static final Query<String> POSTS = Query.from(Posts.SCHEMA).select(Posts.TITLE);

  @Test
  void associationJoins() {
    assertThat(POSTS.join(Posts.COMMENTS).toSql().text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
        + " INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
    assertThat(POSTS.leftJoin(Posts.TAGS).where(Tags.NAME.eq("x")).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
            + " LEFT OUTER JOIN \"posts_tags\" AS p1 ON p1.\"post_id\" = p0.\"id\""
            + " LEFT OUTER JOIN \"tags\" AS t2 ON t2.\"id\" = p1.\"tag_id\" WHERE t2.\"name\" = ?");
  }

  @Test
  void explicitJoinsOfEveryKind() {
    Condition on = Comments.POST_ID.eq(Posts.ID);
    assertThat(POSTS.join(Comments.SCHEMA, on).toSql().text()).endsWith("INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
    assertThat(POSTS.leftJoin(Comments.SCHEMA, on).toSql().text()).contains("LEFT OUTER JOIN \"comments\" AS c1 ON");
    assertThat(POSTS.join(JoinType.RIGHT, Comments.SCHEMA, on).toSql().text()).contains("RIGHT OUTER JOIN \"comments\"");
    assertThat(POSTS.join(JoinType.FULL, Comments.SCHEMA, on).toSql().text()).contains("FULL OUTER JOIN \"comments\"");
    assertThat(POSTS.crossJoin(Tags.SCHEMA).toSql().text()).endsWith("CROSS JOIN \"tags\" AS t1");
    assertThatThrownBy(() -> POSTS.join(JoinType.CROSS, Tags.SCHEMA, Condition.TRUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("CROSS join takes no ON condition");
  }

  @Test
  void aliasesBindTheSameTableTwice() {
    Alias<Post> other = Alias.of(Posts.SCHEMA, "other");
    Query<Tuple2<String, String>> pairs = Query.from(Posts.SCHEMA)
        .join(other, other.field(Posts.AUTHOR_ID).eq(Posts.AUTHOR_ID))
        .select(Posts.TITLE, other.field(Posts.TITLE));
    assertThat(pairs.toSql().text()).isEqualTo("SELECT p0.\"title\", p1.\"title\" FROM \"posts\" AS p0"
        + " INNER JOIN \"posts\" AS p1 ON p1.\"author_id\" = p0.\"author_id\"");
    assertThat(pairs).hasToString("#Query<from p0 in \"posts\", join: other in \"posts\","
        + " on: other.authorId = Post.authorId, select: {Post.title, other.title}>");
  }

  @Test
  void subqueriesAndTablesWithoutSchemaJoinThroughAliases() {
    Alias<Void> raw = Alias.of("audit", "a");
    Alias<Comment> latest = Alias.of(Query.from(Comments.SCHEMA).where(Comments.POST_ID.eq(Posts.ID)).limit(1), "latest");
    Query<String> query = POSTS.join(raw, raw.column("post_id", Types.LONG).eq(Posts.ID))
        .join(JoinType.LEFT_LATERAL, latest, Condition.TRUE);
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
        + " INNER JOIN \"audit\" AS a1 ON a1.\"post_id\" = p0.\"id\""
        + " LEFT OUTER JOIN LATERAL (SELECT c3.\"id\", c3.\"post_id\", c3.\"body\" FROM \"comments\" AS c3"
        + " WHERE c3.\"post_id\" = p0.\"id\" LIMIT ?) AS s2 ON TRUE");
  }

  @Test
  void misuseIsExplained() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    assertThatThrownBy(() -> POSTS.where(c.field(Comments.BODY).eq("x")).toSql())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alias c (\"comments\") is not joined in this query; join it first: query.join(c, …) or Query.from(c)");
    assertThatThrownBy(() -> POSTS.join(Posts.COMMENTS, c).join(Posts.COMMENTS, c))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias c is already bound");
    assertThatThrownBy(() -> Query.from(Comments.SCHEMA).join(Posts.TAGS).toSql())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the query has no Post source to join it from");
    assertThatThrownBy(() -> Alias.of(Tags.SCHEMA, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Ports ecto join_test.exs "accepts keywords on :on": an association join with a condition of its own besides its keys. */
  @Test
  void anAssociationJoinTakesAnExtraCondition() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    assertThat(POSTS.join(Posts.COMMENTS, c, c.field(Comments.BODY).eq("x").or(Posts.TITLE.isNull())).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0 INNER JOIN \"comments\" AS c1"
            + " ON c1.\"post_id\" = p0.\"id\" AND (c1.\"body\" = ? OR p0.\"title\" IS NULL)");
    Alias<Tag> t = Alias.of(Tags.SCHEMA, "t");
    Query<String> tagged = POSTS.leftJoin(Posts.TAGS, t, t.field(Tags.NAME).eq(Posts.TITLE));
    assertThat(tagged.toSql().text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
        + " LEFT OUTER JOIN \"posts_tags\" AS p1 ON p1.\"post_id\" = p0.\"id\""
        + " LEFT OUTER JOIN \"tags\" AS t2 ON t2.\"id\" = p1.\"tag_id\" AND t2.\"name\" = p0.\"title\"");
    assertThat(tagged).hasToString("#Query<from p0 in \"posts\", left_join: t in assoc(Posts.TAGS),"
        + " on: t.name = Post.title, select: Post.title>");
  }

  /**
   * Ports ecto joins.exs "has_many through association join" and "has_many through nested association
   * joins" (the SQL): each link of the path is joined, the last one under the alias.
   */
  @Test
  void aThroughAssociationJoinsEachLinkOfItsPath() {
    assertThat(POSTS.join(Posts.COMMENT_POSTS).toSql().text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
        + " INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\""
        + " INNER JOIN \"posts\" AS p2 ON p2.\"id\" = c1.\"post_id\"");
    Alias<Tag> t = Alias.of(Tags.SCHEMA, "t");
    assertThat(POSTS.leftJoin(Posts.COMMENT_POST_TAGS, t).where(t.field(Tags.NAME).eq("x")).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0"
            + " LEFT OUTER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\""
            + " LEFT OUTER JOIN \"posts\" AS p2 ON p2.\"id\" = c1.\"post_id\""
            + " LEFT OUTER JOIN \"posts_tags\" AS p3 ON p3.\"post_id\" = p2.\"id\""
            + " LEFT OUTER JOIN \"tags\" AS t4 ON t4.\"id\" = p3.\"tag_id\" WHERE t4.\"name\" = ?");
  }

  /** A field of a through join's inner link does not resolve to it: only the last link can be named. */
  @Test
  void theInnerLinksOfAThroughJoinCannotBeNamed() {
    assertThatThrownBy(() -> POSTS.join(Posts.COMMENT_POSTS).where(Comments.BODY.eq("x")).toSql())
        .hasMessageContaining("Comment.body belongs to \"comments\", which this query does not select from or join");
  }
}
