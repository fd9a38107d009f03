package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectClauseTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);

  record TitleViews(String title, int views) {}

  @Test
  void selectionsRenderTheirColumns() {
    assertThat(POSTS.select(Posts.TITLE).toSql().text()).isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0");
    assertThat(POSTS.select(TitleViews::new, Posts.TITLE, Posts.VIEWS).toSql().text())
        .startsWith("SELECT p0.\"title\", p0.\"view_count\" FROM");
    Map<String, Selectable<?>> fields = new LinkedHashMap<>();
    fields.put("title", Posts.TITLE);
    fields.put("n", Aggregate.count());
    Query<Map<String, Object>> map = POSTS.select(fields);
    assertThat(map.toSql().text()).startsWith("SELECT p0.\"title\" AS \"title\", count(*) AS \"n\" FROM");
    assertThat(map.selectMerge("n", Posts.ID).selectMerge("x", Posts.VIEWS).toSql().text())
        .startsWith("SELECT p0.\"title\" AS \"title\", p0.\"id\" AS \"n\", p0.\"view_count\" AS \"x\" FROM");
    assertThat(map).hasToString("#Query<from p0 in \"posts\", select: %{title: Post.title, n: count(*)}>");
  }

  @Test
  void wholeStructsOfAliases() {
    Alias<Post> p = Alias.of(Posts.SCHEMA, "p");
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    assertThat(Query.from(p).join(Posts.COMMENTS, c).select(p, c).toSql().text()).isEqualTo(
        "SELECT p0.\"id\", p0.\"title\", p0.\"view_count\", p0.\"author_id\", p0.\"labels\","
            + " c1.\"id\", c1.\"post_id\", c1.\"body\" FROM \"posts\" AS p0"
            + " INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
    assertThat(Query.from(p).join(Posts.COMMENTS, c).select(c).reader()).isNotNull();
  }

  @Test
  void selectMergeReplacesAColumnOrAddsAVirtualField() {
    Query<Post> merged = POSTS.selectMerge(Posts.TITLE, Functions.fragment(Posts.TITLE.type(), "upper(?)", Posts.TITLE))
        .selectMerge(Posts.NOTE, Functions.value("hi"));
    assertThat(merged.toSql().text()).isEqualTo("SELECT p0.\"id\", upper(p0.\"title\") AS \"title\", p0.\"view_count\","
        + " p0.\"author_id\", p0.\"labels\", ? AS \"note\" FROM \"posts\" AS p0");
    assertThatThrownBy(() -> POSTS.select(Posts.TITLE).selectMerge("x", Posts.ID))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merges into a map selection");
  }
}
