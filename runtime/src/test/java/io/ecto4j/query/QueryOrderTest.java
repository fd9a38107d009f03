package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import org.junit.jupiter.api.Test;

/** with ties, reverse_order, first, last and a lock from a fragment, rendered. */
class QueryOrderTest {
  private static final String FROM = " FROM \"posts\" AS p0";

  private static String tail(Query<?> query) {
    String text = query.toSql().text();
    return text.substring(text.indexOf(FROM) + FROM.length());
  }

  /**
   * Ports ecto test/ecto/query/builder/limit_offset_test.exs "with_ties", "with_ties is removed when
   * a new limit is set", "with_ties requires a limit"; ecto_sql postgres_test.exs "limit `:with_ties` option".
   */
  @Test
  void withTiesFetchesFirstRowsWithTiesAndNeedsALimitAndAnOrder() {
    Query<Post> top = Query.from(Posts.SCHEMA).orderBy(Posts.VIEWS.desc()).limit(3).withTies();
    assertThat(tail(top)).isEqualTo(" ORDER BY p0.\"view_count\" DESC FETCH FIRST ? ROWS WITH TIES");
    assertThat(top.toString()).contains("limit: 3, with_ties: true");
    assertThat(tail(top.offset(5))).endsWith("FETCH FIRST ? ROWS WITH TIES OFFSET ?");
    assertThat(tail(top.limit(2))).isEqualTo(" ORDER BY p0.\"view_count\" DESC LIMIT ?");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).withTies())
        .hasMessageStartingWith("`withTies` can only be applied to queries containing a `limit`");
    assertThatThrownBy(() -> Query.from(Posts.SCHEMA).limit(3).withTies().toSql())
        .hasMessageStartingWith("PostgreSQL adapter requires an `orderBy` clause if the `withTies` limit option is `true`");
  }

  /** Ports ecto test/ecto/query_test.exs "reverse_order/1 / reverses the order of a simple query". */
  @Test
  void reverseOrderSwapsDirectionsAndNulls() {
    Query<Post> query = Query.from(Posts.SCHEMA)
        .orderBy(Posts.TITLE.asc(), Posts.VIEWS.desc(), Posts.AUTHOR_ID.asc().nullsFirst(), Posts.ID.desc().nullsLast());
    assertThat(tail(query.reverseOrder())).isEqualTo(" ORDER BY p0.\"title\" DESC, p0.\"view_count\","
        + " p0.\"author_id\" DESC NULLS LAST, p0.\"id\" NULLS FIRST");
    assertThat(query.reverseOrder().reverseOrder().toSql().text()).isEqualTo(query.toSql().text());
  }

  /** Ports ecto test/ecto/query_test.exs "reverse_order/1 / reverses by primary key with no order". */
  @Test
  void reverseOrderWithoutAnOrderIsByThePrimaryKeyDescending() {
    assertThat(tail(Query.from(Posts.SCHEMA).reverseOrder())).isEqualTo(" ORDER BY p0.\"id\" DESC");
    assertThatThrownBy(() -> Query.from("posts").reverseOrder())
        .hasMessageContaining("needs a from expression with a schema");
  }

  /** Ports ecto integration_test/cases/repo.exs "first, last and one(!)" (the queries it runs). */
  @Test
  void firstAndLastTakeOneRowByTheOrderOrTheKey() {
    Query<Post> posts = Query.from(Posts.SCHEMA);
    assertThat(tail(posts.first())).isEqualTo(" ORDER BY p0.\"id\" LIMIT ?");
    assertThat(posts.first().toSql().values()).containsExactly(1);
    assertThat(tail(posts.last())).isEqualTo(" ORDER BY p0.\"id\" DESC LIMIT ?");
    assertThat(tail(posts.orderBy(Posts.TITLE.asc()).first())).isEqualTo(" ORDER BY p0.\"title\" LIMIT ?");
    assertThat(tail(posts.orderBy(Posts.TITLE.asc()).last())).isEqualTo(" ORDER BY p0.\"title\" DESC LIMIT ?");
    assertThat(tail(posts.first(Posts.VIEWS.asc()))).isEqualTo(" ORDER BY p0.\"view_count\" LIMIT ?");
    assertThat(tail(posts.last(Posts.VIEWS.asc()))).isEqualTo(" ORDER BY p0.\"view_count\" DESC LIMIT ?");
    assertThat(tail(posts.limit(3).withTies().first())).isEqualTo(" ORDER BY p0.\"id\" LIMIT ?");
  }

  /** Ports ecto test/ecto/query/builder/lock_test.exs "lock with fragment" and "overrides on duplicated lock". */
  @Test
  void aLockFromAFragmentNamesSourcesByTheirAliases() {
    Alias<Post> p = Alias.of(Posts.SCHEMA, "p");
    Query<Post> query = Query.from(p).lock(Lock.fragment("FOR UPDATE OF ? SKIP LOCKED", p));
    assertThat(tail(query)).isEqualTo(" FOR UPDATE OF p0 SKIP LOCKED");
    assertThat(query.toString()).contains("lock: \"fragment(FOR UPDATE OF p SKIP LOCKED)\"");
    assertThat(tail(query.lock(Lock.forShare()))).isEqualTo(" FOR SHARE");
    assertThat(tail(Query.from(Posts.SCHEMA).lock(Lock.fragment("FOR SHARE NOWAIT")))).isEqualTo(" FOR SHARE NOWAIT");
    assertThatThrownBy(() -> Lock.fragment("FOR UPDATE; DROP TABLE posts")).hasMessageContaining("contains ';'");
    assertThatThrownBy(() -> Lock.fragment("FOR UPDATE OF ?")).hasMessageContaining("1 placeholder(s) ? but 0");
  }
}
