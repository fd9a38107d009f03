package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** struct(p, fields) and map(p, fields), rendered. */
class PartialSelectTest {

  /** Ports ecto planner_test.exs "normalize: select with struct/2" and "select with map/2" (the columns). */
  @Test
  void onlyTheChosenColumnsAreSelected() {
    Query<Post> structs = Query.from(Posts.SCHEMA).selectFields(Posts.ID, Posts.TITLE);
    assertThat(structs.toSql().text()).isEqualTo("SELECT p0.\"id\", p0.\"title\" FROM \"posts\" AS p0");
    assertThat(structs.toString()).contains("select: struct(Post, [id, title])");
    Query<Map<String, Object>> maps = Query.from(Posts.SCHEMA).selectMap(Posts.ID, Posts.VIEWS);
    assertThat(maps.toSql().text()).isEqualTo("SELECT p0.\"id\" AS \"id\", p0.\"view_count\" AS \"views\" FROM \"posts\" AS p0");
  }

  /** Regression test for issue #18: a field twice, a virtual field or no field is refused. */
  @Test
  void badFieldListsAreRefused() {
    Query<Post> posts = Query.from(Posts.SCHEMA);
    assertThatThrownBy(() -> posts.selectFields(Posts.ID, Posts.ID)).hasMessageContaining("selected twice");
    assertThatThrownBy(() -> posts.selectFields(Posts.NOTE)).hasMessageContaining("is virtual");
    assertThatThrownBy(posts::selectFields).hasMessageContaining("select at least one field of Post");
    assertThatThrownBy(() -> posts.selectFields(Posts.ID).selectFields(Posts.TITLE))
        .hasMessageContaining("needs a query of whole structs");
  }

  /**
   * Ports ecto planner_test.exs "normalize: select with struct/2 on assoc" and select_test.exs
   * "select_merge / with take": the parents' fields and the join-preloaded children's, one column list.
   */
  @Test
  void someFieldsOfParentsAndOfJoinPreloadedChildren() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    Query<Post> query = Query.from(Posts.SCHEMA).join(Posts.COMMENTS, c)
        .preload(JoinPreload.of(Posts.COMMENTS, c).take(Comments.ID, Comments.BODY))
        .selectFields(Posts.ID, Posts.TITLE);
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"id\", p0.\"title\", c1.\"id\", c1.\"body\""
        + " FROM \"posts\" AS p0 INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
    assertThat(query.toString()).contains("select: struct(Post, [id, title]), preload(Posts.COMMENTS: struct(c, [id, body]))");
    // either order: the fields first, then the join-preload
    assertThat(Query.from(Posts.SCHEMA).join(Posts.COMMENTS, c).selectFields(Posts.ID).preload(Posts.COMMENTS, c)
        .toSql().text()).startsWith("SELECT p0.\"id\", c1.\"id\", c1.\"post_id\", c1.\"body\" FROM");
  }

  /** Regression test for issue #18: the primary keys that gather a join-preload's rows must be read. */
  @Test
  void aJoinPreloadNeedsTheKeysThatGatherItsRows() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    Query<Post> joined = Query.from(Posts.SCHEMA).join(Posts.COMMENTS, c);
    assertThatThrownBy(() -> joined.preload(Posts.COMMENTS, c).selectFields(Posts.TITLE))
        .hasMessageContaining("by its primary key, which struct(Post, [title]) does not read: add Post.id");
    assertThatThrownBy(() -> JoinPreload.of(Posts.COMMENTS, c).take(Comments.BODY))
        .hasMessageContaining("must read Comment.id");
    assertThatThrownBy(() -> joined.preload(Posts.COMMENTS, c).selectMap(Posts.ID))
        .hasMessageContaining("needs a query of whole structs");
  }

  /** Ports ecto integration repo.exs "take with preload assocs" (the query): preloads run over partial structs. */
  @Test
  void separatePreloadsAcceptSomeFields() {
    Query<Post> query = Query.from(Posts.SCHEMA).preload(Posts.COMMENTS).selectFields(Posts.ID, Posts.TITLE);
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"id\", p0.\"title\" FROM \"posts\" AS p0");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).preload(Posts.COMMENTS).select(Posts.TITLE))
        .hasMessageContaining("needs the query to select structs, whole or with selectFields(…)");
  }

  /**
   * Regression test for issue #18, planner_test.exs "normalze: select list of fields from subquery
   * source" for a CTE: some fields of the structs a CTE selects, read by column name, and only those
   * it selects.
   */
  @Test
  void someFieldsOfACtesStructs() {
    Cte<Post> recent = Cte.of("recent", Query.from(Posts.SCHEMA).selectFields(Posts.ID, Posts.TITLE));
    Query<Post> query = Query.from(recent).selectFields(Posts.TITLE);
    assertThat(query.toSql().text()).isEqualTo("WITH \"recent\" AS (SELECT p1.\"id\", p1.\"title\" FROM \"posts\""
        + " AS p1) SELECT r0.\"title\" FROM \"recent\" AS r0");
    assertThat(Query.from(recent).selectMap(Posts.ID).toSql().text()).contains("SELECT r0.\"id\" AS \"id\" FROM");
    assertThatThrownBy(() -> Query.from(recent).selectFields(Posts.VIEWS))
        .hasMessageContaining("Post.views is not selected by \"recent\", which reads [id, title] of Post");
  }

  /** Regression test for issue #18: selectMergeMap merges into a map or whole structs only. */
  @Test
  void selectMergeMapNeedsAMapOrWholeStructs() {
    Query<Post> posts = Query.from(Posts.SCHEMA);
    assertThat(posts.selectMergeMap(Posts.TITLE).toSql().text()).isEqualTo("SELECT p0.\"id\" AS \"id\","
        + " p0.\"title\" AS \"title\", p0.\"view_count\" AS \"views\", p0.\"author_id\" AS \"authorId\","
        + " p0.\"labels\" AS \"labels\" FROM \"posts\" AS p0");
    assertThatThrownBy(() -> posts.select(Posts.TITLE, Posts.ID).selectMergeMap(Posts.TITLE))
        .hasMessageContaining("selectMergeMap(Post.title) merges into a map selection");
    assertThatThrownBy(() -> posts.selectMerge(Posts.TITLE, Functions.value("x")).selectMergeMap(Posts.ID))
        .hasMessageContaining("this query selects merge(");
    assertThatThrownBy(() -> posts.selectMergeMap(Comments.BODY))
        .hasMessageContaining("Comment.body is not a field of Post, whose structs this query selects");
    assertThatThrownBy(() -> posts.selectMergeMap(Posts.NOTE)).hasMessageContaining("is virtual");
  }
}
