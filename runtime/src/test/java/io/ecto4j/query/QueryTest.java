package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
  private static final String POST_COLUMNS =
      "p0.\"id\", p0.\"title\", p0.\"view_count\", p0.\"author_id\", p0.\"labels\"";

  @Test
  void rendersEveryClauseInOrderWithValuesBound() {
    Query<Post> query = Query.from(Posts.SCHEMA)
        .where(Posts.TITLE.eq("Hello"))
        .where(Posts.VIEWS.gt(10))
        .groupBy(Posts.ID)
        .having(Aggregate.count().ge(1L))
        .orderBy(Posts.VIEWS.desc().nullsLast(), Posts.ID.asc())
        .limit(10)
        .offset(20)
        .lock(Lock.forUpdate().skipLocked());
    Sql sql = query.toSql();
    assertThat(sql.text()).isEqualTo("SELECT " + POST_COLUMNS + " FROM \"posts\" AS p0"
        + " WHERE p0.\"title\" = ? AND p0.\"view_count\" > ? GROUP BY p0.\"id\" HAVING count(*) >= ?"
        + " ORDER BY p0.\"view_count\" DESC NULLS LAST, p0.\"id\" LIMIT ? OFFSET ? FOR UPDATE SKIP LOCKED");
    assertThat(sql.values()).containsExactly("Hello", 10, 1L, 10, 20);
  }

  @Test
  void queriesAreImmutableValues() {
    Query<Post> base = Query.from(Posts.SCHEMA);
    Query<Post> filtered = base.where(Posts.TITLE.eq("a"));
    assertThat(base.toSql().text()).doesNotContain("WHERE");
    assertThat(filtered.toSql().text()).contains("WHERE");
    assertThat(filtered.orWhere(Posts.TITLE.eq("b")).toSql().text())
        .endsWith("WHERE p0.\"title\" = ? OR p0.\"title\" = ?");
    assertThat(base.limit(1).limit(2).toSql().values()).containsExactly(2);
  }

  @Test
  void renderingIsKeptPerQueryValue() {
    Query<Post> query = Query.from(Posts.SCHEMA).where(Posts.TITLE.eq("a"));
    assertThat(query.toSql()).isSameAs(query.toSql());
    Sql tenant = query.toSql().withDefaultPrefix("tenant");
    assertThat(tenant.text()).contains("FROM \"tenant\".\"posts\" AS p0");
    assertThat(query.toSql().withDefaultPrefix("tenant")).isSameAs(tenant);
    assertThat(query.toSql().withDefaultPrefix(null)).isSameAs(query.toSql());
  }

  @Test
  void prefixesQualifyTablesAndAQueryPrefixWinsOverTheDefault() {
    Query<Post> query = Query.from(Posts.SCHEMA).prefix("tenant_a");
    assertThat(query.toSql().text()).endsWith("FROM \"tenant_a\".\"posts\" AS p0");
    assertThat(query.toSql().withDefaultPrefix("other").text()).endsWith("FROM \"tenant_a\".\"posts\" AS p0");
    assertThat(query.exclude(Query.Clause.PREFIX).toSql().text()).endsWith("FROM \"posts\" AS p0");
    assertThatThrownBy(() -> query.prefix("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tablesWithoutSchemaNeedASelect() {
    Query<Void> posts = Query.from("posts").where(Query.column("published", Types.BOOLEAN).eq(true));
    assertThat(posts.select(Query.column("title", Types.STRING)).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0 WHERE p0.\"published\" = ?");
    assertThatThrownBy(posts::toSql).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a query from \"posts\" (a table without schema) needs a select");
    assertThat(Query.from("we\"ird").select(Query.column("a\"b", Types.STRING)).toSql().text())
        .isEqualTo("SELECT w0.\"a\"\"b\" FROM \"we\"\"ird\" AS w0");
  }

  @Test
  void distinctAndDistinctOnLeadTheOrder() {
    assertThat(Query.from(Posts.SCHEMA).distinct().select(Posts.TITLE).toSql().text())
        .isEqualTo("SELECT DISTINCT p0.\"title\" FROM \"posts\" AS p0");
    assertThat(Query.from(Posts.SCHEMA).distinctOn(Posts.AUTHOR_ID).orderBy(Posts.VIEWS.desc()).toSql().text())
        .isEqualTo("SELECT DISTINCT ON (p0.\"author_id\") " + POST_COLUMNS
            + " FROM \"posts\" AS p0 ORDER BY p0.\"author_id\", p0.\"view_count\" DESC");
  }

  @Test
  void excludeRemovesClauses() {
    Query<Post> full = Query.from(Posts.SCHEMA).where(Posts.ID.eq(1L)).orderBy(Posts.ID.asc()).limit(1).offset(1)
        .groupBy(Posts.ID).having(Condition.TRUE).distinct().lock(Lock.forShare());
    Query<Post> bare = full.exclude(Query.Clause.values());
    assertThat(bare.toSql().text()).isEqualTo("SELECT " + POST_COLUMNS + " FROM \"posts\" AS p0");
  }

  @Test
  void toStringIsEctoLike() {
    Query<String> query = Query.from(Posts.SCHEMA).where(Posts.TITLE.in(List.of("a", "b")))
        .orderBy(Posts.ID.desc()).limit(5).select(Posts.TITLE);
    assertThat(query).hasToString("#Query<from p0 in \"posts\", where: Post.title = ANY(^[a, b]),"
        + " select: Post.title, order_by: [desc: Post.id], limit: 5>");
  }

  @Test
  void limitsAndOffsetsAreNotNegative() {
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).limit(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).offset(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combinationsWrapWhenTheyGetClausesOfTheirOwn() {
    Query<String> a = Query.from(Posts.SCHEMA).where(Posts.ID.eq(1L)).select(Posts.TITLE);
    Query<String> b = Query.from(Posts.SCHEMA).orderBy(Posts.ID.desc()).limit(1).select(Posts.TITLE);
    assertThat(a.union(b).unionAll(a).toSql().text()).isEqualTo(
        "(SELECT p0.\"title\" FROM \"posts\" AS p0 WHERE p0.\"id\" = ?)"
            + " UNION (SELECT p1.\"title\" FROM \"posts\" AS p1 ORDER BY p1.\"id\" DESC LIMIT ?)"
            + " UNION ALL (SELECT p2.\"title\" FROM \"posts\" AS p2 WHERE p2.\"id\" = ?)");
    assertThat(a.except(b).orderBy(Posts.TITLE.asc()).limit(3).toSql().text()).isEqualTo(
        "SELECT s0.* FROM ((SELECT p1.\"title\" FROM \"posts\" AS p1 WHERE p1.\"id\" = ?)"
            + " EXCEPT (SELECT p2.\"title\" FROM \"posts\" AS p2 ORDER BY p2.\"id\" DESC LIMIT ?)) AS s0"
            + " ORDER BY s0.\"title\" LIMIT ?");
  }

  /** Ports ecto test/ecto/query/builder/select_test.exs "raises on multiple selects". */
  @Test
  void aSecondSelectIsRefused() {
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).select(Posts.TITLE).select(Posts.ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("only one select expression is allowed in query: #Query<from p0 in \"posts\", select: Post.title>"
            + " already selects Post.title");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).select(Java.map()).select(Posts.ID, Posts.TITLE))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("only one select expression is allowed in query");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).selectMerge(Posts.TITLE, Functions.value("x")).select(Posts.ID))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("only one select expression is allowed in query");
    assertThatThrownBy(() -> Query.from("posts").select(Query.column("a", Types.STRING))
        .select(Query.column("b", Types.STRING)))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("only one select expression is allowed in query");
  }

  /** Regression test for issue #18: what follows a select without replacing it keeps working. */
  @Test
  void aFirstSelectAndWhatBuildsOnItStillWork() {
    Query<String> titles = Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(1)).select(Posts.TITLE);
    assertThat(titles.orderBy(Posts.ID.asc()).limit(1).exclude(Query.Clause.LIMIT).toSql().text())
        .isEqualTo("SELECT p0.\"title\" FROM \"posts\" AS p0 WHERE p0.\"view_count\" > ? ORDER BY p0.\"id\"");
    assertThat(Query.from(Posts.SCHEMA).select(Java.map()).selectMerge("v", Posts.VIEWS).toSql().text())
        .startsWith("SELECT p0.\"id\" AS \"id\", p0.\"view_count\" AS \"v\"");
    assertThat(Query.from(titles).select(Query.column("title", Types.STRING)).toSql().text())
        .startsWith("SELECT s0.\"title\" FROM (SELECT ");
    // the repo's aggregate and exists replace the caller's selection, as Ecto's do
    Bridge bridge = new Bridge();
    assertThat(bridge.aggregate(titles, Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM \"posts\" AS p0 WHERE p0.\"view_count\" > ?");
    assertThat(bridge.exists(titles).text()).isEqualTo("SELECT 1 FROM \"posts\" AS p0 WHERE p0.\"view_count\" > ? LIMIT ?");
    assertThat(bridge.aggregate(titles.distinct(), Aggregate.count()).text())
        .isEqualTo("SELECT count(*) FROM (SELECT DISTINCT p1.\"title\" FROM \"posts\" AS p1 WHERE p1.\"view_count\" > ?) AS s0");
  }

  /** A one-entry map selection for the tests above. */
  private static final class Java {
    static java.util.Map<String, Selectable<?>> map() {
      return java.util.Map.of("id", Posts.ID);
    }
  }
}
