package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ecto4j.it.schemas.SqCommentStruct;
import io.ecto4j.it.schemas.SqComments;
import io.ecto4j.it.schemas.SqPostStruct;
import io.ecto4j.it.schemas.SqPosts;
import io.ecto4j.it.schemas.SqSchema;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Expression;
import io.ecto4j.query.JoinType;
import io.ecto4j.query.Query;
import io.ecto4j.query.Selectable;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subqueries that use the query around them, casts, and unions of selected values (issue #18), as
 * Ecto's planner_test.exs and query_test.exs plan them: run against PostgreSQL, with the SQL they
 * render where the order of bound values or the source a field resolves to is the point.
 */
@EctoTest(sandbox = true)
class PlannerSubqueryConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SqSchema.create(db);
    db.execute("CREATE TABLE first_subposts (id bigint)");
    db.execute("CREATE TABLE second_subposts (id bigint)");
  }

  private static SqPostStruct post(Repo repo, String title, int visits) {
    return repo.insertOrThrow(new SqPostStruct().withTitle(title).withText(title).withVisits(visits));
  }

  private static SqCommentStruct comment(Repo repo, SqPostStruct post, String text) {
    return repo.insertOrThrow(new SqCommentStruct().withText(text).withPostId(post.id()));
  }

  private static Expression<Long> id() {
    return Query.column("id", Types.LONG);
  }

  /**
   * Ports query_test.exs: "dynamic/2 / can be used to merge dynamics with subquery": conditions
   * built apart, one holding an {@code in} subquery, combine with {@code and}/{@code or} (or
   * {@code Condition.all}) into the same query as written inline, each value bound where it stands.
   */
  @Test
  void conditionsHoldingSubqueriesCombine(Repo repo) {
    SqPostStruct commented = post(repo, "commented", 0);
    SqPostStruct popular = post(repo, "popular", 5);
    comment(repo, commented, "by ada");
    Query<Long> commentedByAda = Query.from("sq_comments").where(Query.column("text", Types.STRING).eq("by ada"))
        .select(Query.column("post_id", Types.LONG));
    Condition isPopular = SqPosts.VISITS.gt(0);
    Condition withSubquery = SqPosts.ID.in(commentedByAda);

    Query<String> both = SqPosts.query().where(Condition.all(List.of(isPopular, withSubquery))).select(SqPosts.TITLE);
    Sql sql = both.toSql();
    assertThat(sql.text()).isEqualTo(SqPosts.query().where(SqPosts.VISITS.gt(0).and(SqPosts.ID.in(commentedByAda)))
        .select(SqPosts.TITLE).toSql().text());
    assertThat(sql.text()).endsWith("WHERE s0.\"visits\" > ? AND s0.\"id\" IN (SELECT s1.\"post_id\""
        + " FROM \"sq_comments\" AS s1 WHERE s1.\"text\" = ?)");
    assertThat(sql.values()).containsExactly(0, "by ada");
    assertThat(repo.all(both)).isEmpty();

    Query<String> either = SqPosts.query().where(withSubquery.or(isPopular)).select(SqPosts.TITLE);
    assertThat(either.toSql().values()).containsExactly("by ada", 0);
    assertThat(repo.all(either)).containsExactlyInAnyOrder(commented.title(), popular.title());
  }

  /**
   * Ports planner_test.exs: "plan: merges subqueries from interpolated join wheres": a joined query
   * whose where holds two {@code in} subqueries, each with a bound value, binds the first's value
   * before the second's, whether the query is joined as a subquery or its wheres are the join's
   * {@code ON} (Ecto's plan). Bound the other way round, no row would match.
   */
  @Test
  void theValuesOfTwoSubqueriesInAJoinedWhereAreBoundInOrder(Repo repo) {
    SqPostStruct first = post(repo, "first", 0);
    SqPostStruct second = post(repo, "second", 0);
    SqPostStruct third = post(repo, "third", 0);
    repo.queryResult("INSERT INTO first_subposts (id) VALUES (?), (?)", List.of(first.id(), third.id()));
    repo.queryResult("INSERT INTO second_subposts (id) VALUES (?)", List.of(second.id()));
    Query<Long> firstSubquery = Query.from("first_subposts").where(id().eq(first.id())).select(id());
    Query<Long> secondSubquery = Query.from("second_subposts").where(id().eq(second.id())).select(id());

    Query<Long> joinQuery = Query.from("sq_posts").where(id().in(firstSubquery)).orWhere(id().in(secondSubquery))
        .select(id());
    Alias<Long> p2 = Alias.of(joinQuery, "p2");
    Query<String> asSubquery = SqPosts.query().join(p2, p2.column("id", Types.LONG).eq(SqPosts.ID))
        .where(SqPosts.TITLE.ne("none")).select(SqPosts.TITLE);
    Sql sql = asSubquery.toSql();
    assertThat(sql.text()).contains("WHERE s2.\"id\" IN (SELECT f3.\"id\" FROM \"first_subposts\" AS f3 WHERE f3.\"id\" = ?)"
        + " OR s2.\"id\" IN (SELECT s4.\"id\" FROM \"second_subposts\" AS s4 WHERE s4.\"id\" = ?)");
    assertThat(sql.values()).containsExactly(first.id(), second.id(), "none");
    assertThat(repo.all(asSubquery)).containsExactlyInAnyOrder("first", "second");

    Alias<SqPostStruct> other = Alias.of(SqPosts.SCHEMA, "p2");
    Query<String> asOn = SqPosts.query().join(other, other.field(SqPosts.ID).eq(SqPosts.ID)
            .and(other.field(SqPosts.ID).in(firstSubquery).or(other.field(SqPosts.ID).in(secondSubquery))))
        .where(SqPosts.TITLE.ne("none")).select(SqPosts.TITLE);
    assertThat(asOn.toSql().values()).containsExactly(first.id(), second.id(), "none");
    assertThat(repo.all(asOn)).containsExactlyInAnyOrder("first", "second");
  }

  /**
   * Ports planner_test.exs: "normalize: nested parent_as": a field of the outermost query used three
   * subqueries deep ({@code parent_as(:posts).visits} in an {@code in} subquery of an {@code in}
   * subquery of a joined subquery) resolves to the outermost query's source, as it does one level
   * deep. The join is lateral: PostgreSQL lets a subquery in FROM see the sources before it only
   * then (Ecto's test plans the query without running it).
   */
  @Test
  void aFieldOfTheOutermostQueryResolvesThreeSubqueriesDeep(Repo repo) {
    SqPostStruct visited = post(repo, "visited", 3);
    SqPostStruct unvisited = post(repo, "unvisited", 0);
    comment(repo, visited, "on visited");
    comment(repo, unvisited, "on unvisited");
    Query<Long> child3 = SqComments.query().where(SqPosts.VISITS.gt(0)).select(SqComments.ID);
    Query<Long> child2 = SqComments.query().where(SqComments.ID.in(child3)).select(SqComments.ID);
    Query<SqCommentStruct> child = SqComments.query()
        .where(SqComments.POST_ID.eq(SqPosts.ID).and(SqComments.ID.in(child2)));
    Alias<SqCommentStruct> c = Alias.of(child, "c");
    Query<String> query = SqPosts.query().join(JoinType.INNER_LATERAL, c, Condition.TRUE)
        .select(c.field(SqComments.TEXT));
    String sql = query.toSql().text();
    assertThat(sql).contains("WHERE s2.\"post_id\" = s0.\"id\" AND s2.\"id\" IN (SELECT s3.\"id\" FROM \"sq_comments\""
        + " AS s3 WHERE s3.\"id\" IN (SELECT s4.\"id\" FROM \"sq_comments\" AS s4 WHERE s0.\"visits\" > ?))");
    assertThat(repo.all(query)).containsExactly("on visited");
  }

  /**
   * Ports planner_test.exs: "normalize: allow virtual fields in type/2": the type of a virtual field
   * is a type to cast to ({@code type(fragment("1"), c.temp)}), though the field has no column.
   */
  @Test
  void aVirtualFieldsTypeIsATypeToCastTo(Repo repo) {
    post(repo, "one", 0);
    Query<Boolean> query = SqPosts.query().select(cast(fragment(Types.TEXT, "'true'"), SqPosts.TEMP.type()));
    assertThat(query.toSql().text()).isEqualTo("SELECT ('true')::boolean FROM \"sq_posts\" AS s0");
    assertThat(repo.all(query)).containsExactly(true);
  }

  /**
   * Ports planner_test.exs: "normalize: alias in type/2": a field of a named binding cast to its own
   * field's type ({@code type(p.visits, p.visits)}) is the binding's column cast to that type.
   */
  @Test
  void aNamedBindingsFieldCastsToAFieldsType(Repo repo) {
    post(repo, "one", 7);
    Alias<SqPostStruct> p = Alias.of(SqPosts.SCHEMA, "post");
    Query<Integer> query = Query.from(p).select(cast(p.field(SqPosts.VISITS), SqPosts.VISITS.type()));
    assertThat(query.toSql().text()).isEqualTo("SELECT s0.\"visits\"::integer FROM \"sq_posts\" AS s0");
    assertThat(query.toString()).contains("from post in \"sq_posts\"");
    assertThat(repo.all(query)).containsExactly(7);
  }

  /**
   * Ports planner_test.exs: "normalize: parent_as/1 in type/2": inside a lateral subquery, a field of
   * the outer query cast to text ({@code type(parent_as(:posts).id, :string) == c.text}) is the
   * outer source's column, cast.
   */
  @Test
  void aCastOfAnOuterFieldInsideALateralSubquery(Repo repo) {
    SqPostStruct named = post(repo, "named", 0);
    SqPostStruct other = post(repo, "other", 0);
    comment(repo, named, String.valueOf(named.id()));
    comment(repo, other, "not an id");
    Query<SqCommentStruct> child = SqComments.query().where(cast(SqPosts.ID, Types.STRING).eq(SqComments.TEXT));
    Alias<SqCommentStruct> c = Alias.of(child, "c");
    Query<String> query = SqPosts.query().join(JoinType.INNER_LATERAL, c, Condition.TRUE).select(SqPosts.TITLE);
    assertThat(query.toSql().text()).contains("WHERE s0.\"id\"::text = s2.\"text\") AS s1 ON TRUE");
    assertThat(repo.all(query)).containsExactly("named");
  }

  /**
   * Ports planner_test.exs: "normalize: json_extract_path with parent_as/1": inside a lateral
   * subquery, a JSON path into a map field of the outer query ({@code parent_as(:post).prefs["field"]},
   * stored as {@code preferences}) reads the outer source's column, the path bound.
   */
  @Test
  void aJsonPathIntoAnOuterFieldInsideALateralSubquery(Repo repo) {
    SqPostStruct wanting = repo.insertOrThrow(new SqPostStruct().withTitle("wanting").withPrefs(Map.of("field", "b")));
    repo.insertOrThrow(new SqPostStruct().withTitle("indifferent").withPrefs(Map.of("other", "b")));
    comment(repo, wanting, "a");
    comment(repo, wanting, "b");
    Query<SqCommentStruct> child = SqComments.query().where(SqComments.TEXT.eq(jsonText(SqPosts.PREFS, "field")));
    Alias<SqCommentStruct> c = Alias.of(child, "c");
    Query<Tuple2<String, String>> query = SqPosts.query()
        .join(JoinType.INNER_LATERAL, c, Condition.TRUE).select(SqPosts.TITLE, c.field(SqComments.TEXT));
    Sql sql = query.toSql();
    assertThat(sql.text()).contains("WHERE s2.\"text\" = s0.\"preferences\" #>> ?) AS s1 ON TRUE");
    assertThat(sql.values()).containsExactly(List.of("field"));
    assertThat(repo.all(query)).containsExactly(new Tuple2<>("wanting", "b"));
  }

  /**
   * Ports planner_test.exs: "normalize: select with unions and virtual literal": each operand of a
   * union keeps its own value for a key ({@code %{title: p.title, temp: false}} union
   * {@code temp: true}), as map entries and as a virtual field merged into structs. The operands'
   * keys are put in the first operand's order, and merged virtual fields are selected in the
   * struct's order, since PostgreSQL pairs a union's columns by position: maps built, or fields
   * merged, in different orders still read each value under its key. A field of the union's rows
   * filters them by its key.
   */
  @Test
  void eachOperandOfAUnionKeepsItsOwnSelectedValue(Repo repo) {
    post(repo, "a", 0);
    post(repo, "b", 0);
    Query<Map<String, Object>> maps = SqPosts.query().select(Map.of("title", SqPosts.TITLE, "temp", value(false)))
        .union(SqPosts.query().select(Map.of("title", SqPosts.TITLE, "temp", value(true))));
    assertThat(maps.toSql().values()).containsExactly(false, true);
    assertThat(repo.all(maps)).containsExactlyInAnyOrder(Map.of("title", "a", "temp", false),
        Map.of("title", "a", "temp", true), Map.of("title", "b", "temp", false), Map.of("title", "b", "temp", true));

    Query<Map<String, Object>> filtered = maps.where(SqPosts.TITLE.eq("a"));
    assertThat(filtered.toSql().text()).endsWith(") AS s0 WHERE s0.\"title\" = ?");
    assertThat(repo.all(filtered)).containsExactlyInAnyOrder(Map.of("title", "a", "temp", false),
        Map.of("title", "a", "temp", true));

    Query<SqPostStruct> structs = SqPosts.query().selectMerge(SqPosts.TEMP, value(false))
        .union(SqPosts.query().selectMerge(SqPosts.TEMP, value(true)));
    assertThat(repo.all(structs)).extracting(SqPostStruct::title, SqPostStruct::temp).containsExactlyInAnyOrder(
        tuple("a", false), tuple("a", true), tuple("b", false), tuple("b", true));

    Instant commented = Instant.parse("2020-01-01T00:00:00Z");
    Instant seen = Instant.parse("2024-01-01T00:00:00Z");
    Query<SqPostStruct> twoMerged = SqPosts.query().where(SqPosts.TITLE.eq("a"))
        .selectMerge(SqPosts.COMMENT_UPDATED_AT, value(commented)).selectMerge(SqPosts.LAST_SEEN_AT, value(seen))
        .union(SqPosts.query().where(SqPosts.TITLE.eq("b"))
            .selectMerge(SqPosts.LAST_SEEN_AT, value(seen)).selectMerge(SqPosts.COMMENT_UPDATED_AT, value(commented)));
    assertThat(repo.all(twoMerged)).extracting(SqPostStruct::title, SqPostStruct::commentUpdatedAt,
        SqPostStruct::lastSeenAt).containsExactlyInAnyOrder(tuple("a", commented, seen), tuple("b", commented, seen));

    Map<String, Selectable<?>> titleFirst = new LinkedHashMap<>();
    titleFirst.put("title", SqPosts.TITLE);
    titleFirst.put("text", fragment(Types.STRING, "'some text'"));
    Map<String, Selectable<?>> textFirst = new LinkedHashMap<>();
    textFirst.put("text", fragment(Types.STRING, "'other text'"));
    textFirst.put("title", SqPosts.TITLE);
    Query<Map<String, Object>> mixed = SqPosts.query().where(SqPosts.TITLE.eq("a")).select(titleFirst)
        .unionAll(SqPosts.query().where(SqPosts.TITLE.eq("b")).select(textFirst));
    assertThat(mixed.toSql().text()).contains("UNION ALL (SELECT s1.\"post_title\" AS \"title\", 'other text' AS \"text\"");
    assertThat(repo.all(mixed)).containsExactlyInAnyOrder(Map.of("title", "a", "text", "some text"),
        Map.of("title", "b", "text", "other text"));
  }
}
