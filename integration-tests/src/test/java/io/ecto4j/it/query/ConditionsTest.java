package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.ago;
import static io.ecto4j.query.Functions.coalesce;
import static io.ecto4j.query.Functions.datetimeAdd;
import static io.ecto4j.query.Functions.div;
import static io.ecto4j.query.Functions.escapeLike;
import static io.ecto4j.query.Functions.exists;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.fromNow;
import static io.ecto4j.query.Functions.ilike;
import static io.ecto4j.query.Functions.jsonPath;
import static io.ecto4j.query.Functions.jsonText;
import static io.ecto4j.query.Functions.like;
import static io.ecto4j.query.Functions.minus;
import static io.ecto4j.query.Functions.plus;
import static io.ecto4j.query.Functions.times;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.SampleStruct;
import io.ecto4j.it.schemas.Samples;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Interval;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of condition and expression of the query DSL, run on PostgreSQL. */
@EctoTest(sandbox = true)
class ConditionsTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  private static List<String> titles(Repo repo, Condition condition) {
    return repo.all(Posts.query().where(condition).orderBy(Posts.ID.asc()).select(Posts.TITLE));
  }

  @Test
  void comparisons(Repo repo) {
    assertThat(titles(repo, Posts.TITLE.eq("Draft"))).containsExactly("Draft");
    assertThat(titles(repo, Posts.TITLE.ne("Draft"))).containsExactly("Hello World", "Ecto Guide", "Phoenix Tips");
    assertThat(titles(repo, Posts.VIEW_COUNT.lt(40))).containsExactly("Hello World", "Draft");
    assertThat(titles(repo, Posts.VIEW_COUNT.le(40))).containsExactly("Hello World", "Phoenix Tips", "Draft");
    assertThat(titles(repo, Posts.VIEW_COUNT.gt(40))).containsExactly("Ecto Guide");
    assertThat(titles(repo, Posts.VIEW_COUNT.ge(40))).containsExactly("Ecto Guide", "Phoenix Tips");
    assertThat(titles(repo, Posts.VIEW_COUNT.between(10, 40))).containsExactly("Hello World", "Phoenix Tips");
    assertThat(titles(repo, Posts.INSERTED_AT.lt(Posts.UPDATED_AT))).isEmpty();
    assertThat(titles(repo, Posts.INSERTED_AT.eq(Posts.UPDATED_AT))).hasSize(4);
  }

  @Test
  void inAndNotInBindOneArrayParameter(Repo repo) {
    Condition in = Posts.TITLE.in(List.of("Draft", "Ecto Guide", "Nope"));
    assertThat(titles(repo, in)).containsExactly("Ecto Guide", "Draft");
    assertThat(titles(repo, Posts.TITLE.notIn(List.of("Draft", "Ecto Guide")))).containsExactly("Hello World", "Phoenix Tips");
    assertThat(titles(repo, Posts.ID.in(List.of()))).isEmpty();
    assertThat(repo.toSql(Posts.query().where(in)).text()).endsWith("WHERE p0.\"title\" = ANY(?)");
  }

  @Test
  void nullTestsAndTheRefusalToCompareWithNull(Repo repo) {
    assertThat(titles(repo, Posts.AUTHOR_ID.isNull())).containsExactly("Draft");
    assertThat(titles(repo, Posts.AUTHOR_ID.isNotNull())).hasSize(3);
    assertThatThrownBy(() -> Posts.AUTHOR_ID.eq((Long) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("comparing Post.authorId with null is not allowed in a query; use Post.authorId.isNull() instead");
  }

  @Test
  void likeAndIlike(Repo repo) {
    assertThat(titles(repo, like(Posts.TITLE, "%o%"))).containsExactly("Hello World", "Ecto Guide", "Phoenix Tips");
    assertThat(titles(repo, like(Posts.TITLE, "e%"))).isEmpty();
    assertThat(titles(repo, ilike(Posts.TITLE, "e%"))).containsExactly("Ecto Guide");
    assertThat(titles(repo, ilike(Posts.TITLE, "%" + escapeLike("_") + "%"))).isEmpty();
  }

  @Test
  void andOrNot(Repo repo) {
    Condition popular = Posts.VIEW_COUNT.gt(100);
    Condition unpublished = Posts.PUBLISHED.eq(false);
    assertThat(titles(repo, popular.or(unpublished))).containsExactly("Ecto Guide", "Phoenix Tips", "Draft");
    assertThat(titles(repo, unpublished.and(Posts.AUTHOR_ID.isNotNull()))).containsExactly("Phoenix Tips");
    assertThat(titles(repo, unpublished.not())).containsExactly("Hello World", "Ecto Guide");
    assertThat(titles(repo, Condition.not(popular.or(unpublished)))).containsExactly("Hello World");
    assertThat(repo.all(Posts.query().where(Posts.TITLE.eq("Draft")).orWhere(Posts.TITLE.eq("Ecto Guide"))))
        .extracting(PostStruct::title).containsExactlyInAnyOrder("Draft", "Ecto Guide");
  }

  @Test
  void arithmeticAndCoalesce(Repo repo) {
    assertThat(titles(repo, plus(Posts.VIEW_COUNT, 5).eq(15))).containsExactly("Hello World");
    assertThat(titles(repo, minus(Posts.VIEW_COUNT, Posts.VIEW_COUNT).eq(0))).hasSize(4);
    assertThat(titles(repo, times(Posts.VIEW_COUNT, 2).eq(500))).containsExactly("Ecto Guide");
    assertThat(titles(repo, div(Posts.VIEW_COUNT, 100).eq(2))).containsExactly("Ecto Guide");
    assertThat(titles(repo, coalesce(Posts.AUTHOR_ID, -1L).eq(-1L))).containsExactly("Draft");
    assertThat(repo.all(Users.query().orderBy(Users.ID.asc()).select(coalesce(Users.AGE, 0)))).containsExactly(36, 45, 0);
  }

  @Test
  void dateAndTimeArithmetic(Repo repo) {
    // the posts were inserted on 2026-01-02 … 2026-01-05
    assertThat(titles(repo, datetimeAdd(Posts.INSERTED_AT, 2, Interval.DAY).eq(datetimeAdd(Posts.UPDATED_AT, 48, Interval.HOUR))))
        .hasSize(4);
    assertThat(titles(repo, datetimeAdd(Posts.INSERTED_AT, 1, Interval.MONTH).ge(BlogData.T0.plusSeconds(86_400L * 34))))
        .containsExactly("Phoenix Tips", "Draft");
    assertThat(titles(repo, Posts.INSERTED_AT.lt(ago(1, Interval.DAY)))).hasSize(4);
    assertThat(titles(repo, Posts.INSERTED_AT.gt(fromNow(1, Interval.YEAR)))).isEmpty();
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withLocalDate(LocalDate.of(2024, 1, 31)));
    assertThat(repo.one(Samples.query().where(Samples.ID.eq(sample.id()))
        .select(datetimeAdd(Samples.LOCAL_DATE, 1, Interval.MONTH)))).contains(LocalDate.of(2024, 2, 29));
  }

  @Test
  void jsonPathAccess(Repo repo) {
    Map<String, Object> document = Map.of("stats", Map.of("views", 42, "tags", List.of("a")), "title", "T");
    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withDocument(document));
    Query<SampleStruct> samples = Samples.query().where(Samples.ID.eq(sample.id()));
    assertThat(repo.one(samples.select(jsonText(Samples.DOCUMENT, "title")))).contains("T");
    assertThat(repo.one(samples.select(jsonPath(Samples.DOCUMENT, Types.INTEGER, "stats", "views")))).contains(42);
    assertThat(repo.exists(samples.where(jsonPath(Samples.DOCUMENT, Types.INTEGER, "stats", "views").gt(40)))).isTrue();
    assertThat(repo.all(samples.select(jsonText(Samples.DOCUMENT, "missing", "key")))).containsExactly((String) null);
  }

  @Test
  void fragmentsBindTheirArguments(Repo repo) {
    assertThat(titles(repo, fragment(Types.TEXT, "lower(?)", Posts.TITLE).eq("draft"))).containsExactly("Draft");
    assertThat(titles(repo, Condition.fragment("? = ANY(string_to_array(?, ','))", Posts.TITLE, value("Draft,Hello World"))))
        .containsExactly("Hello World", "Draft");
    assertThatThrownBy(() -> fragment(Types.TEXT, "lower(?, ?)", Posts.TITLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 2 placeholder(s) ? but 1 argument(s) were given");
  }

  @Test
  void existsAndInSubqueries(Repo repo) {
    Query<?> commented = Comments.query().where(Comments.POST_ID.eq(Posts.ID));   // correlated
    assertThat(titles(repo, exists(commented))).containsExactly("Hello World", "Ecto Guide");
    assertThat(titles(repo, exists(commented).not())).containsExactly("Phoenix Tips", "Draft");
    Query<Long> byGrace = Comments.query().where(Comments.USER_ID.eq(blog.grace().id())).select(Comments.POST_ID);
    assertThat(titles(repo, Posts.ID.in(byGrace))).containsExactly("Hello World", "Ecto Guide");
    assertThat(titles(repo, Posts.ID.notIn(byGrace))).containsExactly("Phoenix Tips", "Draft");
  }

  @Test
  void dynamicConditionsAreValuesAssembledAtRunTime(Repo repo) {
    assertThat(search(repo, null, null, null)).hasSize(4);
    assertThat(search(repo, true, null, null)).containsExactly("Hello World", "Ecto Guide");
    assertThat(search(repo, null, 30, "%i%")).containsExactly("Ecto Guide", "Phoenix Tips");
    assertThat(search(repo, false, 30, "%i%")).containsExactly("Phoenix Tips");
    assertThat(repo.all(Posts.query().where(Condition.any(List.of())).select(Posts.TITLE))).isEmpty();
    assertThat(repo.all(Posts.query().where(Condition.any(List.of(Posts.TITLE.eq("Draft"), Posts.VIEW_COUNT.gt(200))))
        .orderBy(Posts.ID.asc()).select(Posts.TITLE))).containsExactly("Ecto Guide", "Draft");
  }

  // Ecto's dynamic/2: build the filter from whichever params are present, then where it once.
  private static List<String> search(Repo repo, Boolean published, Integer minViews, String titlePattern) {
    List<Condition> filters = new ArrayList<>();
    if (published != null) {
      filters.add(Posts.PUBLISHED.eq(published));
    }
    if (minViews != null) {
      filters.add(Posts.VIEW_COUNT.ge(minViews));
    }
    if (titlePattern != null) {
      filters.add(like(Posts.TITLE, titlePattern));
    }
    return titles(repo, Condition.all(filters));
  }

  @Test
  void excludeRemovesClauses(Repo repo) {
    Query<PostStruct> query = Posts.query().where(Posts.PUBLISHED.eq(true)).orderBy(Posts.TITLE.asc()).limit(1);
    assertThat(repo.all(query)).containsExactly(blog.guide());
    assertThat(repo.all(query.exclude(Query.Clause.LIMIT))).containsExactly(blog.guide(), blog.hello());
    assertThat(repo.all(query.exclude(Query.Clause.WHERE, Query.Clause.LIMIT))).hasSize(4);
    assertThat(query.exclude(Query.Clause.ORDER_BY, Query.Clause.LIMIT, Query.Clause.WHERE))
        .hasToString("#Query<from p0 in \"posts\">");
  }

  /**
   * Number literals compare with numeric fields and aggregates (Java boxes an int into neither a
   * Long nor a BigDecimal); a literal the type cannot hold is refused, and text still takes no number
   * at all (TypedFieldsTest: {@code Posts.TITLE.eq(5)} does not compile).
   */
  @Test
  void numberLiteralsCompareWithNumericFieldsAndAggregates(Repo repo) {
    assertThat(repo.aggregate(Posts.query().where(Posts.VIEW_COUNT.ge(0)), Aggregate.count())).isEqualTo(4L);
    assertThat(repo.all(Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID)
        .having(Aggregate.count(Comments.ID).gt(0)).select(Posts.ID))).isNotEmpty();
    assertThat(repo.all(Posts.query().join(Posts.COMMENTS).groupBy(Posts.ID)
        .having(Aggregate.count(Comments.ID).filter(Comments.BODY.isNotNull()).gt(1000)).select(Posts.ID))).isEmpty();

    SampleStruct sample = repo.insertOrThrow(new SampleStruct().withAmount(new BigDecimal("10.5000")).withReal(2.5));
    Query<SampleStruct> samples = Samples.query().where(Samples.ID.eq(sample.id()));
    assertThat(repo.exists(samples.where(Samples.AMOUNT.gt(10)))).isTrue();
    assertThat(repo.exists(samples.where(Samples.AMOUNT.lt(10.5)))).isFalse();
    assertThat(repo.exists(samples.where(Samples.REAL.eq(2.5)).where(Samples.REAL.ne(3)))).isTrue();

    assertThatThrownBy(() -> Posts.VIEW_COUNT.gt(2.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot compare Post.viewCount (integer) with the number 2.5: it is not a value of that type");
  }
}
