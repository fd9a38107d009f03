package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.cast;
import static io.ecto4j.query.Functions.coalesce;
import static io.ecto4j.query.Functions.datetimeAdd;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.times;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.CtAccountStruct;
import io.ecto4j.it.schemas.CtAccounts;
import io.ecto4j.it.schemas.CtEmail;
import io.ecto4j.it.schemas.CtVisits;
import io.ecto4j.it.schemas.IvCommentStruct;
import io.ecto4j.it.schemas.IvComments;
import io.ecto4j.it.schemas.IvPostStruct;
import io.ecto4j.it.schemas.IvPosts;
import io.ecto4j.it.schemas.IvUsecStruct;
import io.ecto4j.it.schemas.IvUsecs;
import io.ecto4j.it.schemas.IvUserStruct;
import io.ecto4j.it.schemas.IvUsers;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Interval;
import io.ecto4j.query.Query;
import io.ecto4j.query.Sql;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's integration_test/cases/type.exs on values in queries (bound, selected, cast),
 * of planner_test.exs on custom types and parameters in queries, and of ecto_sql's
 * postgres_test.exs "insert with query", run against PostgreSQL. ecto4j binds every value, so
 * Ecto's literals ({@code select: 1500.0}) are bound values ({@code value(1500.0)}) here.
 */
@EctoTest(sandbox = true)
class QueryTypesConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(IvPosts.DDL);
    db.execute(IvComments.DDL);
    db.execute(IvUsers.DDL);
    db.execute(IvUsecs.DDL);
    db.execute(CtAccounts.DDL);
  }

  /** Ports type.exs "primitive types": each type compared with a bound value, literals selected. */
  @Test
  void primitiveTypes(Repo repo) {
    byte[] blob = {0, 1};
    UUID uuid = UUID.fromString("00010203-0405-4607-8809-0a0b0c0d0e0f");
    LocalDateTime datetime = LocalDateTime.of(2014, 1, 16, 20, 26, 51);
    repo.insertOrThrow(new IvPostStruct().withBlob(blob).withIsPublic(true).withVisits(1).withUuid(uuid)
        .withCounter(1L).withInsertedAt(datetime).withIntensity(0.1));
    Query<?> posts = IvPosts.query();

    assertThat(repo.all(posts.select(value((String) null)))).containsExactly((String) null);
    assertThat(repo.all(IvPosts.query().where(IvPosts.COUNTER.eq(1L)).select(IvPosts.COUNTER))).containsExactly(1L);
    assertThat(repo.all(IvPosts.query().where(IvPosts.VISITS.eq(1)).select(IvPosts.VISITS))).containsExactly(1);
    assertThat(repo.all(posts.select(plus(IvPosts.VISITS, 2)))).containsExactly(3);
    assertThat(repo.all(IvPosts.query().where(IvPosts.INTENSITY.eq(0.1)).select(IvPosts.INTENSITY))).containsExactly(0.1);
    assertThat(repo.all(posts.select(value(1500.0)))).containsExactly(1500.0);
    assertThat(repo.all(posts.select(times(IvPosts.INTENSITY, 5.0)))).containsExactly(0.5);
    assertThat(repo.all(IvPosts.query().where(IvPosts.IS_PUBLIC.eq(true)).select(IvPosts.IS_PUBLIC))).containsExactly(true);
    assertThat(repo.all(IvPosts.query().where(IvPosts.BLOB.eq(new byte[] {0, 1})).select(IvPosts.BLOB)))
        .containsExactly(blob);
    assertThat(repo.all(IvPosts.query().where(IvPosts.UUID.eq(uuid)).select(IvPosts.UUID))).containsExactly(uuid);
    assertThat(repo.all(IvPosts.query().where(IvPosts.INSERTED_AT.eq(datetime)).select(IvPosts.INSERTED_AT)))
        .containsExactly(datetime);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    repo.insertOrThrow(new IvUserStruct().withInsertedAt(now));
    assertThat(repo.all(IvUsers.query().where(IvUsers.INSERTED_AT.eq(now)).select(IvUsers.INSERTED_AT)))
        .containsExactly(now);

    for (LocalDateTime naive : List.of(datetime, datetime.plusNanos(123_000_000))) {
      Instant utc = naive.toInstant(ZoneOffset.UTC);
      repo.insertOrThrow(new IvUsecStruct().withNaiveDatetimeUsec(naive).withUtcDatetimeUsec(utc));
      assertThat(repo.all(IvUsecs.query().where(IvUsecs.NAIVE_DATETIME_USEC.eq(naive))
          .select(IvUsecs.NAIVE_DATETIME_USEC))).containsExactly(naive);
      assertThat(repo.all(IvUsecs.query().where(IvUsecs.UTC_DATETIME_USEC.eq(utc))
          .select(IvUsecs.UTC_DATETIME_USEC))).containsExactly(utc);
    }
  }

  /** Ports type.exs "primitive types boolean negate": {@code select: not p.public}, a condition selected as a value. */
  @Test
  void primitiveTypesBooleanNegate(Repo repo) {
    repo.insertOrThrow(new IvPostStruct().withIsPublic(true));
    Query<?> published = IvPosts.query().where(IvPosts.IS_PUBLIC.eq(true));
    assertThat(repo.all(published.select(Condition.of(IvPosts.IS_PUBLIC).not()))).containsExactly(false);
    assertThat(repo.all(published.select(Condition.of(IvPosts.IS_PUBLIC).not().not()))).containsExactly(true);
  }

  /**
   * Ports type.exs "tagged types": {@code cast(e, type)} is Ecto's {@code type/2}, on bound values,
   * to a field's type, on arithmetic and coalesce, and on the outer query's field inside a subquery
   * (Ecto's {@code parent_as}). Ecto casts {@code ^"1"} in Elixir; here PostgreSQL casts the text.
   */
  @Test
  void taggedTypes(Repo repo) {
    IvPostStruct post = repo.insertOrThrow(new IvPostStruct().withVisits(12));
    repo.insertOrThrow(new IvCommentStruct().withText(post.id().toString()).withPostId(post.id()));
    Query<?> posts = IvPosts.query();

    assertThat(repo.all(posts.select(cast(value("1"), Types.INTEGER)))).containsExactly(1);
    assertThat(repo.all(posts.select(cast(value(1.0), Types.DOUBLE)))).containsExactly(1.0);
    assertThat(repo.all(posts.select(cast(value("1"), IvPosts.VISITS.type())))).containsExactly(1);
    assertThat(repo.all(posts.select(cast(value("1"), IvPosts.INTENSITY.type())))).containsExactly(1.0);
    UUID uuid = UUID.randomUUID();
    assertThat(repo.all(posts.select(cast(value(uuid.toString()), Types.UUID_TYPE)))).containsExactly(uuid);

    assertThat(repo.all(posts.select(cast(plus(value(2), cast(value("2"), Types.INTEGER)), Types.INTEGER))))
        .containsExactly(4);
    assertThat(repo.all(posts.select(cast(plus(value(2.0), cast(value("2"), Types.DOUBLE)), Types.DOUBLE))))
        .containsExactly(4.0);
    assertThat(repo.all(posts.select(cast(coalesce(IvPosts.VISITS, 0), Types.INTEGER)))).containsExactly(12);
    assertThat(repo.all(posts.select(cast(coalesce(IvPosts.INTENSITY, 1.0), Types.DOUBLE)))).containsExactly(1.0);

    Query<Long> child = IvComments.query().where(cast(IvPosts.ID, Types.TEXT).eq(IvComments.TEXT))
        .select(IvComments.POST_ID);
    assertThat(repo.all(IvPosts.query().where(IvPosts.ID.in(child)).select(IvPosts.ID))).containsExactly(post.id());
  }

  /**
   * Ports type.exs "on coalesce with mixed types": the fallback takes the field's type, so Ecto's
   * {@code coalesce(p.cost, 0)} is {@code coalesce(COST, BigDecimal.ZERO)}; the decimal comes back.
   */
  @Test
  void onCoalesceWithMixedTypes(Repo repo) {
    repo.insertOrThrow(new IvPostStruct().withCost(new BigDecimal("1.0")));
    List<BigDecimal> costs = repo.all(IvPosts.query().select(coalesce(IvPosts.COST, BigDecimal.ZERO)));
    assertThat(costs).hasSize(1);
    assertThat(costs.get(0)).isEqualByComparingTo("1.0");
  }

  /** Ports type.exs "unions with literals": maps of bound integers, floats and strings, unioned. */
  @Test
  void unionsWithLiterals(Repo repo) {
    repo.insertOrThrow(new IvPostStruct());
    repo.insertOrThrow(new IvPostStruct());
    assertThat(repo.all(IvPosts.query().select(Map.of("n", value(1)))
        .unionAll(IvPosts.query().select(Map.of("n", value(2))))))
        .containsExactly(Map.of("n", 1), Map.of("n", 1), Map.of("n", 2), Map.of("n", 2));
    assertThat(repo.all(IvPosts.query().select(Map.of("n", value(1.0)))
        .unionAll(IvPosts.query().select(Map.of("n", value(2.0))))))
        .containsExactly(Map.of("n", 1.0), Map.of("n", 1.0), Map.of("n", 2.0), Map.of("n", 2.0));
    assertThat(repo.all(IvPosts.query().select(Map.of("n", value("foo")))
        .unionAll(IvPosts.query().select(Map.of("n", value("bar"))))))
        .containsExactly(Map.of("n", "foo"), Map.of("n", "foo"), Map.of("n", "bar"), Map.of("n", "bar"));
  }

  /**
   * Ports planner_test.exs "plan: casts and dumps custom types": a raw value is cast by the field's
   * type ({@code "3"} becomes {@code CtVisits(3)}), then dumped when bound ({@code 3}).
   */
  @Test
  void castsAndDumpsCustomTypes(Repo repo) {
    repo.insertOrThrow(new CtAccountStruct().withVisits(new CtVisits(3)));
    CtVisits visits = CtAccounts.VISITS.type().cast("3").value();
    assertThat(visits).isEqualTo(new CtVisits(3));
    Query<CtAccountStruct> query = CtAccounts.query().where(CtAccounts.VISITS.eq(visits));
    assertThat(repo.toSql(query).values()).containsExactly(visits);
    assertThat(repo.all(query)).extracting(CtAccountStruct::visits).containsExactly(visits);
  }

  /**
   * Ports planner_test.exs "plan: casts and dumps custom types in left side of in-expressions":
   * Ecto's {@code ^x in p.links}, a custom-typed value dumped and looked for in an array column.
   * Ecto's error for an array-less right side is a compile error here ({@code in} takes a list).
   */
  @Test
  void castsAndDumpsCustomTypesInLeftSideOfInExpressions(Repo repo) {
    CtEmail ada = new CtEmail("ada@example.com");
    repo.insertOrThrow(new CtAccountStruct().withAliases(List.of(ada)));
    repo.insertOrThrow(new CtAccountStruct().withAliases(List.of(new CtEmail("bob@example.com"))));
    assertThat(repo.all(CtAccounts.query().where(value(ada, CtAccounts.EMAIL.type()).in(CtAccounts.ALIASES))))
        .extracting(CtAccountStruct::aliases).containsExactly(List.of(ada));
  }

  /**
   * Ports planner_test.exs "normalize: json_extract_path with field having custom map type": a JSON
   * path into a map of a custom type's values reads the stored (dumped) value, in where and select.
   */
  @Test
  void jsonExtractPathWithFieldHavingCustomMapType(Repo repo) {
    repo.insertOrThrow(new CtAccountStruct().withContacts(Map.of("boss", new CtEmail("b@x.io"))));
    repo.insertOrThrow(new CtAccountStruct().withContacts(Map.of("boss", new CtEmail("c@x.io"))));
    Query<String> query = CtAccounts.query().where(jsonText(CtAccounts.CONTACTS, "boss").eq("b@x.io"))
        .select(jsonText(CtAccounts.CONTACTS, "boss"));
    assertThat(query.toString()).contains("where: CtAccount.contacts #>> ^[boss] = ^b@x.io");
    assertThat(repo.all(query)).containsExactly("b@x.io");
  }

  /**
   * Ports planner_test.exs "plan: handles specific param type-casting": a bound base of
   * {@code datetimeAdd} keeps its value as the parameter; a base given as text is cast by the type first.
   */
  @Test
  void handlesSpecificParamTypeCasting(Repo repo) {
    LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    Query<IvPostStruct> query = IvPosts.query()
        .where(cast(IvPosts.POSTED, Types.LOCAL_DATE_TIME).gt(datetimeAdd(value(now), 1, Interval.SECOND)));
    Sql sql = repo.toSql(query);
    assertThat(sql.values()).containsExactly(now, 1L);
    assertThat(sql.text()).contains("(?::timestamp + ?::numeric * interval '1 second')");
    LocalDateTime parsed = Types.LOCAL_DATE_TIME.cast("2010-04-17 14:00:00").value();
    assertThat(parsed).isEqualTo(LocalDateTime.of(2010, 4, 17, 14, 0));
    repo.insertOrThrow(new IvPostStruct().withPosted(java.time.LocalDate.of(2010, 4, 18)));
    assertThat(repo.all(IvPosts.query().where(cast(IvPosts.POSTED, Types.LOCAL_DATE_TIME)
        .gt(datetimeAdd(value(parsed), 1, Interval.SECOND))))).hasSize(1);
  }

  /**
   * Ports postgres_test.exs "insert with query": a query as a row's value is a scalar subquery
   * ({@code (SELECT …)}); a missing key is the column's default.
   */
  @Test
  void insertWithQuery(Repo repo) {
    IvPostStruct post = repo.insertOrThrow(new IvPostStruct().withVisits(7));
    Query<Long> postId = IvPosts.query().select(IvPosts.ID);
    Map<String, Object> second = new HashMap<>();
    second.put("post_id", postId);
    assertThat(repo.insertAll("iv_comments", List.of(Map.of("text", "x", "post_id", postId), second))).isEqualTo(2);
    assertThat(repo.all(IvComments.query().orderBy(IvComments.ID.asc()).select(IvComments.POST_ID, IvComments.TEXT)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly(post.id() + "/x", post.id() + "/null");
  }

  /** Ports postgres_test.exs "insert with query as rows": {@code INSERT INTO … (SELECT 3, …)}. */
  @Test
  void insertWithQueryAsRows(Repo repo) {
    IvPostStruct post = repo.insertOrThrow(new IvPostStruct());
    Query<Map<String, Object>> rows = IvPosts.query()
        .select(Map.of("text", fragment(Types.TEXT, "'3'"), "post_id", IvPosts.ID));
    assertThat(repo.insertAll("iv_comments", rows)).isEqualTo(1);
    assertThat(repo.all(IvComments.query().select(IvComments.TEXT, IvComments.POST_ID)))
        .extracting(t -> t.first() + "/" + t.second()).containsExactly("3/" + post.id());
  }
}
