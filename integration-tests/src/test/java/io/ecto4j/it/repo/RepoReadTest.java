package io.ecto4j.it.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.MultipleResultsException;
import io.ecto4j.repo.NoResultsException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lesson's reads: Repo.all/get/get!/get_by/one/aggregate/exists?, on generated schemas. */
@EctoTest(sandbox = true)
class RepoReadTest {
  private PostStruct hello;
  private PostStruct guide;
  private PostStruct tips;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    hello = repo.insertOrThrow(post("Hello World", true, 10).withAuthorId(ada.id()));
    guide = repo.insertOrThrow(post("Ecto Guide", true, 250).withAuthorId(ada.id()));
    tips = repo.insertOrThrow(post("Phoenix Tips", false, 40));
  }

  private static PostStruct post(String title, boolean published, int views) {
    return new PostStruct().withTitle(title).withBody("Body of " + title).withPublished(published).withViewCount(views);
  }

  @Test
  void allReturnsEveryRow(Repo repo) {
    assertThat(repo.all(Posts.SCHEMA)).extracting(PostStruct::title)
        .containsExactlyInAnyOrder("Hello World", "Ecto Guide", "Phoenix Tips");
    assertThat(repo.all(Posts.query().where(Posts.PUBLISHED.eq(true)).orderBy(Posts.VIEW_COUNT.desc())))
        .extracting(PostStruct::title).containsExactly("Ecto Guide", "Hello World");
  }

  @Test
  void getFindsByPrimaryKeyAndCastsTheId(Repo repo) {
    assertThat(repo.get(Posts.SCHEMA, hello.id())).contains(hello);
    assertThat(repo.get(Posts.SCHEMA, String.valueOf(guide.id()))).contains(guide);
    assertThat(repo.get(Posts.SCHEMA, -1L)).isEmpty();
    assertThatThrownBy(() -> repo.get(Posts.SCHEMA, "abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("`abc` cannot be cast to Post.id");
  }

  @Test
  void getOrThrowNamesTheSchemaAndTheId(Repo repo) {
    assertThat(repo.getOrThrow(Posts.SCHEMA, tips.id())).isEqualTo(tips);
    assertThatThrownBy(() -> repo.getOrThrow(Posts.SCHEMA, 999_999L))
        .isInstanceOf(NoResultsException.class)
        .hasMessage("expected a Post with id = 999999 in table \"posts\" but found none");
  }

  @Test
  void getByMatchesOneOrMoreFields(Repo repo) {
    assertThat(repo.getBy(Posts.TITLE, "Ecto Guide")).contains(guide);
    assertThat(repo.getBy(Posts.TITLE, "Nope")).isEmpty();
    assertThat(repo.getBy(Posts.SCHEMA, Posts.TITLE.eq("Hello World"), Posts.PUBLISHED.eq(true))).contains(hello);
    assertThat(repo.getBy(Posts.SCHEMA, Posts.TITLE.eq("Hello World"), Posts.PUBLISHED.eq(false))).isEmpty();
    assertThatThrownBy(() -> repo.getByOrThrow(Posts.TITLE, "Nope")).isInstanceOf(NoResultsException.class);
    assertThatThrownBy(() -> repo.getBy(Posts.PUBLISHED, true))
        .isInstanceOf(MultipleResultsException.class)
        .hasMessageContaining("expected at most one result but got 2");
  }

  @Test
  void getByRefusesNullAndPointsToIsNull(Repo repo) {
    assertThatThrownBy(() -> repo.getBy(Posts.PUBLISHED_AT, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use Post.publishedAt.isNull()");
  }

  @Test
  void oneReturnsTheSingleRowOrThrows(Repo repo) {
    assertThat(repo.one(Posts.query().where(Posts.ID.eq(hello.id())))).contains(hello);
    assertThat(repo.one(Posts.query().where(Posts.ID.eq(-1L)))).isEmpty();
    assertThatThrownBy(() -> repo.one(Posts.query()))
        .isInstanceOf(MultipleResultsException.class)
        .satisfies(e -> assertThat(((MultipleResultsException) e).count()).isEqualTo(3));
    assertThatThrownBy(() -> repo.oneOrThrow(Posts.query().where(Posts.ID.eq(-1L))))
        .isInstanceOf(NoResultsException.class)
        .hasMessageContaining("#Query<from p0 in \"posts\", where: Post.id = ^-1>");
  }

  @Test
  void aggregatesCountSumAverageMinAndMax(Repo repo) {
    assertThat(repo.aggregate(Posts.query(), Aggregate.count())).isEqualTo(3L);
    assertThat(repo.aggregate(Posts.query(), Aggregate.count(Posts.AUTHOR_ID))).isEqualTo(2L);
    assertThat(repo.aggregate(Posts.query(), Aggregate.countDistinct(Posts.AUTHOR_ID))).isEqualTo(1L);
    assertThat(repo.aggregate(Posts.query(), Aggregate.sum(Posts.VIEW_COUNT))).isEqualByComparingTo("300");
    assertThat(repo.aggregate(Posts.query(), Aggregate.avg(Posts.VIEW_COUNT))).isEqualByComparingTo("100");
    assertThat(repo.aggregate(Posts.query(), Aggregate.min(Posts.VIEW_COUNT))).isEqualTo(10);
    assertThat(repo.aggregate(Posts.query(), Aggregate.max(Posts.TITLE))).isEqualTo("Phoenix Tips");
  }

  @Test
  void aggregatesOverNoRowsAreZeroOrNull(Repo repo) {
    var none = Posts.query().where(Posts.VIEW_COUNT.gt(10_000));
    assertThat(repo.aggregate(none, Aggregate.count())).isZero();
    assertThat(repo.aggregate(none, Aggregate.sum(Posts.VIEW_COUNT))).isNull();
    assertThat(repo.aggregate(none, Aggregate.max(Posts.VIEW_COUNT))).isNull();
  }

  @Test
  void aggregateOfALimitedQueryCountsOnlyTheLimitedRows(Repo repo) {
    var topTwo = Posts.query().orderBy(Posts.VIEW_COUNT.desc()).limit(2);
    assertThat(repo.aggregate(topTwo, Aggregate.count())).isEqualTo(2L);
    assertThat(repo.aggregate(topTwo, Aggregate.sum(Posts.VIEW_COUNT))).isEqualTo(new BigDecimal("290"));
    assertThat(repo.aggregate(topTwo.offset(1), Aggregate.sum(Posts.VIEW_COUNT))).isEqualTo(new BigDecimal("50"));
  }

  @Test
  void existsAsksWithoutFetchingRows(Repo repo) {
    assertThat(repo.exists(Posts.query().where(Posts.VIEW_COUNT.gt(100)))).isTrue();
    assertThat(repo.exists(Posts.query().where(Posts.VIEW_COUNT.gt(1_000)))).isFalse();
  }

  @Test
  void reloadReadsTheRowAgain(Repo repo) {
    repo.updateOrThrow(Changeset.change(hello).putChange(Posts.VIEW_COUNT, 11));
    assertThat(repo.reloadOrThrow(hello).viewCount()).isEqualTo(11);
    repo.deleteOrThrow(hello);
    assertThat(repo.reload(hello)).isEmpty();
    assertThatThrownBy(() -> repo.reloadOrThrow(hello)).isInstanceOf(NoResultsException.class);
  }

  @Test
  void queriesComposeFromSmallFunctions(Repo repo) {
    List<PostStruct> found = repo.all(limit(sortNewest(published(Posts.query(), true)), 1));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).published()).isTrue();
    assertThat(repo.all(Posts.query().where(Posts.TITLE.in(List.of("Hello World", "Phoenix Tips")))))
        .extracting(PostStruct::title).containsExactlyInAnyOrder("Hello World", "Phoenix Tips");
    assertThat(repo.all(Posts.query().where(Posts.AUTHOR_ID.isNull()))).containsExactly(tips);
    assertThat(repo.all(Posts.query().where(Posts.TITLE.eq("Hello World")).orWhere(Posts.TITLE.eq("Ecto Guide"))))
        .hasSize(2);
  }

  private static Query<PostStruct> published(Query<PostStruct> q, Boolean flag) {
    return flag == null ? q : q.where(Posts.PUBLISHED.eq(flag));
  }

  private static Query<PostStruct> sortNewest(Query<PostStruct> q) {
    return q.orderBy(Posts.INSERTED_AT.desc(), Posts.ID.desc());
  }

  private static Query<PostStruct> limit(Query<PostStruct> q, Integer limit) {
    return limit == null ? q : q.limit(limit);
  }

  @Test
  void userFieldsAreTyped(Repo repo) {
    UserStruct ada = repo.getByOrThrow(Users.EMAIL, "ada@example.com");
    assertThat(ada.name()).isEqualTo("Ada");
    assertThat(ada.insertedAt()).isNotNull().isEqualTo(ada.updatedAt());
  }
}
