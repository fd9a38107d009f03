package io.ecto4j.query;

import static io.ecto4j.query.Functions.selectedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.LinkedHashMap;
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

  /**
   * Ports ecto planner_test.exs "selected aliases / with group_by" and "… / with order_by": a name
   * the select gives may be grouped and ordered by; one it does not give is refused, for both.
   */
  @Test
  void groupAndOrderByANameNeedTheSelectToGiveIt() {
    SelectedAs<Long> post = selectedAs(Comments.POST_ID, "post");
    Query<Long> grouped = Query.from(Comments.SCHEMA).select(post).groupBy(post);
    assertThat(grouped.toSql().text()).isEqualTo("SELECT c0.\"post_id\" AS \"post\" FROM \"comments\" AS c0 GROUP BY \"post\"");
    assertThat(Query.from(Comments.SCHEMA).select(post).orderBy(post.asc()).toSql().text()).endsWith("ORDER BY \"post\"");
    assertThatThrownBy(() -> Query.from(Comments.SCHEMA).groupBy(post).toSql()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid alias: `post`. Use `selectedAs(expression, \"post\")` to define aliases in the"
            + " outermost `select` expression");
    assertThatThrownBy(() -> Query.from(Comments.SCHEMA).orderBy(post.asc()).toSql())
        .hasMessageStartingWith("invalid alias: `post`.");
  }

  /**
   * Ports ecto planner_test.exs "selected aliases / with dynamic/2": a map selection and an order
   * assembled at run time, naming values and ordering by a name.
   */
  @Test
  void aSelectionAndOrderBuiltAtRunTimeUseNames() {
    Map<String, Selectable<?>> fields = new LinkedHashMap<>();
    fields.put("id", selectedAs(Posts.ID, "alias"));
    fields.put("id2", selectedAs(Posts.ID, "alias2"));
    Order order = selectedAs(Posts.ID, "alias").asc();
    assertThat(Query.from(Posts.SCHEMA).select(fields).orderBy(order).toSql().text())
        .isEqualTo("SELECT p0.\"id\" AS \"alias\", p0.\"id\" AS \"alias2\" FROM \"posts\" AS p0 ORDER BY \"alias\"");
  }

  /**
   * Ports ecto planner_test.exs "selected aliases / with subqueries" and "… with nested subqueries":
   * a subquery's column is named by the alias, and the query around it reads it by that name.
   */
  @Test
  void aSubqueryColumnIsNamedByTheAlias() {
    Map<String, Selectable<?>> inner = new LinkedHashMap<>();
    inner.put("x1", selectedAs(Posts.VIEWS, "integer"));
    inner.put("x2", Posts.VIEWS);
    Query<Map<String, Object>> s1 = Query.from(Posts.SCHEMA).select(inner);
    Query<Integer> outer = Query.from(s1).select(Query.column("integer", Types.INTEGER));
    assertThat(outer.toSql().text()).isEqualTo("SELECT s0.\"integer\" FROM (SELECT p1.\"view_count\" AS \"integer\","
        + " p1.\"view_count\" AS \"x2\" FROM \"posts\" AS p1) AS s0");
    Map<String, Selectable<?>> middle = new LinkedHashMap<>();
    middle.put("y1", selectedAs(Query.column("integer", Types.INTEGER), "integer2"));
    middle.put("y2", Query.column("x2", Types.INTEGER));
    Query<Map<String, Object>> s2 = Query.from(s1).select(middle);
    assertThat(Query.from(s2).select(Query.column("integer2", Types.INTEGER)).toSql().text())
        .isEqualTo("SELECT s0.\"integer2\" FROM (SELECT s1.\"integer\" AS \"integer2\", s1.\"x2\" AS \"y2\" FROM"
            + " (SELECT p2.\"view_count\" AS \"integer\", p2.\"view_count\" AS \"x2\" FROM \"posts\" AS p2) AS s1) AS s0");
  }

  /** Ports ecto planner_test.exs "selected aliases / raises when subquery key conflicts with selected_as/2 alias". */
  @Test
  void aSubqueryAliasMustNotClashWithAKey() {
    Map<String, Selectable<?>> clashing = new LinkedHashMap<>();
    clashing.put("x", selectedAs(Posts.VIEWS, "integer"));
    clashing.put("integer", Posts.AUTHOR_ID);
    Query<Map<String, Object>> query = Query.from(Posts.SCHEMA).select(clashing);
    assertThatThrownBy(() -> Query.from(query)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the alias, integer, provided to selectedAs conflicts with the key integer of the select of"
            + " a subquery");
    assertThatThrownBy(() -> Alias.of(query, "s")).hasMessageContaining("conflicts with the key integer");
    // as the statement itself, two columns may share a name
    assertThat(query.toSql().text()).startsWith("SELECT p0.\"view_count\" AS \"integer\", p0.\"author_id\" AS \"integer\"");
  }

  /**
   * Ports ecto planner_test.exs "selected aliases / with select_merge": a value merged into a map
   * selection may be named, and the name is the last column.
   */
  @Test
  void aValueMergedIntoAMapMayBeNamedLast() {
    Query<Map<String, Object>> query = Query.from(Posts.SCHEMA).select(Map.of("id", Posts.ID))
        .selectMerge("title", selectedAs(Posts.TITLE, "alias"));
    assertThat(query.toSql().text()).isEqualTo("SELECT p0.\"id\" AS \"id\", p0.\"title\" AS \"alias\" FROM \"posts\" AS p0");
  }

  /**
   * Ports ecto planner_test.exs "selected aliases / with select_merge" (merging into a source): a
   * value merged into a struct selection may be named, stands in its field's place under that name,
   * and orders the query by it.
   */
  @Test
  void aValueMergedIntoAStructMayBeNamed() {
    SelectedAs<String> alias = selectedAs(Posts.TITLE, "alias");
    Query<Post> query = Query.from(Posts.SCHEMA).selectMerge(Posts.TITLE, alias).orderBy(alias.desc());
    assertThat(query.toSql().text()).contains("p0.\"title\" AS \"alias\"").endsWith("ORDER BY \"alias\" DESC");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).selectMerge(Posts.TITLE, Posts.TITLE)
        .orderBy(alias.desc()).toSql()).hasMessageContaining("invalid alias: `alias`");
  }

  /**
   * Ports ecto subquery_test.exs "plan: source subqueries / with literals" and "normalize: source
   * subqueries / keeps field with nil values": bound values, null among them, selected in a
   * subquery are its columns, and the query around may select values of its own.
   */
  @Test
  void valuesSelectedInASubqueryAreItsColumns() {
    Map<String, Selectable<?>> inner = new LinkedHashMap<>();
    inner.put("t", Posts.TITLE);
    inner.put("l", Functions.value("literal"));
    inner.put("n", Functions.value(null, Types.TEXT));
    Map<String, Selectable<?>> outer = new LinkedHashMap<>();
    outer.put("x", Query.column("t", Types.TEXT));
    outer.put("y", Query.column("l", Types.TEXT));
    outer.put("n", Query.column("n", Types.TEXT));
    outer.put("z", Functions.value("otherliteral"));
    Sql sql = Query.from(Query.from(Posts.SCHEMA).select(inner)).select(outer).toSql();
    assertThat(sql.text()).isEqualTo("SELECT s0.\"t\" AS \"x\", s0.\"l\" AS \"y\", s0.\"n\" AS \"n\", ? AS \"z\" FROM"
        + " (SELECT p1.\"title\" AS \"t\", ? AS \"l\", ? AS \"n\" FROM \"posts\" AS p1) AS s0");
    assertThat(sql.values()).containsExactly("otherliteral", "literal", null);
  }
}
