package io.ecto4j.query;

import static io.ecto4j.query.Functions.selectedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** selected_as/2 and selected_as/1, rendered. */
class SelectedAsTest {

  /**
   * Ports ecto test/ecto/query/builder/select_test.exs "supports aliasing a selected value with
   * selected_as/2"; ecto_sql postgres_test.exs "aliasing a selected value with selected_as/2".
   */
  @Test
  void aSelectedValueIsNamedInTheSelectList() {
    SelectedAs<Integer> views = selectedAs(Posts.VIEWS, "integer");
    Query<Integer> single = Query.from(Posts.SCHEMA).select(views);
    assertThat(single.toSql().text()).isEqualTo("SELECT p0.\"view_count\" AS \"integer\" FROM \"posts\" AS p0");
    Query<Map<String, Object>> map = Query.from(Posts.SCHEMA).select(Map.of("posts", views));
    assertThat(map.toSql().text()).startsWith("SELECT p0.\"view_count\" AS \"integer\" FROM");
    assertThat(single.toString()).contains("select: selected_as(Post.views, integer)");
  }

  /** Ports ecto select_test.exs "supports aliasing a selected value in select_merge with selected_as/2". */
  @Test
  void aMergedMapValueMayBeNamed() {
    Query<Map<String, Object>> query = Query.from(Posts.SCHEMA).select(Map.of("title", Posts.TITLE))
        .selectMerge("views", selectedAs(Posts.VIEWS, "v")).orderBy(selectedAs(Posts.VIEWS, "v").desc());
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"title\" AS \"title\", p0.\"view_count\" AS \"v\""
        + " FROM \"posts\" AS p0 ORDER BY \"v\" DESC");
  }

  /**
   * Ports ecto group_by_test.exs and order_by_test.exs "can reference the alias of a selected value
   * with selected_as/1"; ecto_sql postgres_test.exs "group_by can reference the alias of a selected
   * value with selected_as/1" and "order_by can reference …".
   */
  @Test
  void orderAndGroupReferToTheName() {
    SelectedAs<Long> count = selectedAs(Aggregate.count(), "count");
    SelectedAs<Long> author = selectedAs(Posts.AUTHOR_ID, "author");
    Query<Tuple2<Long, Long>> query = Query.from(Posts.SCHEMA).select(author, count).groupBy(author)
        .orderBy(count.desc(), author.asc());
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"author_id\" AS \"author\", count(*) AS \"count\""
        + " FROM \"posts\" AS p0 GROUP BY \"author\" ORDER BY \"count\" DESC, \"author\"");
  }

  /** Ports ecto select_test.exs "raises if the name given to selected_as/2 already exists". */
  @Test
  void aNameIsGivenOncePerSelect() {
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).select(selectedAs(Posts.ID, "x"), selectedAs(Posts.VIEWS, "x")))
        .hasMessageStartingWith("the alias `x` has already been specified as part of this select");
  }

  /** Ports ecto planner_test.exs's invalid-alias check: ordering by a name the select does not give. */
  @Test
  void anUnknownNameIsRefusedWhenRendered() {
    Query<Post> query = Query.from(Posts.SCHEMA).orderBy(selectedAs(Posts.VIEWS, "v").asc());
    assertThatThrownBy(query::toSql).hasMessageStartingWith("invalid alias: `v`. Use `selectedAs(expression, \"v\")`");
  }
}
