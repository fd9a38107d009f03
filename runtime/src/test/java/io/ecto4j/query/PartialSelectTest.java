package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
