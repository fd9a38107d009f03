package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.coalesce;
import static io.ecto4j.query.Functions.in;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.jsonValue;
import static io.ecto4j.query.Functions.selectedAs;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Lock;
import io.ecto4j.query.Query;
import io.ecto4j.query.SelectedAs;
import io.ecto4j.repo.NoResultsException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The query DSL issue #18 lists as missing, run on PostgreSQL. */
@EctoTest(sandbox = true)
class QueryDslConformanceTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static PostStruct post(Repo repo, String title, int views, int day) {
    Instant at = T0.plusSeconds(86_400L * day);
    return repo.insertOrThrow(new PostStruct().withTitle(title).withBody("body of " + title).withViewCount(views)
        .withInsertedAt(at).withUpdatedAt(at));
  }

  /** Ports ecto integration_test/cases/repo.exs "first, last and one(!)". */
  @Test
  void firstLastAndOne(Repo repo) {
    PostStruct post1 = post(repo, "1", 0, 1);
    PostStruct post2 = post(repo, "2", 0, 2);
    assertThat(repo.one(Posts.query().first())).contains(post1);
    assertThat(repo.one(Posts.query().last())).contains(post2);
    Query<PostStruct> byTitle = Posts.query().orderBy(Posts.TITLE.asc());
    assertThat(repo.one(byTitle.first())).contains(post1);
    assertThat(repo.one(byTitle.last())).contains(post2);
    Query<PostStruct> descending = Posts.query().orderBy(Posts.TITLE.desc()).limit(10);
    assertThat(repo.one(descending.first())).contains(post2);
    assertThat(repo.one(descending.last())).contains(post1);
    Query<PostStruct> none = Posts.query().where(Posts.ID.isNull());
    assertThat(repo.one(none.first())).isEmpty();
    assertThat(repo.one(none.last())).isEmpty();
    assertThatThrownBy(() -> repo.oneOrThrow(none.first())).isInstanceOf(NoResultsException.class);
    assertThatThrownBy(() -> repo.oneOrThrow(none.last())).isInstanceOf(NoResultsException.class);
  }

  /** Ports ecto test/ecto/query_test.exs "reverse_order/1 / reverses the order of a simple query" and "… by primary key with no order", run. */
  @Test
  void reverseOrderRuns(Repo repo) {
    PostStruct a = post(repo, "a", 5, 1);
    PostStruct b = post(repo, "b", 5, 2);
    PostStruct c = post(repo, "c", 9, 3);
    assertThat(repo.all(Posts.query().reverseOrder())).containsExactly(c, b, a);
    Query<PostStruct> ordered = Posts.query().orderBy(Posts.VIEW_COUNT.desc(), Posts.TITLE.asc());
    assertThat(repo.all(ordered)).containsExactly(c, a, b);
    assertThat(repo.all(ordered.reverseOrder())).containsExactly(b, a, c);
  }

  /** Ports ecto_sql postgres_test.exs "limit `:with_ties` option" and limit_offset_test.exs "with_ties", run. */
  @Test
  void withTiesKeepsTheRowsTiedWithTheLast(Repo repo) {
    post(repo, "a", 10, 1);
    post(repo, "b", 40, 2);
    post(repo, "c", 40, 3);
    post(repo, "d", 5, 4);
    Query<String> top = Posts.query().orderBy(Posts.VIEW_COUNT.asc()).limit(2).select(Posts.TITLE);
    assertThat(repo.all(top)).containsExactly("d", "a");
    Query<Integer> ties = Posts.query().orderBy(Posts.VIEW_COUNT.desc()).limit(1).withTies().select(Posts.VIEW_COUNT);
    assertThat(repo.all(ties)).containsExactly(40, 40);
    assertThat(repo.all(Posts.query().orderBy(Posts.VIEW_COUNT.asc()).limit(1).withTies().offset(2)
        .select(Posts.TITLE))).containsExactlyInAnyOrder("b", "c");
    assertThat(repo.all(Posts.query().orderBy(Posts.VIEW_COUNT.desc()).limit(2).withTies().limit(1)
        .select(Posts.VIEW_COUNT))).containsExactly(40);
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / selected_as/2 with group_by". */
  @Test
  void selectedAsWithGroupBy(Repo repo) {
    post(repo, "a", 3, 2);
    post(repo, "b", 2, 2);
    post(repo, "c", 0, 1);
    SelectedAs<Instant> date = selectedAs(Posts.INSERTED_AT, "date");
    Query<Map<String, Object>> query = Posts.query()
        .select(Map.of("posted", date, "min_visits", Aggregate.min(Posts.VIEW_COUNT)))
        .groupBy(date).orderBy(date.asc());
    assertThat(repo.all(query)).extracting(row -> row.get("min_visits")).containsExactly(0, 2);
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / selected_as/2 with order_by". */
  @Test
  void selectedAsWithOrderBy(Repo repo) {
    post(repo, "a", 3, 2);
    post(repo, "b", 2, 2);
    post(repo, "c", 0, 1);
    SelectedAs<Integer> minVisits = selectedAs(Aggregate.min(Posts.VIEW_COUNT), "min_visits");
    Query<Map<String, Object>> base = Posts.query()
        .select(Map.of("posted", Posts.INSERTED_AT, "min_visits", minVisits)).groupBy(Posts.INSERTED_AT);
    assertThat(repo.all(base.orderBy(minVisits.asc()))).extracting(row -> row.get("posted"))
        .containsExactly(T0.plusSeconds(86_400L), T0.plusSeconds(2 * 86_400L));
    assertThat(repo.all(base.orderBy(minVisits.desc()))).extracting(row -> row.get("min_visits")).containsExactly(2, 0);
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / selected_as/2 respects custom types". */
  @Test
  void selectedAsKeepsTheValuesType(Repo repo) {
    post(repo, "title1", 1, 1);
    post(repo, "title2", 0, 2);
    UUID uuid = UUID.randomUUID();
    SelectedAs<UUID> id = selectedAs(cast(value(uuid), Types.UUID_TYPE), "uuid");
    SelectedAs<Integer> visits = selectedAs(coalesce(Posts.VIEW_COUNT, 0), "visits");
    Query<Map<String, Object>> query = Posts.query().select(Map.of("uuid", id, "visits", visits))
        .orderBy(id.asc(), visits.asc());
    assertThat(repo.all(query)).containsExactly(Map.of("uuid", uuid, "visits", 0), Map.of("uuid", uuid, "visits", 1));
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / take with structs". */
  @Test
  void takeWithStructs(Repo repo) {
    PostStruct one = post(repo, "1", 7, 1);
    post(repo, "2", 7, 2);
    List<PostStruct> titles = repo.all(Posts.query().selectFields(Posts.TITLE).orderBy(Posts.TITLE.asc()));
    assertThat(titles).extracting(PostStruct::title).containsExactly("1", "2");
    PostStruct first = titles.get(0);
    assertThat(first.id()).isNull();
    assertThat(first.body()).isNull();
    assertThat(first.viewCount()).isEqualTo(0);   // the declared default, not the stored 7
    assertThat(first).isEqualTo(new PostStruct().withTitle("1"));
    assertThat(repo.all(Posts.query().selectFields(Posts.ID).orderBy(Posts.ID.asc())).get(0).id()).isEqualTo(one.id());
  }

  /** Ports ecto integration_test/cases/repo.exs "query select / take with maps". */
  @Test
  void takeWithMaps(Repo repo) {
    PostStruct one = post(repo, "1", 0, 1);
    post(repo, "2", 0, 2);
    assertThat(repo.all(Posts.query().selectMap(Posts.TITLE).orderBy(Posts.TITLE.asc())))
        .containsExactly(Map.of("title", "1"), Map.of("title", "2"));
    assertThat(repo.all(Posts.query().selectMap(Posts.ID).orderBy(Posts.ID.asc())).get(0)).isEqualTo(Map.of("id", one.id()));
  }

  /** Ports ecto test/ecto/query/builder/lock_test.exs "lock with fragment", run: only the named source's rows lock. */
  @Test
  void aLockFragmentRuns(Repo repo) {
    PostStruct post = post(repo, "locked", 0, 1);
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    var locked = repo.transaction(tx -> repo.all(Query.from(p).where(Posts.ID.eq(post.id()))
        .lock(Lock.fragment("FOR UPDATE OF ? NOWAIT", p))));
    assertThat(locked).isEqualTo(new io.ecto4j.Result.Ok<>(List.of(post)));
  }

  /** Ports ecto_sql postgres_test.exs "in expression" ({@code 1 in [1, e.x, 3]}), run. */
  @Test
  void inOverExpressions(Repo repo) {
    post(repo, "a", 1, 1);
    post(repo, "b", 2, 2);
    post(repo, "c", 3, 3);
    Query<String> query = Posts.query().where(in(Posts.VIEW_COUNT, value(1), value(3))).orderBy(Posts.TITLE.asc())
        .select(Posts.TITLE);
    assertThat(repo.all(query)).containsExactly("a", "c");
    assertThat(repo.all(Posts.query().where(in(value(2), Posts.VIEW_COUNT)).select(Posts.TITLE))).containsExactly("b");
    assertThat(repo.all(Posts.query().where(in(Posts.VIEW_COUNT)))).isEmpty();
  }

  /** Ports ecto planner_test.exs "plan: casts and dumps custom types in left side of in-expressions" ({@code ^x in p.links}), run. */
  @Test
  void inOverAnArrayColumn(Repo repo) {
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withStrings(List.of("red", "green")));
    assertThat(repo.all(Samples.query().where(value("green").in(Samples.STRINGS)).select(Samples.ID)))
        .containsExactly(sample.id());
    assertThat(repo.all(Samples.query().where(value("blue").in(Samples.STRINGS)))).isEmpty();
    assertThat(repo.all(Samples.query().where(value("blue").notIn(Samples.STRINGS)))).hasSize(1);
  }

  /** Ports ecto integration_test/cases/type.exs "json_extract_path with primitive values". */
  @Test
  void jsonExtractPathWithPrimitiveValues(Repo repo) {
    Map<String, Object> metadata = Map.of("id", 123, "code", "good", "'single quoted'", "bar",
        "\"double quoted\"", "baz", "enabled", true, "extra", List.of(Map.of("enabled", false)));
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withDocument(metadata));
    Query<SampleStruct> samples = Samples.query();
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "id")))).contains(123);
    assertThat(repo.all(samples.select(jsonValue(Samples.DOCUMENT, "bad")))).containsExactly((Object) null);
    assertThat(repo.all(samples.select(jsonValue(Samples.DOCUMENT, "bad", "bad")))).containsExactly((Object) null);
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "'single quoted'")))).contains("bar");
    assertThat(repo.all(samples.select(jsonValue(Samples.DOCUMENT, "';")))).containsExactly((Object) null);
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "\"double quoted\"")))).contains("baz");
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "enabled")))).contains(true);
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "extra", 0, "enabled")))).contains(false);
    Query<UUID> ids = samples.select(Samples.ID);
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "id").eq(123)))).containsExactly(sample.id());
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "id").eq(456)))).isEmpty();
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "id").eq("123")))).isEmpty();
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "code").eq("good")))).containsExactly(sample.id());
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "code").eq("bad")))).isEmpty();
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "enabled").eq(true)))).containsExactly(sample.id());
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "extra", 0, "enabled").eq(false))))
        .containsExactly(sample.id());
  }

  /** Ports ecto integration_test/cases/type.exs "json_extract_path with arrays and objects" and "… with fields in path". */
  @Test
  void jsonExtractPathWithArraysObjectsAndFieldSteps(Repo repo) {
    Map<String, Object> metadata = Map.of("tags", List.of(Map.of("name", "red"), Map.of("name", "green")));
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withDocument(metadata).withString("tags").withNumber(1));
    Query<SampleStruct> samples = Samples.query();
    assertThat(repo.one(samples.select(jsonText(Samples.DOCUMENT, "tags", 0, "name")))).contains("red");
    assertThat(repo.all(samples.select(jsonText(Samples.DOCUMENT, "tags", 99, "name")))).containsExactly((String) null);
    int index = 1;
    assertThat(repo.one(samples.select(jsonText(Samples.DOCUMENT, "tags", index, "name")))).contains("green");
    Query<UUID> ids = samples.select(Samples.ID);
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "tags", 0, "name").eq("red")))).containsExactly(sample.id());
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "tags", 0, "name").eq("blue")))).isEmpty();
    assertThat(repo.all(ids.where(jsonValue(Samples.DOCUMENT, "tags", 99, "name").eq("red")))).isEmpty();
    assertThat(repo.one(samples.select(jsonText(Samples.DOCUMENT, Samples.STRING, 1, "name")))).contains("green");
    assertThat(repo.one(samples.select(jsonText(Samples.DOCUMENT, "tags", Samples.NUMBER, "name")))).contains("green");
    assertThat(repo.one(samples.select(jsonValue(Samples.DOCUMENT, "tags", 1)))).contains(Map.of("name", "green"));
  }
}
