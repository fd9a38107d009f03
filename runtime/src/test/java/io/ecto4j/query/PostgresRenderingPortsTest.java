package io.ecto4j.query;

import static io.ecto4j.query.Functions.all;
import static io.ecto4j.query.Functions.any;
import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.coalesce;
import static io.ecto4j.query.Functions.exists;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.subquery;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.meta.Association;
import io.ecto4j.query.TestSchemas.Comment;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's test/ecto/adapters/postgres_test.exs rendering tests, and of the builder
 * tests of ecto's test/ecto/query/builder/ that put subqueries in every clause. ecto4j binds every
 * value, so Ecto's inlined literals are {@code ?} here.
 */
class PostgresRenderingPortsTest {
  private static final Expression<Long> X = Query.column("x", Types.LONG);
  private static final Expression<Long> Y = Query.column("y", Types.LONG);

  /** A has_one of the test schemas: a post's pinned comment, keyed by the comment's post_id. */
  private static final Association<Post, Comment> PINNED =
      Association.<Post, Comment, Long>hasOne(Posts.SCHEMA, "pinned", () -> Comments.SCHEMA, Posts.ID,
              () -> Comments.POST_ID)
          .constant("Posts.PINNED").slot(p -> false, p -> null, (p, c) -> p).build();

  /** Ports postgres_test.exs "parent binding subquery and combination": both sides of the union see the outer c. */
  @Test
  void parentBindingSubqueryAndCombination() {
    Alias<Void> c = Alias.of("categories", "c");
    Expression<Long> outerId = c.column("id", Types.LONG);
    Expression<Long> id = Query.column("id", Types.LONG);
    Query<Long> right = Query.from("right_categories").where(id.eq(outerId)).select(id);
    Query<Long> left = Query.from("left_categories").where(id.eq(outerId)).select(id);
    Query<Long> query = Query.from(c).where(outerId.in(left.union(right))).select(outerId);
    assertThat(query.toSql().text()).isEqualTo("SELECT c0.\"id\" FROM \"categories\" AS c0 WHERE c0.\"id\" IN"
        + " ((SELECT l1.\"id\" FROM \"left_categories\" AS l1 WHERE l1.\"id\" = c0.\"id\") UNION"
        + " (SELECT r2.\"id\" FROM \"right_categories\" AS r2 WHERE r2.\"id\" = c0.\"id\"))");
  }

  /** Ports postgres_test.exs "coalesce with subquery". */
  @Test
  void coalesceWithSubquery() {
    Query<Long> xs = Query.from("schema").select(X);
    Sql sql = Query.from("schema").select(coalesce(subquery(xs), 5L)).toSql();
    assertThat(sql.text()).isEqualTo("SELECT coalesce((SELECT s1.\"x\" FROM \"schema\" AS s1), ?) FROM \"schema\" AS s0");
    assertThat(sql.values()).containsExactly(5L);
  }

  /**
   * Ports postgres_test.exs "tagged type": the cast is the type's own SQL name, so
   * {@code Types.LONG} is {@code ::bigint} as Ecto's {@code :integer} is (Ecto always casts
   * integers to bigint; ecto4j's {@code Types.INTEGER} is {@code ::integer}, as it reads an int).
   */
  @Test
  void taggedType() {
    assertThat(Query.from("schema").select(cast(plus(X, Y), Types.LONG)).toSql().text())
        .isEqualTo("SELECT (s0.\"x\" + s0.\"y\")::bigint FROM \"schema\" AS s0");
    assertThat(Query.from("schema").select(cast(value("601d74e4-a8d3-4b6e-8365-eddb4c893327"), Types.UUID_TYPE))
        .toSql().text()).isEqualTo("SELECT ?::uuid FROM \"schema\" AS s0");
    assertThat(Query.from("schema").select(cast(value(List.of(UUID.randomUUID()), Types.list(Types.UUID_TYPE)),
        Types.list(Types.UUID_TYPE))).toSql().text()).isEqualTo("SELECT ?::uuid[] FROM \"schema\" AS s0");
  }

  /** Ports postgres_test.exs "arrays and sigils": an array is one bound parameter, never an inlined ARRAY[…]. */
  @Test
  void arraysAreBoundParameters() {
    Sql sql = Query.from("schema").select(fragment(Types.list(Types.INTEGER), "?",
        value(List.of(1, 2, 3), Types.list(Types.INTEGER)))).toSql();
    assertThat(sql.text()).isEqualTo("SELECT ? FROM \"schema\" AS s0");
    assertThat(sql.values()).containsExactly(List.of(1, 2, 3));
    Expression<List<String>> w = Query.column("w", Types.list(Types.STRING));
    Sql empty = Query.from("schema").where(w.eq(List.of())).select(w).toSql();
    assertThat(empty.text()).isEqualTo("SELECT s0.\"w\" FROM \"schema\" AS s0 WHERE s0.\"w\" = ?");
    assertThat(empty.values()).containsExactly(List.of());
  }

  /** Ports postgres_test.exs "order_by and types". */
  @Test
  void orderByAndTypes() {
    Expression<byte[]> binary = Query.column("binary", Types.BYTES);
    assertThat(Query.from("schema3").orderBy(cast(fragment(Types.BYTES, "?", binary), Types.DECIMAL).asc())
        .select(Condition.TRUE).toSql().text())
        .isEqualTo("SELECT TRUE FROM \"schema3\" AS s0 ORDER BY s0.\"binary\"::numeric");
  }

  /** Ports postgres_test.exs "fragments and types": a cast bound value inside a fragment. */
  @Test
  void fragmentsAndTypes() {
    Expression<java.time.LocalDateTime> start = Query.column("start_time", Types.LOCAL_DATE_TIME);
    Sql sql = Query.from("schema")
        .where(Condition.fragment("extract(? from ?) = ?", value("month"), start, cast(value("4"), Types.LONG)))
        .where(Condition.fragment("extract(? from ?) = ?", value("year"), start, cast(value("2015"), Types.LONG)))
        .select(Condition.TRUE).toSql();
    assertThat(sql.text()).isEqualTo("SELECT TRUE FROM \"schema\" AS s0"
        + " WHERE (extract(? from s0.\"start_time\") = (?::bigint)) AND (extract(? from s0.\"start_time\") = (?::bigint))");
    assertThat(sql.values()).containsExactly("month", "4", "year", "2015");
  }

  /** Ports postgres_test.exs "update all with subquery": the joined subquery is a FROM item, its parameter after the SET's. */
  @Test
  void updateAllWithSubquery() {
    Query<Post> sub = Query.from(Posts.SCHEMA).where(Posts.VIEWS.gt(10));
    Alias<Post> p2 = Alias.of(sub, "p2");
    Sql sql = Statements.updateAll(Query.from(Posts.SCHEMA).join(p2, Posts.ID.eq(p2.field(Posts.ID))),
        List.of(Update.set(Posts.VIEWS, 100)), false);
    assertThat(sql.text()).isEqualTo("UPDATE \"posts\" AS p0 SET \"view_count\" = ? FROM (SELECT p2.\"id\","
        + " p2.\"title\", p2.\"view_count\", p2.\"author_id\", p2.\"labels\" FROM \"posts\" AS p2"
        + " WHERE p2.\"view_count\" > ?) AS s1 WHERE p0.\"id\" = s1.\"id\"");
    assertThat(sql.values()).containsExactly(100, 10);
  }

  /** Ports postgres_test.exs "query interpolation parameters / self join on subquery". */
  @Test
  void selfJoinOnSubquery() {
    Query<Map<String, Object>> sub = Query.from("schema").select(Map.of("x", X));
    Query<Map<String, Object>> query = Query.from(sub).join(Alias.of(sub, "p"), Condition.TRUE);
    assertThat(query.toSql().text()).isEqualTo("SELECT s0.* FROM (SELECT s2.\"x\" AS \"x\" FROM \"schema\" AS s2) AS s0"
        + " INNER JOIN (SELECT s3.\"x\" AS \"x\" FROM \"schema\" AS s3) AS s1 ON TRUE");
  }

  /** Ports postgres_test.exs "query interpolation parameters / join on subquery with simple select": parameters in SQL order. */
  @Test
  void joinOnSubqueryWithSimpleSelect() {
    Query<Map<String, Object>> sub = Query.from("schema").select(Map.of("x", value(999), "w", value(888)));
    Sql sql = Query.from("schema").select(Map.of("y", value(666))).join(Alias.of(sub, "b"), Condition.TRUE)
        .where(X.eq(111L)).toSql();
    assertThat(sql.text()).startsWith("SELECT ? AS \"y\" FROM \"schema\" AS s0 INNER JOIN (SELECT ").endsWith(" ON TRUE WHERE s0.\"x\" = ?");
    assertThat(sql.values()).containsExactly(666, sql.values().get(1), sql.values().get(2), 111L);
    assertThat(sql.values().subList(1, 3)).containsExactlyInAnyOrder(999, 888);
  }

  /** Ports postgres_test.exs "association join has_one": the child's foreign key equals the parent's key. */
  @Test
  void associationJoinHasOne() {
    assertThat(Query.from(Posts.SCHEMA).join(PINNED).select(Condition.TRUE).toSql().text())
        .isEqualTo("SELECT TRUE FROM \"posts\" AS p0 INNER JOIN \"comments\" AS c1 ON c1.\"post_id\" = p0.\"id\"");
  }

  /** Ports builder/filter_test.exs "supports comparison with subqueries with all and any quantifiers". */
  @Test
  void comparisonWithAllAndAnyQuantifiers() {
    Expression<Integer> rating = Query.column("rating", Types.INTEGER);
    Query<Integer> s = Query.from("posts").orderBy(Query.column("created_at", Types.INSTANT).desc()).limit(10)
        .select(rating);
    assertThat(Query.from("posts").where(rating.ge(all(s))).select(rating).toSql().text())
        .isEqualTo("SELECT p0.\"rating\" FROM \"posts\" AS p0 WHERE p0.\"rating\" >= ALL (SELECT p1.\"rating\""
            + " FROM \"posts\" AS p1 ORDER BY p1.\"created_at\" DESC LIMIT ?)");
    assertThat(Query.from("posts").where(rating.ge(any(s))).select(rating).toSql().text())
        .contains("WHERE p0.\"rating\" >= ANY (SELECT p1.\"rating\"");
    assertThat(rating.ge(all(s)).toString()).isEqualTo("rating >= ALL (#Query<from p0 in \"posts\", select: rating,"
        + " order_by: [desc: created_at], limit: 10>)");
  }

  private static final Alias<Void> P = Alias.of("posts", "p");

  private static Condition otherPostExists() {
    Expression<Long> id = Query.column("id", Types.LONG);
    return exists(Query.from("posts").where(id.eq(P.column("id", Types.LONG))).select(id));
  }

  /** Ports builder/order_by_test.exs "at runtime / supports subqueries": {@code order_by: exists(…)}. */
  @Test
  void orderBySupportsSubqueries() {
    assertThat(Query.from(P).orderBy(otherPostExists().asc()).select(Condition.TRUE).toSql().text())
        .endsWith(" ORDER BY exists(SELECT p1.\"id\" FROM \"posts\" AS p1 WHERE p1.\"id\" = p0.\"id\")");
  }

  /** Ports builder/group_by_test.exs "at runtime / accepts subqueries". */
  @Test
  void groupByAcceptsSubqueries() {
    assertThat(Query.from(P).groupBy(otherPostExists()).select(Aggregate.count()).toSql().text())
        .endsWith(" GROUP BY exists(SELECT p1.\"id\" FROM \"posts\" AS p1 WHERE p1.\"id\" = p0.\"id\")");
  }

  /** Ports builder/distinct_test.exs "at runtime / supports subqueries": {@code distinct: [asc: exists(…)]}. */
  @Test
  void distinctSupportsSubqueries() {
    assertThat(Query.from(P).distinctOn(otherPostExists()).select(Condition.TRUE).toSql().text())
        .startsWith("SELECT DISTINCT ON (exists(SELECT p1.\"id\" FROM \"posts\" AS p1 WHERE p1.\"id\" = p0.\"id\"))");
  }

  /** Ports builder/order_by_test.exs "escape / prepend_order_by": the new terms come first. */
  @Test
  void prependOrderBy() {
    Query<Post> query = Query.from(Posts.SCHEMA).orderBy(Posts.TITLE.asc()).prependOrderBy(Posts.VIEWS.asc());
    assertThat(query.toSql().text()).endsWith(" ORDER BY p0.\"view_count\", p0.\"title\"");
    assertThat(query.toString()).contains("order_by: [asc: Post.views, asc: Post.title]");
  }

  /** Ports query_test.exs "exclude/2 / removes join qualifiers": each kind drops its joins only. */
  @Test
  void excludeRemovesJoinQualifiers() {
    for (JoinType kind : JoinType.values()) {
      Alias<Void> b = Alias.of("blogs", "b");
      Query<Void> query = Query.from("posts").join(kind, b, kind.needsOn() ? Condition.TRUE : null);
      assertThat(query.exclude(kind).toString()).as(kind.name()).isEqualTo("#Query<from p0 in \"posts\">");
      assertThat(query.exclude(kind == JoinType.INNER ? JoinType.LEFT : JoinType.INNER).toString()).contains("blogs");
    }
  }

  /** Ports query_test.exs "exclude/2 / removes join qualifiers with named bindings": the others and their aliases stay. */
  @Test
  void excludeRemovesJoinQualifiersWithNamedBindings() {
    Query<Void> query = Query.from(Alias.of("posts", "base"));
    for (JoinType kind : JoinType.values()) {
      query = query.join(kind, Alias.of("blogs", "blogs_" + kind.name().toLowerCase()), kind.needsOn() ? Condition.TRUE : null);
    }
    Query<Void> withoutInner = query.exclude(JoinType.INNER);
    assertThat(withoutInner.from.joins()).hasSize(JoinType.values().length - 1)
        .noneMatch(join -> join.name().equals("blogs_inner"));
    assertThat(withoutInner.from.rootName()).isEqualTo("base");
    assertThat(query.exclude(JoinType.CROSS).from.joins()).extracting(JoinClause::name).doesNotContain("blogs_cross")
        .contains("blogs_inner", "blogs_cross_lateral");
  }

  /** Ports query_test.exs "exclude/2 / resets both preloads and assocs if :preloads is passed in". */
  @Test
  void excludePreloadResetsPreloadsAndJoinPreloads() {
    Alias<Comment> c = Alias.of(Comments.SCHEMA, "c");
    Query<Post> query = Query.from(Posts.SCHEMA).join(Posts.COMMENTS, c).preload(Posts.COMMENTS, c).preload(Posts.TAGS);
    Query<Post> excluded = query.exclude(Query.Clause.PRELOAD);
    assertThat(excluded.preloads()).isEmpty();
    assertThat(excluded.selection()).isInstanceOf(SelectClause.WholeRow.class);
    assertThat(excluded.toSql().text()).startsWith("SELECT p0.\"id\", p0.\"title\", p0.\"view_count\", p0.\"author_id\","
        + " p0.\"labels\" FROM \"posts\" AS p0 INNER JOIN");
  }
}
