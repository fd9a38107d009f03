package io.ecto4j.query;

import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.FieldType;
import io.ecto4j.type.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Query sources beyond tables and subqueries (issue #18): values lists (Ecto's {@code values/2}),
 * fragments as sources, table hints and a prefix of one source's own; rendered as ecto_sql
 * renders them, with {@code ?} for its {@code $n}.
 */
class SourcesTest {
  private static final UUID BID = UUID.fromString("5f2c6e1a-7c43-4d8e-9b55-0b3c2f1d9a10");
  private static final Map<String, FieldType<?>> TYPES = ordered("bid", Types.UUID_TYPE, "num", Types.LONG);
  private static final Values VALUES = Values.of(List.of(ordered("bid", BID, "num", 1L), ordered("num", 2L, "bid", BID)),
      TYPES);
  private static final String VALUES_SQL = "(VALUES (?::uuid,?::bigint),(?::uuid,?::bigint))";

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> ordered(Object... pairs) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (V) pairs[i + 1]);
    }
    return map;
  }

  private static List<Object> values(Sql sql) {
    List<Object> values = new ArrayList<>();
    sql.params().forEach(param -> values.add(param.value()));
    return values;
  }

  // ---------------------------------------------------------------- values lists

  /**
   * Ports postgres_test.exs "values list: all", planner_test.exs "normalize: from values list" and
   * "normalize: join values list", and from_test.exs "values list source".
   */
  @Test
  void valuesListsAreFromAndJoinSources() {
    Alias<Map<String, Object>> v1 = Alias.of(VALUES, "v1");
    Alias<Map<String, Object>> v2 = Alias.of(VALUES, "v2");
    Query<Map<String, Object>> query = Query.from(v1)
        .join(v2, v1.column("bid", Types.UUID_TYPE).eq(v2.column("bid", Types.UUID_TYPE)))
        .where(v1.column("num", Types.LONG).eq(2L)).select(v2);
    Sql sql = query.toSql();
    assertThat(sql.text()).isEqualTo("SELECT v1.\"bid\", v1.\"num\" FROM " + VALUES_SQL + " AS v0 (\"bid\",\"num\")"
        + " INNER JOIN " + VALUES_SQL + " AS v1 (\"bid\",\"num\") ON v0.\"bid\" = v1.\"bid\" WHERE v0.\"num\" = ?");
    assertThat(values(sql)).containsExactly(BID, 1L, BID, 2L, BID, 1L, BID, 2L, 2L);
    assertThat(Query.from(VALUES).toSql().text())
        .isEqualTo("SELECT v0.\"bid\", v0.\"num\" FROM " + VALUES_SQL + " AS v0 (\"bid\",\"num\")");
    assertThat(VALUES.size()).isEqualTo(2);
  }

  /** Ports join_test.exs "values list source" and planner_test.exs "normalize: join values list". */
  @Test
  void valuesListJoinedToATableWithoutSchema() {
    Alias<Map<String, Object>> v = Alias.of(VALUES, "v");
    Query<Map<String, Object>> query = Query.from(FragmentSource.of("select ?", value(1))).join(v, Condition.TRUE).select(v);
    Sql sql = query.toSql();
    assertThat(sql.text()).isEqualTo("SELECT v1.\"bid\", v1.\"num\" FROM (select ?) AS f0 INNER JOIN " + VALUES_SQL
        + " AS v1 (\"bid\",\"num\") ON TRUE");
    assertThat(values(sql)).containsExactly(1, BID, 1L, BID, 2L);
  }

  /** Ports from_test.exs "values list source with types defined by schema": values cast by the schema's field types. */
  @Test
  void valuesListTypedByASchema() {
    Values typed = Values.of(List.of(ordered("id", 1L, "views", "1"), ordered("id", 2L, "views", "2")), Posts.SCHEMA);
    Sql sql = Query.from(typed).toSql();
    assertThat(sql.text()).isEqualTo("SELECT v0.\"id\", v0.\"views\" FROM (VALUES (?::bigint,?::integer),"
        + "(?::bigint,?::integer)) AS v0 (\"id\",\"views\")");
    assertThat(values(sql)).containsExactly(1L, 1, 2L, 2);
    assertThatThrownBy(() -> Values.of(List.of(Map.of("views", "many")), Posts.SCHEMA))
        .hasMessage("value many of field `views` in a values list is not a valid integer");
  }

  /**
   * Ports from_test.exs "values list source with empty values", "… with missing types", "… with
   * missing schema types" and "… with inconsistent fields across entries", with join_test.exs's.
   */
  @Test
  void valuesListsRefuseEmptyUntypedAndRaggedRows() {
    assertThatThrownBy(() -> Values.of(List.of(), Map.of()))
        .hasMessageStartingWith("must provide a non-empty list to values/2");
    assertThatThrownBy(() -> Values.of(List.of(ordered("num", 1L, "text", "one")), Map.of("num", Types.LONG)))
        .hasMessage("values/2 must declare the type for every field. The type was not given for field `text`");
    assertThatThrownBy(() -> Values.of(List.of(Map.of("not_a_field", 1)), Posts.SCHEMA))
        .hasMessage("values/2 must declare the type for every field. The type was not given for field `not_a_field`");
    assertThatThrownBy(() -> Values.of(List.of(ordered("num", 1L, "text", "one"), Map.of("num", 2L)),
        Map.of("num", Types.LONG, "text", Types.TEXT)))
        .hasMessage("each member of a values list must have the same fields. Missing field `text` in {num=2}");
  }

  /** Ports planner_test.exs "normalize: select a value list field": a column it does not have is refused. */
  @Test
  void valuesListColumnsAreChecked() {
    Alias<Map<String, Object>> v = Alias.of(VALUES, "v");
    assertThat(Query.from(v).select(v.column("bid", Types.UUID_TYPE)).toSql().text())
        .startsWith("SELECT v0.\"bid\" FROM (VALUES");
    assertThatThrownBy(() -> v.column("bad", Types.LONG))
        .hasMessage("field `bad` does not exist in values([bid, num], 2 rows) (alias v); its columns are [bid, num]");
    assertThatThrownBy(() -> v.column("num", Types.TEXT))
        .hasMessage("field `num` of values([bid, num], 2 rows) (alias v) is declared long, not text");
  }

  /** Ports postgres_test.exs "values list: delete_all" and "values list: update_all". */
  @Test
  void valuesListsChooseTheRowsOfBulkWrites() {
    Alias<Map<String, Object>> v = Alias.of(VALUES, "v");
    Expression<Long> num = v.column("num", Types.LONG);
    Query<Void> query = Query.from("schema").join(v, Query.column("x", Types.LONG).eq(num)).where(num.eq(2L));
    Sql delete = Statements.deleteAll(query, false);
    assertThat(delete.text()).isEqualTo("DELETE FROM \"schema\" AS s0 USING " + VALUES_SQL
        + " AS v1 (\"bid\",\"num\") WHERE s0.\"x\" = v1.\"num\" AND v1.\"num\" = ?");
    assertThat(values(delete)).containsExactly(BID, 1L, BID, 2L, 2L);
    Sql update = Statements.updateAll(query, List.of(Update.set(Query.column("y", Types.LONG), num)), false);
    assertThat(update.text()).isEqualTo("UPDATE \"schema\" AS s0 SET \"y\" = v1.\"num\" FROM " + VALUES_SQL
        + " AS v1 (\"bid\",\"num\") WHERE s0.\"x\" = v1.\"num\" AND v1.\"num\" = ?");
  }

  // ---------------------------------------------------------------- fragments

  /** Ports postgres_test.exs "from with fragment". */
  @Test
  void fragmentFromSource() {
    Sql sql = Query.from(FragmentSource.of("select ? as x", value("abc"))).select(Query.column("x", Types.TEXT)).toSql();
    assertThat(sql.text()).isEqualTo("SELECT f0.\"x\" FROM (select ? as x) AS f0");
    assertThat(values(sql)).containsExactly("abc");
    assertThat(Query.from(FragmentSource.of("select ? as x", value("abc"))).select(fragment(Types.TEXT, "x"))
        .toSql().text()).isEqualTo("SELECT x FROM (select ? as x) AS f0");
    assertThat(Query.from(FragmentSource.of("select_rows(arg)")).select(Query.column("x", Types.TEXT)).toSql().text())
        .isEqualTo("SELECT f0.\"x\" FROM select_rows(arg) AS f0");
    assertThatThrownBy(() -> Query.from(FragmentSource.of("select ? as x", value("abc"))).toSql())
        .hasMessageStartingWith("a query from fragment((select ^abc as x)) (a fragment without schema or columns) needs a"
            + " select");
  }

  /** Ports postgres_test.exs "join with fragment" and "join with fragment and on defined": parameters numbered in order. */
  @Test
  void fragmentJoins() {
    Alias<Void> q = Alias.of(FragmentSource.of("SELECT * FROM schema2 AS s2 WHERE s2.id = ? AND s2.field = ?",
        Posts.AUTHOR_ID, value(10)), "q");
    Sql sql = Query.from(Posts.SCHEMA).join(q, Condition.TRUE).select(Posts.ID, value(0))
        .where(Posts.ID.gt(0L).and(Posts.ID.lt(100L))).toSql();
    assertThat(sql.text()).isEqualTo("SELECT p0.\"id\", ? FROM \"posts\" AS p0 INNER JOIN"
        + " (SELECT * FROM schema2 AS s2 WHERE s2.id = p0.\"author_id\" AND s2.field = ?) AS f1 ON TRUE"
        + " WHERE p0.\"id\" > ? AND p0.\"id\" < ?");
    assertThat(values(sql)).containsExactly(0, 10, 0L, 100L);
    Alias<Void> all = Alias.of(FragmentSource.of("SELECT * FROM schema2"), "q");
    assertThat(Query.from(Posts.SCHEMA).join(all, all.column("id", Types.LONG).eq(Posts.ID)).select(Posts.ID)
        .toSql().text()).isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 INNER JOIN (SELECT * FROM schema2) AS f1"
            + " ON f1.\"id\" = p0.\"id\"");
  }

  /**
   * Ports postgres_test.exs "lateral join with fragment", "cross lateral join with fragment" and
   * "cross join with fragment".
   */
  @Test
  void lateralAndCrossJoinsOfFragments() {
    Alias<Void> q = Alias.of(FragmentSource.of("SELECT * FROM schema2 AS s2 WHERE s2.id = ? AND s2.field = ?",
        Posts.AUTHOR_ID, value(10)), "q");
    Condition range = Posts.ID.gt(0L).and(Posts.ID.lt(100L));
    Sql inner = Query.from(Posts.SCHEMA).join(JoinType.INNER_LATERAL, q, Condition.TRUE)
        .select(Posts.ID, q.column("z", Types.LONG)).where(range).toSql();
    assertThat(inner.text()).isEqualTo("SELECT p0.\"id\", f1.\"z\" FROM \"posts\" AS p0 INNER JOIN LATERAL"
        + " (SELECT * FROM schema2 AS s2 WHERE s2.id = p0.\"author_id\" AND s2.field = ?) AS f1 ON TRUE"
        + " WHERE p0.\"id\" > ? AND p0.\"id\" < ?");
    assertThat(values(inner)).containsExactly(10, 0L, 100L);
    assertThat(Query.from(Posts.SCHEMA).join(JoinType.CROSS_LATERAL, q, null).select(Posts.ID, q.column("z", Types.LONG))
        .where(range).toSql().text()).isEqualTo("SELECT p0.\"id\", f1.\"z\" FROM \"posts\" AS p0 CROSS JOIN LATERAL"
            + " (SELECT * FROM schema2 AS s2 WHERE s2.id = p0.\"author_id\" AND s2.field = ?) AS f1"
            + " WHERE p0.\"id\" > ? AND p0.\"id\" < ?");
    assertThat(Query.from(Posts.SCHEMA).crossJoin(Alias.of(FragmentSource.of("jsonb_each(?)", Posts.LABELS), "f"))
        .select(Posts.ID).toSql().text())
        .isEqualTo("SELECT p0.\"id\" FROM \"posts\" AS p0 CROSS JOIN jsonb_each(p0.\"labels\") AS f1");
  }

  /**
   * Ports planner_test.exs "plan: tuple source with fragment", "normalize: tuple source with
   * fragment" and "plan: tuple source with fragment numbers later placeholders after the source":
   * a fragment mapped to a schema reads its structs, and the schema's fields name its columns.
   */
  @Test
  void fragmentsMappedToSchemas() {
    Alias<Post> f1 = Alias.of(FragmentSource.of(Posts.SCHEMA, "? as num", value(0)), "f1");
    Alias<Post> f2 = Alias.of(FragmentSource.of(Posts.SCHEMA, "? as visits", value(0)), "f2");
    Sql sql = Query.from(f1).join(f2, f1.field(Posts.VIEWS).eq(f2.field(Posts.VIEWS))).select(f1, f2).toSql();
    assertThat(sql.text()).isEqualTo("SELECT f0.\"id\", f0.\"title\", f0.\"view_count\", f0.\"author_id\", f0.\"labels\","
        + " f1.\"id\", f1.\"title\", f1.\"view_count\", f1.\"author_id\", f1.\"labels\""
        + " FROM ? as num AS f0 INNER JOIN ? as visits AS f1 ON f0.\"view_count\" = f1.\"view_count\"");
    assertThat(values(sql)).containsExactly(0, 0);
    Sql later = Query.from(FragmentSource.of(Posts.SCHEMA, "some_sql_function(?)", value("value")))
        .where(Posts.VIEWS.in(List.of(1, 2))).toSql();
    assertThat(later.text()).endsWith("FROM some_sql_function(?) AS f0 WHERE f0.\"view_count\" = ANY(?)");
    assertThat(values(later)).containsExactly("value", List.of(1, 2));
  }

  /** Ports planner_test.exs "plan: tuple source with fragment and take" and "normalize: tuple source with fragment and take". */
  @Test
  void someFieldsOfAFragmentMappedToASchema() {
    Sql sql = Query.from(FragmentSource.of(Posts.SCHEMA, "? as title", value("hi"))).selectFields(Posts.TITLE).toSql();
    assertThat(sql.text()).isEqualTo("SELECT f0.\"title\" FROM ? as title AS f0");
    assertThat(values(sql)).containsExactly("hi");
  }

  /**
   * Ports from_test.exs "add column names to fragment sources" and "add interpolated column names to
   * fragment sources", join_test.exs "add column names to fragment sources with with_columns/2",
   * planner_test.exs "normalize: select source on fragment with columns" and "normalize: select with
   * map/2 on fragment": a fragment's declared columns are its whole row, a map.
   */
  @Test
  void fragmentsWithColumns() {
    FragmentSource<Map<String, Object>> series = FragmentSource.withColumns(Map.of("x", Types.INTEGER),
        "generate_series(?, ?)", value(0), value(10));
    Sql sql = Query.from(series).toSql();
    assertThat(sql.text()).isEqualTo("SELECT f0.\"x\" FROM generate_series(?, ?) AS f0");
    assertThat(values(sql)).containsExactly(0, 10);
    Alias<Map<String, Object>> j = Alias.of(series, "j");
    assertThat(Query.from("posts").join(j, Condition.TRUE).select(j).toSql().text())
        .isEqualTo("SELECT f1.\"x\" FROM \"posts\" AS p0 INNER JOIN generate_series(?, ?) AS f1 ON TRUE");
    Alias<Map<String, Object>> f = Alias.of(FragmentSource.withColumns(
        ordered("a", Types.INTEGER, "b", Types.INTEGER), "select 1 as a, 2 as b"), "f");
    assertThat(Query.from(Posts.SCHEMA).join(f, Condition.TRUE).select(f).toSql().text())
        .isEqualTo("SELECT f1.\"a\", f1.\"b\" FROM \"posts\" AS p0 INNER JOIN (select 1 as a, 2 as b) AS f1 ON TRUE");
    assertThatThrownBy(() -> j.column("y", Types.INTEGER)).hasMessageStartingWith("field `y` does not exist in");
  }

  /** Ports planner_test.exs "plan: fragment from cannot have preloads". */
  @Test
  void fragmentSourcesRefusePreloads() {
    assertThatThrownBy(() -> Query.from(FragmentSource.of(Posts.SCHEMA, "select 1")).preload(Posts.COMMENTS))
        .hasMessageStartingWith("cannot preload associations with a fragment source");
  }

  /** Ports subquery_test.exs "plan: subqueries select / raises on fragment source without :select". */
  @Test
  void subqueryOverAFragmentNeedsASelect() {
    Query<Void> fragment = Query.from(FragmentSource.of("select 1 as x"));
    assertThatThrownBy(() -> Query.from(fragment))
        .hasMessageStartingWith("a query from fragment((select 1 as x)) (a fragment without schema or columns) needs a select");
  }

  /** Ports postgres_test.exs "query interpolation parameters / self join on subquery with fragment". */
  @Test
  void selfJoinOnASubqueryWithAFragmentNumbersItsParameters() {
    Query<String> sub = Query.from(Posts.SCHEMA).select(fragment(Types.TEXT, "downcase(?)", value("string")));
    Sql sql = sub.join(Alias.of(Query.from(Posts.SCHEMA).select(fragment(Types.TEXT, "downcase(?)", value("other"))),
        "p"), Condition.TRUE).toSql();
    assertThat(sql.text()).isEqualTo("SELECT downcase(?) FROM \"posts\" AS p0 INNER JOIN"
        + " (SELECT downcase(?) FROM \"posts\" AS p2) AS s1 ON TRUE");
    assertThat(values(sql)).containsExactly("string", "other");
  }

  // ---------------------------------------------------------------- hints and prefixes

  /**
   * Ports postgres_test.exs "from with hints list" and "from with hints string", and query_test.exs
   * "hints / are supported on dynamic from" and "… supports interpolation through unsafe_fragment".
   */
  @Test
  void tableHintsOnTheFrom() {
    assertThat(Query.from(Posts.SCHEMA).hints("TABLESAMPLE system_rows(1)").select(Posts.TITLE).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0 TABLESAMPLE system_rows(1)");
    String hint = "REPEATABLE (42)";
    assertThat(Query.from("posts").hints("TABLESAMPLE SYSTEM (10)").hints(hint).select(Query.column("x", Types.TEXT))
        .toSql().text()).isEqualTo("SELECT p0.\"x\" FROM \"posts\" AS p0 TABLESAMPLE SYSTEM (10) REPEATABLE (42)");
  }

  /**
   * Ports query_test.exs "hints / are supported on from and join" and postgres_test.exs "join with
   * hints", which ecto_sql refuses and ecto4j renders (PostgreSQL samples a joined table too).
   */
  @Test
  void tableHintsOnAJoinAndOnlyOnTables() {
    Alias<?> c = Alias.of(Comments.SCHEMA, "c").withHints("TABLESAMPLE BERNOULLI (50)");
    assertThat(Query.from("posts").hints("TABLESAMPLE SYSTEM (10)").join(c, Condition.TRUE).select(Comments.BODY)
        .toSql().text()).isEqualTo("SELECT c1.\"body\" FROM \"posts\" AS p0 TABLESAMPLE SYSTEM (10)"
            + " INNER JOIN \"comments\" AS c1 TABLESAMPLE BERNOULLI (50) ON TRUE");
    assertThatThrownBy(() -> Alias.of(Query.from(Posts.SCHEMA), "s").withHints("TABLESAMPLE SYSTEM (1)"))
        .hasMessageStartingWith("table hints apply to a table, and subquery(");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).hints("USE INDEX (?)"))
        .hasMessageContaining("has 1 placeholder(s)");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).hints("x; DROP TABLE posts"))
        .hasMessageContaining("contains ';'");
    assertThatThrownBy(() -> Statements.deleteAll(Query.from(Posts.SCHEMA).hints("TABLESAMPLE SYSTEM (1)"), false))
        .hasMessageStartingWith("deleteAll cannot take table hints on the table it writes");
  }

  /** Ports postgres_test.exs "join with prefix": the query's prefix, and a prefix of one source's own. */
  @Test
  void aPrefixOfOnesOwnOnFromAndJoin() {
    Alias<Post> p = Alias.of(Posts.SCHEMA, "p");
    Alias<?> c = Alias.of(Comments.SCHEMA, "c");
    Condition on = p.field(Posts.ID).eq(Comments.POST_ID);
    assertThat(Query.from(p).join(c, on).select(value(true)).prefix("prefix").toSql().text())
        .isEqualTo("SELECT ? FROM \"prefix\".\"posts\" AS p0 INNER JOIN \"prefix\".\"comments\" AS c1"
            + " ON p0.\"id\" = c1.\"post_id\"");
    Alias<Post> first = p.withPrefix("first");
    Condition firstOn = first.field(Posts.ID).eq(Comments.POST_ID);
    assertThat(Query.from(first).join(c.withPrefix("second"), firstOn).select(value(true)).prefix("prefix").toSql().text())
        .isEqualTo("SELECT ? FROM \"first\".\"posts\" AS p0 INNER JOIN \"second\".\"comments\" AS c1"
            + " ON p0.\"id\" = c1.\"post_id\"");
  }
}
