package io.ecto4j.query;

import static io.ecto4j.query.Functions.selectedAs;
import static io.ecto4j.query.Functions.subquery;
import static io.ecto4j.query.Functions.value;
import static io.ecto4j.query.WindowTest.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CteTest {

  @Test
  void aCteIsDefinedInWithAndReadByName() {
    Cte<Post> popular = Cte.of("popular", Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(100)));
    assertThat(Query.from(popular).select(Posts.TITLE).toSql().text()).isEqualTo(
        "WITH \"popular\" AS (SELECT p1.\"id\", p1.\"title\", p1.\"view_count\", p1.\"author_id\", p1.\"labels\""
            + " FROM \"posts\" AS p1 WHERE p1.\"view_count\" > ?) SELECT p0.\"title\" FROM \"popular\" AS p0");
  }

  @Test
  void aRecursiveCteRefersToItself() {
    Cte<Post> chain = Cte.recursive("chain", Posts.SCHEMA, self -> {
      Alias<Post> previous = Alias.of(self, "previous");
      return Query.from(Posts.SCHEMA).where(Posts.ID.eq(1L))
          .unionAll(Query.from(Posts.SCHEMA).join(previous, Posts.AUTHOR_ID.eq(previous.field(Posts.ID))));
    });
    String sql = Query.from(chain).prefix("tenant").select(Posts.ID).toSql().text();
    assertThat(sql).startsWith("WITH RECURSIVE \"chain\" AS ((SELECT p1.\"id\"")
        .contains("FROM \"tenant\".\"posts\" AS p1 WHERE p1.\"id\" = ?) UNION ALL (SELECT p2.\"id\"")
        .contains("INNER JOIN \"chain\" AS c3 ON p2.\"author_id\" = c3.\"id\"")
        .endsWith(") SELECT c0.\"id\" FROM \"chain\" AS c0");
  }

  private static final String POST_COLUMNS = "p1.\"id\", p1.\"title\", p1.\"view_count\", p1.\"author_id\", p1.\"labels\"";

  /**
   * Ports ecto_sql postgres_test.exs "materialized CTE" and "not materialized CTE", and ecto
   * cte_test.exs "materialized CTE" and "not materialized CTE".
   */
  @Test
  void aCteMayBeMaterializedOrNot() {
    Cte<Post> popular = Cte.of("popular", Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(100)));
    assertThat(Query.from(popular.materialized()).select(Posts.TITLE).toSql().text())
        .startsWith("WITH \"popular\" AS MATERIALIZED (SELECT " + POST_COLUMNS + " FROM \"posts\" AS p1 WHERE");
    assertThat(Query.from(popular.notMaterialized()).select(Posts.TITLE).toSql().text())
        .startsWith("WITH \"popular\" AS NOT MATERIALIZED (SELECT ");
    Cte<Post> tree = Cte.recursive("tree", Posts.SCHEMA, self -> Query.from(Posts.SCHEMA)
        .unionAll(Query.from(Posts.SCHEMA).join(Alias.of(self, "t"), Condition.TRUE))).materialized();
    assertThat(Query.from(tree).select(Posts.ID).toSql().text()).startsWith("WITH RECURSIVE \"tree\" AS MATERIALIZED ((SELECT");
    assertThat(popular.materialized().toString()).startsWith("popular materialized: #Query<");
  }

  /**
   * Ports ecto_sql postgres_test.exs "fragment CTE" and ecto cte_test.exs "fragment CTE": the body
   * is SQL text, read through an alias's columns; WITH RECURSIVE when the text reads itself.
   */
  @Test
  void aCteMayBeSqlText() {
    String raw = "SELECT * FROM categories WHERE c.parent_id IS NULL\nUNION ALL\n"
        + "SELECT * FROM categories AS c, category_tree AS ct WHERE ct.id = c.parent_id\n";
    Cte<Void> tree = Cte.fragment("tree", raw).withRecursive();
    Alias<Void> t = Alias.of(tree, "t");
    Query<Long> query = Query.from(Posts.SCHEMA).with(tree).join(t, t.column("id", Types.LONG).eq(Posts.AUTHOR_ID))
        .select(Posts.ID);
    assertThat(query.toSql().text()).isEqualTo("WITH RECURSIVE \"tree\" AS (" + raw + ") SELECT p0.\"id\""
        + " FROM \"posts\" AS p0 INNER JOIN \"tree\" AS t1 ON t1.\"id\" = p0.\"author_id\"");
    assertThat(Query.from(Cte.fragment("cats", "SELECT * FROM categories")).select(Query.column("id", Types.LONG))
        .toSql().text()).isEqualTo("WITH \"cats\" AS (SELECT * FROM categories) SELECT c0.\"id\" FROM \"cats\" AS c0");
    Sql bound = Query.from(Cte.fragment("few", "SELECT * FROM posts LIMIT ?", value(3)))
        .select(Query.column("id", Types.LONG)).toSql();
    assertThat(bound.text()).isEqualTo("WITH \"few\" AS (SELECT * FROM posts LIMIT ?) SELECT f0.\"id\" FROM \"few\" AS f0");
    assertThat(values(bound)).containsExactly(3);
    assertThatThrownBy(() -> Query.from(Cte.fragment("cats", "SELECT * FROM categories")).toSql())
        .hasMessageContaining("needs a select");
    assertThatThrownBy(() -> Cte.fragment("x", "SELECT 1; DROP TABLE posts")).hasMessageContaining("contains ';'");
  }

  /**
   * Ports ecto cte_test.exs "multiple CTEs" and "overrides existing CTE by name": CTEs in the order
   * added, one per name, the later replacing the earlier in its place.
   */
  @Test
  void severalCtesOnePerName() {
    Cte<Post> first = Cte.of("cte1", Query.from(Posts.SCHEMA));
    Cte<Void> second = Cte.fragment("cte2", "SELECT * FROM tbl2");
    Query<Long> both = Query.from(Posts.SCHEMA).with(first).with(second).select(Posts.ID);
    assertThat(both.toSql().text()).startsWith("WITH \"cte1\" AS (SELECT ").contains(" FROM \"posts\" AS p1), \"cte2\" AS"
        + " (SELECT * FROM tbl2) SELECT p0.\"id\" FROM \"posts\" AS p0");
    Query<Long> replaced = both.with(Cte.fragment("cte1", "SELECT * FROM tbl1"));
    assertThat(replaced.toSql().text()).isEqualTo("WITH \"cte1\" AS (SELECT * FROM tbl1), \"cte2\" AS"
        + " (SELECT * FROM tbl2) SELECT p0.\"id\" FROM \"posts\" AS p0");
  }

  /** Ports ecto_sql postgres_test.exs "reference CTE in union": both operands read the CTE of the union's WITH. */
  @Test
  void bothSidesOfAUnionReadTheCte() {
    Cte<Map<String, Object>> scope = Cte.of("comments_scope", Query.from(Comments.SCHEMA).where(Comments.BODY.isNotNull())
        .select(Map.of("post_id", Comments.POST_ID)));
    Alias<Map<String, Object>> c1 = Alias.of(scope, "c");
    Alias<Map<String, Object>> c2 = Alias.of(scope, "c");
    Query<Long> posts = Query.from(Posts.SCHEMA).join(c1, c1.column("post_id", Types.LONG).eq(Posts.ID)).select(Posts.ID);
    Query<Long> others = Query.from(Posts.SCHEMA).join(c2, c2.column("post_id", Types.LONG).eq(Posts.AUTHOR_ID))
        .select(Posts.ID);
    assertThat(posts.unionAll(others).with(scope).toSql().text()).isEqualTo("WITH \"comments_scope\" AS (SELECT"
        + " c0.\"post_id\" AS \"post_id\" FROM \"comments\" AS c0 WHERE c0.\"body\" IS NOT NULL)"
        + " (SELECT p1.\"id\" FROM \"posts\" AS p1 INNER JOIN \"comments_scope\" AS c2 ON c2.\"post_id\" = p1.\"id\")"
        + " UNION ALL (SELECT p3.\"id\" FROM \"posts\" AS p3 INNER JOIN \"comments_scope\" AS c4"
        + " ON c4.\"post_id\" = p3.\"author_id\")");
  }

  /**
   * Ports ecto_sql postgres_test.exs "CTE with update statement" and ecto planner_test.exs "plan:
   * CTEs / on update_all with data-modifying CTE" and "… on delete_all with data-modifying CTE keeps
   * params in delete order": UPDATE and DELETE … RETURNING as bodies, parameters in the order written.
   */
  @Test
  void aCteMayUpdateOrDeleteAndReturnRows() {
    Query<Map<String, Object>> roots = Query.from(Posts.SCHEMA).where(Posts.AUTHOR_ID.isNull())
        .select(Map.of("id", Posts.ID));
    Cte<Map<String, Object>> search = Cte.of("search", roots);
    Cte<Map<String, Object>> deleted = Cte.deleteAll("deleted", roots.where(Posts.VIEWS.eq(10)));
    Cte<Map<String, Object>> updated = Cte.updateAll("updated", roots, Update.set(Posts.TITLE, "Root"));
    Sql sql = Query.from(updated).with(search).with(deleted).select(Query.column("id", Types.LONG)).toSql();
    assertThat(sql.text()).isEqualTo("WITH \"updated\" AS (UPDATE \"posts\" AS p1 SET \"title\" = ? WHERE"
        + " p1.\"author_id\" IS NULL RETURNING p1.\"id\" AS \"id\"), \"search\" AS (SELECT p2.\"id\" AS \"id\""
        + " FROM \"posts\" AS p2 WHERE p2.\"author_id\" IS NULL), \"deleted\" AS (DELETE FROM \"posts\" AS p3"
        + " WHERE p3.\"author_id\" IS NULL AND p3.\"view_count\" = ? RETURNING p3.\"id\" AS \"id\")"
        + " SELECT u0.\"id\" FROM \"updated\" AS u0");
    assertThat(values(sql)).containsExactly("Root", 10);
    // the updates are part of the statement: two CTEs differing only in them bind different values
    assertThat(values(Query.from(Cte.updateAll("u", roots, Update.set(Posts.VIEWS, 1))).toSql())).containsExactly(1);
    assertThat(values(Query.from(Cte.updateAll("u", roots, Update.set(Posts.VIEWS, 2))).toSql())).containsExactly(2);
    Cte<Map<String, Object>> withValue = Cte.deleteAll("d", Query.from(Posts.SCHEMA).where(Posts.ID.eq(10L))
        .select(Map.of("id", Posts.ID, "text", value("deleted"))));
    assertThat(values(Query.from(withValue).select(Query.column("id", Types.LONG)).toSql())).containsExactly(10L, "deleted");
    assertThat(updated.toString()).startsWith("updated: update_all [");
  }

  /** PostgreSQL takes a data-modifying CTE only at the top level; refused with the CTE named. */
  @Test
  void aDataModifyingCteBelowTheTopLevelIsRefused() {
    Cte<Long> deleted = Cte.deleteAll("gone", Query.from(Posts.SCHEMA).select(Posts.ID));
    Query<Long> inner = Query.from(deleted);
    assertThatThrownBy(() -> Query.from(Comments.SCHEMA).where(Comments.POST_ID.in(inner)).toSql())
        .hasMessageContaining("CTE \"gone\" is a data-modifying statement (delete_all #Query<")
        .hasMessageContaining("only in the WITH of the top-level statement");
    assertThatThrownBy(() -> Query.from(Cte.updateAll("u", Query.from(Posts.SCHEMA).limit(1), Update.set(Posts.VIEWS, 1)))
        .toSql()).hasMessageContaining("updateAll takes only where, inner joins and with (CTEs)");
  }

  /**
   * Ports ecto_sql postgres_test.exs "CTE update_all" and "CTE delete_all", and ecto planner_test.exs
   * "plan: CTEs / on update_all" and "plan: CTEs / on delete_all": the WITH leads the UPDATE or
   * DELETE, the CTE keeps its own prefix, order, limit and lock, and the CTE's values come first.
   */
  @Test
  void updateAllAndDeleteAllCarryCtes() {
    Cte<Map<String, Object>> target = Cte.of("target_rows", Query.from(Posts.SCHEMA).orderBy(Posts.ID.asc()).limit(10)
        .lock(Lock.forUpdate().skipLocked()).prefix("another").select(Map.of("id", Posts.ID)));
    Alias<Map<String, Object>> t = Alias.of(target, "t");
    Query<Post> rows = Query.from(Posts.SCHEMA).with(target).join(t, t.column("id", Types.LONG).eq(Posts.ID));
    String cte = "WITH \"target_rows\" AS (SELECT p2.\"id\" AS \"id\" FROM \"another\".\"posts\" AS p2"
        + " ORDER BY p2.\"id\" LIMIT ? FOR UPDATE SKIP LOCKED) ";
    Sql update = Statements.updateAll(rows, List.of(Update.set(Posts.VIEWS, 123)), true);
    assertThat(update.text()).isEqualTo(cte + "UPDATE \"posts\" AS p0 SET \"view_count\" = ? FROM \"target_rows\" AS t1"
        + " WHERE t1.\"id\" = p0.\"id\" RETURNING p0.\"id\", p0.\"title\", p0.\"view_count\", p0.\"author_id\", p0.\"labels\"");
    assertThat(values(update)).containsExactly(10, 123);
    Sql delete = Statements.deleteAll(rows.where(Posts.TITLE.eq("text")), false);
    assertThat(delete.text()).isEqualTo(cte + "DELETE FROM \"posts\" AS p0 USING \"target_rows\" AS t1"
        + " WHERE t1.\"id\" = p0.\"id\" AND p0.\"title\" = ?");
    assertThat(values(delete)).containsExactly(10, "text");
  }

  /**
   * Ports ecto planner_test.exs "plan: CTEs / prefixes": a query's prefix reaches the bodies of its
   * CTEs, its subqueries and its combinations that set none, and a body's own prefix wins.
   */
  @Test
  void aQueryPrefixReachesCteBodiesWithoutTheirOwn() {
    Cte<Post> plain = Cte.of("plain", Query.from(Posts.SCHEMA));
    Cte<Post> own = Cte.of("own", Query.from(Posts.SCHEMA).prefix("other"));
    String sql = Query.from(Comments.SCHEMA).with(plain).with(own)
        .where(Comments.BODY.eq(subquery(Query.from(Posts.SCHEMA).select(Posts.TITLE).limit(1))))
        .union(Query.from(Comments.SCHEMA)).prefix("global").toSql().text();
    assertThat(sql).contains("\"plain\" AS (SELECT ").contains(" FROM \"global\".\"posts\" AS p")
        .contains("\"own\" AS (SELECT ").contains(" FROM \"other\".\"posts\" AS p")
        .contains("(SELECT p").contains("FROM \"global\".\"comments\"");
    assertThat(sql).doesNotContain("FROM \"posts\"").doesNotContain("FROM \"comments\"");
  }

  /**
   * Ports ecto planner_test.exs "selected aliases / with CTEs" and "… raises when CTE field conflicts
   * with selected_as/2 alias": a CTE's column is named by the alias, which must not be another key.
   */
  @Test
  void aCteColumnNamedBySelectedAsMustNotClashWithAKey() {
    Query<Map<String, Object>> named = Query.from(Posts.SCHEMA)
        .select(Map.of("x1", selectedAs(Posts.VIEWS, "integer")));
    Cte<Map<String, Object>> cte = Cte.of("schema_cte", named.selectMerge("x2", Posts.VIEWS));
    assertThat(Query.from(cte).select(Query.column("integer", Types.INTEGER)).toSql().text())
        .startsWith("WITH \"schema_cte\" AS (SELECT p1.\"view_count\" AS \"integer\", p1.\"view_count\" AS \"x2\"");
    Query<Map<String, Object>> clashing = named.selectMerge("integer", Posts.ID);
    assertThatThrownBy(() -> Cte.of("schema_cte", clashing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the alias, integer, provided to selectedAs conflicts with the key integer of the select of"
            + " CTE \"schema_cte\"");
  }

  /** Ports ecto planner_test.exs "normalize: CTEs / with field select": a CTE of one field, read as a table. */
  @Test
  void aCteOfOneFieldIsReadByItsColumn() {
    Cte<String> titles = Cte.of("titles", Query.from(Posts.SCHEMA).select(Posts.TITLE));
    Alias<String> t = Alias.of(titles, "t");
    assertThat(Query.from(Comments.SCHEMA).with(titles).join(t, t.column("title", Types.TEXT).eq(Comments.BODY))
        .select(t).toSql().text()).isEqualTo("WITH \"titles\" AS (SELECT p2.\"title\" FROM \"posts\" AS p2)"
        + " SELECT t1.* FROM \"comments\" AS c0 INNER JOIN \"titles\" AS t1 ON t1.\"title\" = c0.\"body\"");
  }

  /**
   * Ports ecto planner_test.exs "normalize: CTEs / multi-level with select": a CTE whose body reads
   * another CTE and selects a map with a bound value; the values keep their order.
   */
  @Test
  void aCteChainKeepsItsValuesInOrder() {
    Cte<Map<String, Object>> sensors = Cte.of("sensors_cte", Query.from(Posts.SCHEMA).where(Posts.TITLE.eq("id"))
        .select(Map.of("number", Posts.VIEWS)));
    Alias<Map<String, Object>> s = Alias.of(sensors, "s");
    Query<Map<String, Object>> aggregated = Query.from(Comments.SCHEMA).with(sensors).join(s, Condition.TRUE)
        .select(Map.of("bucket", Functions.plus(value(123), s.column("number", Types.INTEGER))));
    Cte<Map<String, Object>> agg = Cte.of("agg_values", aggregated);
    Sql sql = Query.from(agg).select(Query.column("bucket", Types.INTEGER)).toSql();
    assertThat(sql.text()).isEqualTo("WITH \"agg_values\" AS (WITH \"sensors_cte\" AS (SELECT p3.\"view_count\" AS"
        + " \"number\" FROM \"posts\" AS p3 WHERE p3.\"title\" = ?) SELECT ? + s2.\"number\" AS \"bucket\" FROM"
        + " \"comments\" AS c1 INNER JOIN \"sensors_cte\" AS s2 ON TRUE) SELECT a0.\"bucket\" FROM \"agg_values\" AS a0");
    assertThat(values(sql)).containsExactly("id", 123);
  }

  /**
   * Ports ecto_sql postgres_test.exs "parent binding subquery and CTE": a recursive CTE inside a
   * lateral subquery whose base case names the outer query's row (Ecto's {@code parent_as}).
   */
  @Test
  void aCteInsideALateralSubqueryMayNameTheOuterRow() {
    Alias<Post> parent = Alias.of(Posts.SCHEMA, "parent_category");
    Cte<Post> tree = Cte.recursive("tree", Posts.SCHEMA, self -> {
      Alias<Post> t = Alias.of(self, "t");
      return Query.from(Posts.SCHEMA).where(Posts.ID.eq(parent.field(Posts.ID)))
          .unionAll(Query.from(Posts.SCHEMA).join(t, t.field(Posts.AUTHOR_ID).eq(Posts.ID)));
    });
    Query<String> breadcrumbs = Query.from(tree)
        .select(Functions.fragment(Types.TEXT, "STRING_AGG(?, ' / ')", Posts.TITLE));
    Alias<String> b = Alias.of(breadcrumbs, "b");
    String sql = Query.from(parent).join(JoinType.LEFT_LATERAL, b, Condition.TRUE)
        .select(parent.field(Posts.ID), b).toSql().text();
    assertThat(sql).startsWith("SELECT p0.\"id\", s1.* FROM \"posts\" AS p0 LEFT OUTER JOIN LATERAL (WITH RECURSIVE"
        + " \"tree\" AS ((SELECT ").contains(" WHERE p3.\"id\" = p0.\"id\") UNION ALL (SELECT ")
        .endsWith(") SELECT STRING_AGG(t2.\"title\", ' / ') FROM \"tree\" AS t2) AS s1 ON TRUE");
  }
}
