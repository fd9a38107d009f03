package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.StatementCache.Kind;
import io.ecto4j.query.TestSchemas.Comments;
import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import io.ecto4j.query.TestSchemas.Tags;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements kept by query shape: distinct shapes for distinct structures, the call's own values after a hit. */
class StatementCacheTest {
  private static final Query<Post> POSTS = Query.from(Posts.SCHEMA);
  private static final List<Update> NONE = List.of();
  private static final Alias<TestSchemas.Comment> C = Alias.of(Comments.SCHEMA, "c");

  /** Queries of one table that differ in structure only, each built with the values {@code n}. */
  private static List<Query<Post>> variants(long n) {
    int i = (int) n;
    return List.of(
        POSTS,
        POSTS.where(Posts.ID.eq(n)),
        POSTS.where(Posts.ID.ne(n)),
        POSTS.where(Posts.AUTHOR_ID.eq(n)),
        POSTS.where(Posts.ID.eq(n).and(Posts.VIEWS.gt(i))),
        POSTS.where(Posts.ID.eq(n).or(Posts.VIEWS.gt(i))),
        POSTS.where(Posts.ID.eq(n).and(Posts.VIEWS.gt(i)).or(Posts.TITLE.eq("t" + n))),
        POSTS.where(Posts.ID.eq(n).and(Posts.VIEWS.gt(i).or(Posts.TITLE.eq("t" + n)))),
        POSTS.where(Posts.ID.eq(n).not()),
        POSTS.where(Posts.TITLE.isNull()),
        POSTS.where(Posts.TITLE.isNotNull()),
        POSTS.where(Posts.ID.in(List.of(n, n + 1))),
        POSTS.where(Posts.ID.notIn(List.of(n, n + 1))),
        POSTS.where(Functions.in(Posts.ID, Functions.value(n), Functions.value(n + 1))),
        POSTS.where(Functions.in(Posts.ID, Functions.value(n), Functions.value(n + 1), Functions.value(n + 2))),
        POSTS.where(Posts.VIEWS.between(i, i + 10)),
        POSTS.where(Posts.ID.eq(n)).orderBy(Posts.ID.asc()),
        POSTS.where(Posts.ID.eq(n)).orderBy(Posts.ID.desc()),
        POSTS.where(Posts.ID.eq(n)).orderBy(Posts.ID.desc().nullsLast()),
        POSTS.where(Posts.ID.eq(n)).orderBy(Posts.TITLE.asc(), Posts.ID.asc()),
        POSTS.limit(i),
        POSTS.offset(i),
        POSTS.limit(i).offset(i + 1),
        POSTS.orderBy(Posts.ID.asc()).limit(i).withTies(),
        POSTS.prefix("tenant").where(Posts.ID.eq(n)),
        POSTS.where(Posts.ID.eq(Functions.value(n))), // the text of eq(n), but a comparison of two expressions
        POSTS.join(Posts.COMMENTS),
        POSTS.leftJoin(Posts.COMMENTS),
        POSTS.join(Posts.COMMENTS).where(Comments.BODY.eq("b" + n)),
        POSTS.join(Comments.SCHEMA, Comments.POST_ID.eq(Posts.ID).and(Comments.BODY.ne("c" + n))),
        POSTS.join(Comments.SCHEMA, Condition.TRUE),
        POSTS.join(Posts.COMMENTS).join(Tags.SCHEMA, Tags.NAME.eq("t" + n)),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID, Posts.TITLE),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).having(Aggregate.count(Comments.ID).gt(n)),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).having(Condition.TRUE),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).orderBy(Aggregate.count(Comments.ID).desc()).limit(i),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).orderBy(Aggregate.countDistinct(Comments.BODY).desc()),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).orderBy(Aggregate.count().desc()),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID)
            .orderBy(Aggregate.count(Comments.ID).filter(Comments.BODY.eq("f" + n)).desc()),
        POSTS.join(Posts.COMMENTS).groupBy(Posts.ID).orderBy(Aggregate.max(Comments.ID).asc()));
  }

  /** Selections of values: expressions, aggregates, a map; each built with the values {@code n}. */
  private static List<Query<?>> selections(long n) {
    Query<Post> grouped = POSTS.join(Posts.COMMENTS).groupBy(Posts.ID);
    return List.of(
        POSTS.select(Posts.TITLE),
        POSTS.select(Posts.ID, Posts.TITLE),
        POSTS.select(Posts.TITLE, Posts.ID),
        POSTS.select(Functions.value("v" + n)).where(Posts.ID.eq(n)),
        grouped.select(Posts.ID, Aggregate.count(Comments.ID)),
        grouped.select(Posts.ID, Aggregate.count(Comments.ID).filter(Comments.BODY.ne("x" + n))).limit((int) n),
        grouped.select(java.util.Map.of("id", Posts.ID)),
        grouped.select(java.util.Map.of("key", Posts.ID)));
  }

  @Test
  void selectionsOfValuesAreShapesTooWithTheirValuesBeforeTheRest() {
    List<Query<?>> queries = selections(3);
    for (int a = 0; a < queries.size(); a++) {
      StatementCache.Shape shape = StatementCache.shapeOf(Kind.SELECT, queries.get(a), NONE, null);
      assertThat(shape).as("shape of %s", queries.get(a)).isNotNull()
          .isEqualTo(StatementCache.shapeOf(Kind.SELECT, selections(4).get(a), NONE, null));
      for (int b = a + 1; b < queries.size(); b++) {
        assertThat(shape).as("%s and %s", queries.get(a), queries.get(b))
            .isNotEqualTo(StatementCache.shapeOf(Kind.SELECT, queries.get(b), NONE, null));
      }
    }
    for (long n = 1; n <= 3; n++) {
      for (Query<?> query : selections(n * 10)) {
        Sql expected = StatementCache.uncached(Kind.SELECT, query, NONE, null);
        assertThat(query.toSql().text()).isEqualTo(expected.text());
        assertThat(query.toSql().values()).as("values of %s", query).isEqualTo(expected.values());
      }
    }
  }

  @Test
  void differentStructuresNeverShareAShape() {
    List<Query<Post>> queries = variants(7);
    for (int a = 0; a < queries.size(); a++) {
      for (int b = a + 1; b < queries.size(); b++) {
        StatementCache.Shape first = StatementCache.shapeOf(Kind.SELECT, queries.get(a), NONE, null);
        StatementCache.Shape second = StatementCache.shapeOf(Kind.SELECT, queries.get(b), NONE, null);
        assertThat(first).as("shape of %s", queries.get(a)).isNotNull();
        assertThat(first).as("%s and %s", queries.get(a), queries.get(b)).isNotEqualTo(second);
      }
    }
    // the same query for a default prefix, and as an update or a delete, are other shapes too
    Query<Post> one = queries.get(1);
    assertThat(StatementCache.shapeOf(Kind.SELECT, one, NONE, "tenant"))
        .isNotEqualTo(StatementCache.shapeOf(Kind.SELECT, one, NONE, null));
    assertThat(StatementCache.shapeOf(Kind.DELETE, one, NONE, null))
        .isNotEqualTo(StatementCache.shapeOf(Kind.DELETE_RETURNING, one, NONE, null))
        .isNotEqualTo(StatementCache.shapeOf(Kind.SELECT, one, NONE, null));
    assertThat(StatementCache.shapeOf(Kind.UPDATE, one, List.of(Update.set(Posts.TITLE, "a")), null))
        .isNotEqualTo(StatementCache.shapeOf(Kind.UPDATE, one, List.of(Update.set(Posts.VIEWS, 1)), null))
        .isNotEqualTo(StatementCache.shapeOf(Kind.UPDATE, one, List.of(Update.inc(Posts.VIEWS, 1)), null))
        .isNotEqualTo(StatementCache.shapeOf(Kind.UPDATE, one, List.of(Update.set(Posts.TITLE, "a"),
            Update.inc(Posts.VIEWS, 1)), null));
  }

  @Test
  void theSameStructureWithOtherValuesIsOneShape() {
    List<Query<Post>> seven = variants(7);
    List<Query<Post>> eight = variants(8);
    for (int i = 0; i < seven.size(); i++) {
      assertThat(StatementCache.shapeOf(Kind.SELECT, seven.get(i), NONE, null))
          .isEqualTo(StatementCache.shapeOf(Kind.SELECT, eight.get(i), NONE, null));
    }
  }

  @Test
  void aHitGivesTheRenderedTextAndTheCallsOwnValuesInOrder() {
    for (long n = 1; n <= 3; n++) { // the first round renders and keeps, the next ones hit
      for (Query<Post> query : variants(n * 100)) {
        Sql expected = StatementCache.uncached(Kind.SELECT, query, NONE, null);
        Sql sql = query.toSql();
        assertThat(sql.text()).isEqualTo(expected.text());
        assertThat(sql.values()).as("values of %s", query).isEqualTo(expected.values());
        assertThat(query.toSql(null)).isSameAs(sql);
        assertThat(query.toSql("other").text()).isEqualTo(StatementCache.uncached(Kind.SELECT, query, NONE,
            "other").text());
      }
    }
    assertThat(StatementCache.kept(Kind.SELECT, variants(9).get(4), NONE, null)).isTrue();
  }

  @Test
  void updatesAndDeletesBindTheirSetValuesBeforeTheirWhere() {
    for (int n = 1; n <= 3; n++) {
      Query<Post> query = POSTS.where(Posts.AUTHOR_ID.eq((long) n).and(Posts.VIEWS.lt(n * 10)));
      List<Update> updates = List.of(Update.set(Posts.TITLE, "title " + n), Update.inc(Posts.VIEWS, n));
      Sql sql = Statements.updateAll(query, updates, false);
      assertThat(sql.text()).isEqualTo("UPDATE \"posts\" AS p0 SET \"title\" = ?, \"view_count\" = p0.\"view_count\" + ?"
          + " WHERE p0.\"author_id\" = ? AND p0.\"view_count\" < ?");
      assertThat(sql.values()).containsExactly("title " + n, n, (long) n, n * 10);
      Sql deleted = Statements.deleteAll(query, true);
      assertThat(deleted.text()).isEqualTo(StatementCache.uncached(Kind.DELETE_RETURNING, query, NONE, null).text());
      assertThat(deleted.values()).containsExactly((long) n, n * 10);
    }
    Query<Post> query = POSTS.where(Posts.AUTHOR_ID.eq(9L).and(Posts.VIEWS.lt(90)));
    assertThat(StatementCache.kept(Kind.UPDATE, query, List.of(Update.set(Posts.TITLE, "x"),
        Update.inc(Posts.VIEWS, 2)), null)).isTrue();
  }

  @Test
  void equalValuesInSeveralPlacesKeepTheirPlaces() {
    // a limit equal to a compared value (one Integer object): each place still takes its own value next time
    for (int n : new int[] {100, 100, 5, 6}) {
      Query<Post> query = POSTS.where(Posts.VIEWS.gt(n)).limit(n == 6 ? 60 : n).offset(n + 1);
      assertThat(query.toSql().values()).containsExactly(n, n == 6 ? 60 : n, n + 1);
    }
    Condition twice = Posts.ID.eq(4L);
    Query<Post> shared = POSTS.where(twice.or(twice));
    assertThat(shared.toSql().values()).containsExactly(4L, 4L);
    assertThat(POSTS.where(Posts.ID.eq(5L).or(Posts.ID.eq(6L))).toSql().values()).containsExactly(5L, 6L);
  }

  @Test
  void shapesTheCacheDoesNotKnowRenderAsBefore() {
    List<Query<?>> unknown = List.of(
        POSTS.join(Posts.TAGS),
        POSTS.join(Posts.COMMENT_POSTS),
        POSTS.join(Posts.COMMENTS, Alias.of(Comments.SCHEMA, "c"), Comments.BODY.eq("x")),
        POSTS.join(Posts.COMMENTS, C).select(Posts.TITLE, C),
        POSTS.where(Posts.ID.in(Query.from(Posts.SCHEMA).select(Posts.AUTHOR_ID))),
        POSTS.distinct(),
        POSTS.lock(Lock.forUpdate()),
        POSTS.where(Condition.fragment("true")));
    for (Query<?> query : unknown) {
      assertThat(StatementCache.shapeOf(Kind.SELECT, query, NONE, null)).as("%s", query).isNull();
      assertThat(query.toSql().text()).isEqualTo(StatementCache.uncached(Kind.SELECT, query, NONE, null).text());
    }
  }

  @Test
  void limitsAndOffsetsBindTheirOwnValuesWhetherTheirParameterIsMadeOnceOrPerCall() {
    for (int count : new int[] {0, 1, 1023, 1024, 100_000, 7}) { // below 1,024 a parameter made once
      Query<Post> query = POSTS.where(Posts.ID.eq(1L)).limit(count).offset(count + 1);
      assertThat(query.toSql().values()).containsExactly(1L, count, count + 1)
          .isEqualTo(StatementCache.uncached(Kind.SELECT, query, NONE, null).values());
    }
  }

  @Test
  void bulkInsertsKeepOneTextPerRowCountAndTakeEachCallsValues() {
    for (int rows : new int[] {1, 2, 3, 2, 1, 3}) {
      List<Post> posts = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        posts.add(new Post(null, "post " + rows + "." + r, r, r % 2 == 0 ? null : (long) r, List.of("a" + r), null));
      }
      Sql sql = Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), posts, OnConflict.raise(), null);
      StringBuilder expected = new StringBuilder("INSERT INTO \"posts\" AS p0 (\"title\", \"view_count\", \"author_id\", \"labels\") VALUES ");
      List<Object> values = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        expected.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?)");
        values.addAll(Arrays.asList(posts.get(r).title(), r, posts.get(r).authorId(), List.of("a" + r)));
      }
      assertThat(sql.text()).isEqualTo(expected.toString());
      assertThat(sql.values()).isEqualTo(values);
      assertThat(Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), posts, OnConflict.raise(),
          List.of(Posts.ID)).text()).isEqualTo(expected + " RETURNING p0.\"id\"");
      assertThat(Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), posts, OnConflict.nothing(), null)
          .text()).isEqualTo(expected + " ON CONFLICT DO NOTHING");
    }
    List<Post> one = List.of(new Post(null, "x", 1, 2L, List.of(), null));
    assertThat(Statements.insertAll(Posts.SCHEMA, Posts.SCHEMA.insertFields(), one, OnConflict.raise(), null)
        .withDefaultPrefix("tenant").text()).startsWith("INSERT INTO \"tenant\".\"posts\" AS p0");
  }
}
