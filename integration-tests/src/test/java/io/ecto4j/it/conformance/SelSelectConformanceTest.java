package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.SelComment;
import io.ecto4j.it.schemas.SelCommentStruct;
import io.ecto4j.it.schemas.SelComments;
import io.ecto4j.it.schemas.SelPermalinkStruct;
import io.ecto4j.it.schemas.SelPermalinks;
import io.ecto4j.it.schemas.SelPostStruct;
import io.ecto4j.it.schemas.SelPosts;
import io.ecto4j.it.schemas.SelSchema;
import io.ecto4j.it.schemas.SelUserStruct;
import io.ecto4j.it.schemas.SelUsers;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Functions;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Partial selections ({@code selectFields}, {@code selectMap}, {@code JoinPreload.take}) with
 * preloads and join-preloads, merged selections, field sources and subqueries as Ecto's
 * integration repo.exs, preload.exs and subquery tests use them (issue #18).
 */
@EctoTest(sandbox = true)
class SelSelectConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SelSchema.create(db);
  }

  private static SelPostStruct post(Repo repo, String title) {
    return repo.insertOrThrow(new SelPostStruct().withTitle(title));
  }

  private static SelCommentStruct comment(Repo repo, String text, Long postId) {
    return repo.insertOrThrow(new SelCommentStruct().withText(text).withPostId(postId));
  }

  // ---------------------------------------------------------------- partial selections with preloads

  /** Ports ecto integration_test/cases/repo.exs "query select / take with preload assocs" (the structs). */
  @Test
  void someFieldsOfTheParentsWithTheirPreloadedChildren(Repo repo) {
    SelPostStruct p = post(repo, "post");
    comment(repo, "comment", p.id());
    List<SelPostStruct> posts = repo.all(SelPosts.query().selectFields(SelPosts.ID, SelPosts.TITLE)
        .preload(SelPosts.COMMENTS.take(SelComments.TEXT, SelComments.POST_ID)));
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).title()).isEqualTo("post");
    SelCommentStruct c = (SelCommentStruct) posts.get(0).comments().get(0);
    assertThat(c.text()).isEqualTo("comment");
    assertThat(c.id()).isNull();
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "query select / take with nil preload assoc": the
   * foreign key is not read, so the belongs_to preloads as null.
   */
  @Test
  void aPreloadWhoseKeyWasNotReadIsNull(Repo repo) {
    SelCommentStruct c = comment(repo, "comment", null);
    List<SelCommentStruct> comments = repo.all(SelComments.query().preload(SelComments.POST.take(SelPosts.TITLE))
        .selectFields(SelComments.ID, SelComments.TEXT));
    assertThat(comments).extracting(SelCommentStruct::id, SelCommentStruct::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple(c.id(), "comment"));
    assertThat(comments.get(0).post()).isNull();
  }

  /** Ports ecto integration_test/cases/preload.exs "preload with parameter from select_merge" (the fields read are the preload's key). */
  @Test
  void aPartialSelectionReadingTheForeignKeyPreloadsThroughIt(Repo repo) {
    SelPostStruct p1 = post(repo, "p1");
    comment(repo, "c1", p1.id());
    List<SelCommentStruct> comments = repo.all(SelComments.query()
        .selectFields(SelComments.TEXT, SelComments.POST_ID).preload(SelComments.POST));
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).text()).isEqualTo("c1");
    assertThat(comments.get(0).post().title()).isEqualTo("p1");
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / take with join assocs" (the structs). */
  @Test
  void someFieldsOfParentsAndOfTheirJoinPreloadedChildren(Repo repo) {
    SelPostStruct p = post(repo, "post");
    SelCommentStruct c = comment(repo, "comment", p.id());
    Alias<SelCommentStruct> joined = Alias.of(SelComments.SCHEMA, "c");
    SelPostStruct read = repo.oneOrThrow(SelPosts.query().where(SelPosts.ID.eq(p.id())).join(SelPosts.COMMENTS, joined)
        .selectFields(SelPosts.ID, SelPosts.TITLE)
        .preload(JoinPreload.of(SelPosts.COMMENTS, joined).take(SelComments.TEXT, SelComments.POST_ID, SelComments.ID)));
    assertThat(read.title()).isEqualTo("post");
    assertThat(read.counter()).isNull();
    SelCommentStruct child = (SelCommentStruct) read.comments().get(0);
    assertThat(child.id()).isEqualTo(c.id());
    assertThat(child.text()).isEqualTo("comment");
    assertThat(child.authorId()).isNull();
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "take with join nil maps (many association)" and
   * "(one association)" as structs (ecto4j's partial maps carry no associations): a left join that
   * finds nothing gives an empty list, or null.
   */
  @Test
  void aPartialJoinPreloadThatFindsNothing(Repo repo) {
    SelPostStruct p = post(repo, null);
    Alias<SelCommentStruct> c = Alias.of(SelComments.SCHEMA, "c");
    SelPostStruct many = repo.oneOrThrow(SelPosts.query().leftJoin(c, c.field(SelComments.POST_ID).eq(SelPosts.ID))
        .selectFields(SelPosts.ID)
        .preload(JoinPreload.of(SelPosts.COMMENTS, c).take(SelComments.ID, SelComments.POST_ID)));
    assertThat(many.id()).isEqualTo(p.id());
    assertThat(many.comments()).isEmpty();
    assertThat(repo.oneOrThrow(SelPosts.query().selectFields(SelPosts.ID).preload(SelPosts.COMMENTS)).comments()).isEmpty();
    Alias<SelUserStruct> u = Alias.of(SelUsers.SCHEMA, "u");
    SelPostStruct one = repo.oneOrThrow(SelPosts.query().leftJoin(SelPosts.AUTHOR, u).selectFields(SelPosts.ID)
        .preload(JoinPreload.of(SelPosts.AUTHOR, u).take(SelUsers.ID, SelUsers.NAME)));
    assertThat(one.author()).isNull();
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / take with single nil column". */
  @Test
  void aMapOfOneNullColumn(Repo repo) {
    post(repo, "1");
    Map<String, Object> expected = new HashMap<>();
    expected.put("counter", null);
    assertThat(repo.oneOrThrow(SelPosts.query().where(SelPosts.TITLE.eq("1")).selectMap(SelPosts.COUNTER)))
        .isEqualTo(expected);
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / take with join assocs and single nil column". */
  @Test
  void aMapOfOneNullColumnOverAJoin(Repo repo) {
    SelPostStruct p = post(repo, "1");
    comment(repo, "comment", p.id());
    Map<String, Object> expected = new HashMap<>();
    expected.put("counter", null);
    assertThat(repo.oneOrThrow(SelPosts.query().join(SelPosts.COMMENTS).where(SelPosts.TITLE.eq("1"))
        .selectMap(SelPosts.COUNTER))).isEqualTo(expected);
  }

  // ---------------------------------------------------------------- field sources, merges

  /** Ports ecto integration_test/cases/repo.exs "query select / field source": the column has another name. */
  @Test
  void aFieldStoredUnderAnotherColumnName(Repo repo) {
    repo.insertOrThrow(new SelPermalinkStruct().withUrl("url"));
    assertThat(repo.all(SelPermalinks.query().select(SelPermalinks.URL))).containsExactly("url");
    assertThat(repo.all(SelPermalinks.query().select(Aggregate.count(SelPermalinks.URL)))).containsExactly(1L);
    assertThat(SelPermalinks.query().select(SelPermalinks.URL).toSql().text()).contains("\"uniform_resource_locator\"");
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / merge with update on self". */
  @Test
  void aFieldMergedFromItself(Repo repo) {
    repo.insertOrThrow(new SelPostStruct().withTitle("1").withCounter(1));
    List<SelPostStruct> posts = repo.all(SelPosts.query().selectMerge(SelPosts.COUNTER, plus(SelPosts.COUNTER, 1)));
    assertThat(posts).extracting(SelPostStruct::title, SelPostStruct::counter)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 2));
  }

  /**
   * Ports ecto integration_test/cases/repo.exs "query select / merge within subquery" and
   * subquery_test.exs "plan: subqueries select / supports merge".
   */
  @Test
  void aMergeInsideASubquery(Repo repo) {
    repo.insertOrThrow(new SelPostStruct().withTitle("1").withCounter(1));
    Query<SelPostStruct> merged = SelPosts.query().selectMerge(SelPosts.COUNTER, value(2));
    List<SelPostStruct> posts = repo.all(Query.from(merged).where(SelPosts.COUNTER.eq(2)));
    assertThat(posts).extracting(SelPostStruct::title, SelPostStruct::counter)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 2));
  }

  // ---------------------------------------------------------------- subqueries

  /** Ports ecto subquery_test.exs "plan: source subqueries / with association joins". */
  @Test
  void anAssociationJoinFromASubquerySource(Repo repo) {
    SelPostStruct p1 = post(repo, "a");
    SelPostStruct p2 = post(repo, "b");
    comment(repo, "1", p1.id());
    comment(repo, "2", p2.id());
    Query<String> texts = Query.from(SelPosts.query().where(SelPosts.TITLE.eq("a"))).join(SelPosts.COMMENTS)
        .select(SelComments.TEXT);
    assertThat(repo.all(texts)).containsExactly("1");
  }

  /** Ports ecto subquery_test.exs "plan: subqueries select / supports maps" and "normalize: source subqueries / keeps field types". */
  @Test
  void aMapSelectedInASubqueryIsReadByItsKeys(Repo repo) {
    repo.insertOrThrow(new SelPostStruct().withTitle("t").withCounter(7));
    Query<Map<String, Object>> inner = SelPosts.query().select(Map.of("title", SelPosts.TITLE, "n", SelPosts.COUNTER));
    Query<Map<String, Object>> outer = Query.from(inner);
    assertThat(repo.all(outer)).containsExactly(Map.of("title", "t", "n", 7));
    assertThat(repo.all(Query.from(inner).select(Query.column("n", io.ecto4j.type.Types.INTEGER)))).containsExactly(7);
  }

  /** Ports ecto subquery_test.exs "plan: where in subquery / with multiple subqueries" and "normalize: where in subquery / in multiple dynamic". */
  @Test
  void severalInSubqueriesInOneQuery(Repo repo) {
    SelPostStruct p1 = post(repo, "a");
    SelPostStruct p2 = post(repo, "b");
    comment(repo, "x", p1.id());
    comment(repo, "y", p2.id());
    Query<SelPostStruct> both = SelPosts.query()
        .where(SelPosts.ID.in(SelComments.query().where(SelComments.TEXT.eq("x")).select(SelComments.POST_ID)))
        .where(SelPosts.TITLE.in(SelPosts.query().where(SelPosts.TITLE.ne("b")).select(SelPosts.TITLE)));
    assertThat(repo.all(both)).extracting(SelPostStruct::id).containsExactly(p1.id());
    assertThat(both.toSql().values()).containsExactly("x", "b");
  }

  /** Ports ecto subquery_test.exs "plan: where in subquery / with having". */
  @Test
  void anInSubqueryInsideHaving(Repo repo) {
    SelPostStruct p1 = post(repo, "a");
    post(repo, "b");
    comment(repo, "x", p1.id());
    Query<String> titles = SelPosts.query().groupBy(SelPosts.TITLE)
        .having(SelPosts.TITLE.in(SelPosts.query().join(SelPosts.COMMENTS).select(SelPosts.TITLE))).select(SelPosts.TITLE);
    assertThat(repo.all(titles)).containsExactly("a");
  }

  /** Ports ecto subquery_test.exs "normalize: where in subquery / with aggregate". */
  @Test
  void anInSubquerySelectingAnAggregate(Repo repo) {
    post(repo, "a");
    SelPostStruct last = post(repo, "b");
    assertThat(repo.all(SelPosts.query().where(SelPosts.ID.in(SelPosts.query().select(Aggregate.max(SelPosts.ID))))))
        .extracting(SelPostStruct::id).containsExactly(last.id());
  }

  /**
   * Ports ecto subquery_test.exs "normalize: where in subquery / with combinations and parent_as/1":
   * a union inside {@code in(subquery)}, one side correlated to the outer query (ecto4j resolves
   * the outer field by scope, Ecto by {@code parent_as}).
   */
  @Test
  void aUnionInsideAnInSubquery(Repo repo) {
    SelPostStruct p1 = post(repo, "a");
    SelPostStruct p2 = post(repo, "b");
    post(repo, "c");
    comment(repo, "x", p2.id());
    Query<Long> ids = SelPosts.query().where(SelPosts.TITLE.eq("a")).select(SelPosts.ID)
        .union(SelComments.query().where(SelComments.TEXT.eq("x")).select(SelComments.POST_ID));
    assertThat(repo.all(SelPosts.query().where(SelPosts.ID.in(ids)).orderBy(SelPosts.ID.asc())))
        .extracting(SelPostStruct::id).containsExactly(p1.id(), p2.id());
    Query<Long> correlated = SelComments.query().where(SelComments.POST_ID.eq(SelPosts.ID)).select(SelComments.POST_ID)
        .union(SelComments.query().where(SelComments.TEXT.eq("none")).select(SelComments.POST_ID));
    assertThat(repo.all(SelPosts.query().where(SelPosts.ID.in(correlated)))).extracting(SelPostStruct::id)
        .containsExactly(p2.id());
  }

  /**
   * Ports ecto select_test.exs "at runtime / supports subqueries in interpolated map at root level"
   * and "supports multiple nested partly dynamic subqueries": subqueries as map values, one holding
   * another, each correlated to the outer row.
   */
  @Test
  void subqueriesAsMapValues(Repo repo) {
    SelPostStruct p = post(repo, "a");
    comment(repo, "x", p.id());
    comment(repo, "y", p.id());
    Query<Long> count = SelComments.query().where(SelComments.POST_ID.eq(SelPosts.ID)).select(Aggregate.count());
    Query<Long> firstId = SelComments.query().where(SelComments.POST_ID.eq(SelPosts.ID))
        .select(Aggregate.min(SelComments.ID));
    Query<String> firstText = SelComments.query().where(SelComments.ID.eq(Functions.subquery(firstId)))
        .select(SelComments.TEXT);
    Map<String, Object> row = repo.oneOrThrow(SelPosts.query().select(Map.of("title", SelPosts.TITLE,
        "comments", Functions.subquery(count), "first", Functions.subquery(firstText))));
    assertThat(row).isEqualTo(Map.of("title", "a", "comments", 2L, "first", "x"));
  }

  static List<String> texts(List<SelComment> comments) {
    return comments.stream().map(SelComment::text).toList();
  }
}
