package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ecto4j.it.schemas.SqCommentStruct;
import io.ecto4j.it.schemas.SqComments;
import io.ecto4j.it.schemas.SqPostStruct;
import io.ecto4j.it.schemas.SqPosts;
import io.ecto4j.it.schemas.SqSchema;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Query;
import io.ecto4j.query.Selectable;
import io.ecto4j.query.Sql;
import io.ecto4j.query.Tuple3;
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
 * Subqueries as sources and as values (issue #18), as Ecto's subquery_test.exs, query_test.exs and
 * planner_test.exs check them: what columns a subquery's selection gives the query around it, which
 * field of it the outer query reads, where each subquery's values are bound, and how an error
 * inside one is reported. Each test runs its queries against PostgreSQL and checks the rows.
 */
@EctoTest(sandbox = true)
class SubqueryConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SqSchema.create(db);
  }

  private static SqPostStruct post(Repo repo, String title, String text) {
    return repo.insertOrThrow(new SqPostStruct().withTitle(title).withText(text).withVisits(0));
  }

  private static SqCommentStruct comment(Repo repo, SqPostStruct post, String text) {
    return repo.insertOrThrow(new SqCommentStruct().withText(text).withPostId(post.id()));
  }

  /**
   * Ports subquery_test.exs: "plan: source subqueries / with map updates in select can be used with
   * assoc": a subquery of structs with one field replaced by a bound value ({@code %{post | title: ^"hello"}},
   * ecto4j's {@code selectMerge}) is still a source of those structs, so an association joins it
   * on its key: {@code ON s1."post_id" = s0."id"}.
   */
  @Test
  void aSubqueryOfStructsWithAMergedValueJoinsThroughTheirAssociation(Repo repo) {
    SqPostStruct commented = post(repo, "first", "x");
    SqPostStruct quiet = post(repo, "second", "y");
    comment(repo, commented, "nice");
    Alias<SqCommentStruct> c = Alias.of(SqComments.SCHEMA, "c");
    Query<Tuple3<Long, String, String>> query = Query.from(SqPosts.query().selectMerge(SqPosts.TITLE, value("hello")))
        .leftJoin(SqPosts.COMMENTS, c)
        .select(SqPosts.ID, SqPosts.TITLE, c.field(SqComments.TEXT));
    Sql sql = query.toSql();
    assertThat(sql.text()).isEqualTo("SELECT s0.\"id\", s0.\"post_title\", s1.\"text\" FROM (SELECT s2.\"id\","
        + " ? AS \"post_title\", s2.\"text\", s2.\"visits\", s2.\"posted\", s2.\"preferences\" FROM \"sq_posts\" AS s2)"
        + " AS s0 LEFT OUTER JOIN \"sq_comments\" AS s1 ON s1.\"post_id\" = s0.\"id\"");
    assertThat(sql.values()).containsExactly("hello");
    assertThat(repo.all(query)).containsExactlyInAnyOrder(
        new Tuple3<>(commented.id(), "hello", "nice"), new Tuple3<>(quiet.id(), "hello", null));
  }

  /**
   * Ports subquery_test.exs: "plan: source subqueries / wraps subquery errors": an error found when
   * a subquery is rendered says it happened in a subquery, names the subquery, and keeps the error
   * as its cause (Ecto's {@code Ecto.SubQueryError} and its {@code exception}). Ecto's example, a
   * value that cannot be cast to the field's type ({@code p.title == ^1}), does not compile in
   * ecto4j; a virtual field, which has no column, is found when rendering, inside a source subquery
   * and inside an {@code in} subquery alike.
   */
  @Test
  void anErrorInsideASubqueryNamesTheSubquery(Repo repo) {
    Query<SqPostStruct> inner = SqPosts.query().where(SqPosts.TEMP.eq(true));
    String innerText = "#Query<from s0 in \"sq_posts\", where: SqPost.temp = ^true>";
    assertThatThrownBy(() -> repo.all(Query.from(inner))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the following exception happened when compiling a subquery")
        .hasMessageContaining("SqPost.temp is virtual: it has no column to query")
        .hasMessageContaining("the subquery: " + innerText)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SqPost.temp is virtual: it has no column to query");
    Query<SqCommentStruct> filtered = SqComments.query().where(SqComments.POST_ID.in(inner.select(SqPosts.ID)));
    assertThatThrownBy(filtered::toSql).hasMessageContaining("compiling a subquery")
        .hasMessageContaining("select: SqPost.id");
  }

  /**
   * Ports subquery_test.exs: "plan: subqueries select / supports structs": a subquery selecting
   * structs with some fields ({@code %Post{text: p.text}}, ecto4j's {@code selectFields}) has those
   * columns only; the outer query reads and filters them, and a field it did not select is refused
   * by name (Ecto's "field `title` does not exist in subquery").
   */
  @Test
  void aSubqueryOfSomeFieldsOfStructsHasThoseColumnsOnly(Repo repo) {
    post(repo, "first", "x");
    post(repo, "second", "y");
    Query<SqPostStruct> texts = SqPosts.query().selectFields(SqPosts.TEXT);
    Query<SqPostStruct> query = Query.from(texts).where(SqPosts.TEXT.eq("x"));
    assertThat(query.toSql().text()).isEqualTo(
        "SELECT s0.* FROM (SELECT s1.\"text\" FROM \"sq_posts\" AS s1) AS s0 WHERE s0.\"text\" = ?");
    List<SqPostStruct> rows = repo.all(query);
    assertThat(rows).extracting(SqPostStruct::text).containsExactly("x");
    assertThat(rows).extracting(SqPostStruct::title).containsOnlyNulls();
    assertThatThrownBy(() -> repo.all(Query.from(texts).where(SqPosts.TITLE.eq("first"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field `title` does not exist in subquery(")
        .hasMessageContaining("its columns are [text]");
  }

  /**
   * Ports subquery_test.exs: "plan: subqueries select / supports update in maps": a subquery of
   * structs with a field taken from another ({@code %{p | text: p.title}}) gives that field the
   * other's value, under the field's column, and the outer query filters by the new value.
   */
  @Test
  void aSubqueryOfStructsWithAFieldReplacedFiltersByTheReplacement(Repo repo) {
    SqPostStruct first = post(repo, "T1", "x");
    post(repo, "Z", "T1"); // its text is T1, but in the subquery its text is its title, Z
    Query<SqPostStruct> query = Query.from(SqPosts.query().selectMerge(SqPosts.TEXT, SqPosts.TITLE))
        .where(SqPosts.TEXT.eq("T1"));
    assertThat(query.toSql().text()).isEqualTo("SELECT s0.* FROM (SELECT s1.\"id\", s1.\"post_title\","
        + " s1.\"post_title\" AS \"text\", s1.\"visits\", s1.\"posted\", s1.\"preferences\" FROM \"sq_posts\" AS s1)"
        + " AS s0 WHERE s0.\"text\" = ?");
    assertThat(repo.all(query)).extracting(SqPostStruct::id, SqPostStruct::title, SqPostStruct::text)
        .containsExactly(tuple(first.id(), "T1", "T1"));
  }

  /**
   * Ports subquery_test.exs: "plan: subqueries select / merging fields from other sources or schemas
   * retains the field type": a joined table's value merged into a virtual field of the subquery's
   * structs is a column of the subquery with the virtual field's type: the outer query filters by
   * it (a virtual field of a table has no column) and reads it to the microsecond.
   */
  @Test
  void aValueMergedIntoAVirtualFieldOfASubqueryIsAColumnOfIt(Repo repo) {
    SqPostStruct old = post(repo, "old", "x");
    SqPostStruct recent = post(repo, "recent", "y");
    Instant before = Instant.parse("2020-01-01T00:00:00.123456Z");
    Instant after = Instant.parse("2024-01-01T00:00:00.654321Z");
    repo.insertOrThrow(new SqCommentStruct().withText("a").withPostId(old.id()).withUpdatedAt(before));
    repo.insertOrThrow(new SqCommentStruct().withText("b").withPostId(recent.id()).withUpdatedAt(after));
    Query<SqPostStruct> withDates = SqPosts.query().join(SqPosts.COMMENTS)
        .selectMerge(SqPosts.COMMENT_UPDATED_AT, SqComments.UPDATED_AT);
    Query<SqPostStruct> query = Query.from(withDates)
        .where(SqPosts.COMMENT_UPDATED_AT.gt(Instant.parse("2022-01-01T00:00:00Z")));
    assertThat(query.toSql().text()).contains("s2.\"updated_at\" AS \"comment_updated_at\"")
        .endsWith("AS s0 WHERE s0.\"comment_updated_at\" > ?");
    assertThat(repo.all(query)).extracting(SqPostStruct::title, SqPostStruct::commentUpdatedAt)
        .containsExactly(tuple("recent", after));
  }

  /**
   * Ports subquery_test.exs: "normalize: source subqueries / merges fields when requested": a
   * subquery selecting a map ({@code %{id: p.id, title: p.title}}) has one column per key, read
   * whole as maps, or a field of it by the key of the field's name, from the first source or from a
   * join, and with the field's type ({@code title} is stored as {@code post_title}, and the
   * subquery's column is {@code title}). A field it does not select is refused by name. Ecto's
   * {@code select: [:title]} and {@code map(p, [:title])} on a subquery are ported with
   * {@code selectFields}/{@code selectMap} on subquery sources (SelSelectConformanceTest's rows).
   */
  @Test
  void aSubqueryOfAMapIsReadByItsKeys(Repo repo) {
    SqPostStruct first = post(repo, "first", "x");
    SqPostStruct second = post(repo, "second", "y");
    comment(repo, first, "c");
    Query<Map<String, Object>> idsAndTitles = SqPosts.query()
        .select(Map.of("id", SqPosts.ID, "title", SqPosts.TITLE));
    assertThat(repo.all(Query.from(idsAndTitles))).containsExactlyInAnyOrder(
        Map.of("id", first.id(), "title", "first"), Map.of("id", second.id(), "title", "second"));

    Query<String> titles = Query.from(idsAndTitles).select(SqPosts.TITLE);
    assertThat(titles.toSql().text()).startsWith("SELECT s0.\"title\" FROM (SELECT ");
    assertThat(repo.all(titles)).containsExactlyInAnyOrder("first", "second");

    Alias<Map<String, Object>> p = Alias.of(idsAndTitles, "p");
    Query<Map<String, Object>> joined = SqComments.query().join(p, p.column("id", Types.LONG).eq(SqComments.POST_ID))
        .select(p);
    assertThat(repo.all(joined)).containsExactly(Map.of("id", first.id(), "title", "first"));
    Query<String> joinedTitle = SqComments.query().join(p, Condition.TRUE).select(SqPosts.TITLE);
    assertThat(joinedTitle.toSql().text()).startsWith("SELECT s1.\"title\" FROM \"sq_comments\" AS s0 INNER JOIN (");
    assertThat(repo.all(joinedTitle)).containsExactlyInAnyOrder("first", "second");

    assertThatThrownBy(() -> repo.all(Query.from(idsAndTitles).select(SqPosts.TEXT)))
        .hasMessageContaining("field `text` does not exist in subquery(");
  }

  /**
   * Ports subquery_test.exs: "plan: select_merge with interpolations in subquery / non-overlapping
   * interpolations produce valid query": a subquery's map of one bound value, with another merged
   * in, binds both in order, before the outer query's own.
   */
  @Test
  void valuesSelectedAndMergedInASubqueryAreBoundInOrder(Repo repo) {
    SqPostStruct onPost = post(repo, "p", "x");
    comment(repo, onPost, "a");
    comment(repo, onPost, "b");
    Query<Map<String, Object>> inner = SqComments.query().select(Map.of("id", value(1L))).selectMerge("text", value("hi"));
    Query<Map<String, Object>> query = Query.from(inner).where(Query.column("id", Types.LONG).eq(1L));
    Sql sql = query.toSql();
    assertThat(sql.text()).isEqualTo(
        "SELECT s0.* FROM (SELECT ? AS \"id\", ? AS \"text\" FROM \"sq_comments\" AS s1) AS s0 WHERE s0.\"id\" = ?");
    assertThat(sql.values()).containsExactly(1L, "hi", 1L);
    assertThat(repo.all(query)).containsExactly(Map.of("id", 1L, "text", "hi"), Map.of("id", 1L, "text", "hi"));
  }
}
