package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Updated copies of an aliased struct, Ecto's {@code %{p | field: value}}, rendered. */
class UpdatedStructTest {
  private final Alias<Post> p = Alias.of(Posts.SCHEMA, "p");

  /**
   * Ports planner_test.exs "normalize: map updates only drop fields overwritten by every source
   * reference" (the columns): a copy selects its own columns, a merged field's value in its column's
   * place and a merged virtual field after them, beside the whole struct's columns.
   */
  @Test
  void eachCopySelectsItsOwnColumns() {
    UpdatedStruct<Post> copy = p.with(Posts.TITLE, Functions.value("x")).with(Posts.NOTE, Functions.value("n"));
    Query<Tuple2<Post, Post>> query = Query.from(p).select(copy, p);
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"id\", ? AS \"title\", p0.\"view_count\","
        + " p0.\"author_id\", p0.\"labels\", ? AS \"note\", p0.\"id\", p0.\"title\", p0.\"view_count\","
        + " p0.\"author_id\", p0.\"labels\" FROM \"posts\" AS p0");
    assertThat(query.toSql().values()).containsExactly("x", "n");
    assertThat(copy.with(Posts.TITLE, Functions.value("y"))).hasToString("%{p | title: ^y, note: ^n}");
  }

  /** Regression test for issue #18: a copy or a nested map spans several columns, so a map names none of them. */
  @Test
  void structsAndNestedMapsInAMapKeepTheirColumnNames() {
    Query<Map<String, Object>> query = Query.from(p).select(Map.of("post", p.with(Posts.TITLE, Functions.value("x"))));
    assertThat(query.toSql().text()).startsWith("SELECT p0.\"id\", ? AS \"title\", p0.\"view_count\",")
        .doesNotContain("AS \"post\"");
    Query<Map<String, Object>> nested = Query.from(p).select(Map.of("m", Selectable.map(Map.of("t", Posts.TITLE))));
    assertThat(nested.toSql().text()).isEqualTo("SELECT p0.\"title\" AS \"t\" FROM \"posts\" AS p0");
  }

  /** Regression test for issue #18: only a struct of a schema's table updates, with fields of its schema. */
  @Test
  void badUpdatesAreRefused() {
    assertThatThrownBy(() -> p.with(cast(Comments.BODY), Functions.value("x")))
        .hasMessageContaining("Comment.body is not a field of alias p (Post)");
    Alias<Post> sub = Alias.of(Query.from(Posts.SCHEMA), "s");
    assertThatThrownBy(() -> sub.with(Posts.TITLE, Functions.value("x")))
        .hasMessageContaining("updates a struct of a schema's table, and alias s reads subquery(");
    assertThatThrownBy(() -> p.with(Posts.TITLE, Functions.value(null, Types.STRING)).with(Posts.TITLE, null))
        .isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static io.ecto4j.meta.Field<Post, String> cast(io.ecto4j.meta.Field<?, String> field) {
    return (io.ecto4j.meta.Field) field; // what raw or unchecked code could pass
  }
}
