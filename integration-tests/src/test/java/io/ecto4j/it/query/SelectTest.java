package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.subquery;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.Tuple3;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** select: structs, one field, tuples, records, maps, select_merge, aggregates and distinct. */
@EctoTest(sandbox = true)
class SelectTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  private static Query<PostStruct> byId() {
    return Posts.query().orderBy(Posts.ID.asc());
  }

  @Test
  void wholeStructsByDefaultAndOneFieldAsItsType(Repo repo) {
    List<PostStruct> posts = repo.all(byId());
    assertThat(posts).containsExactly(blog.hello(), blog.guide(), blog.tips(), blog.draft());
    Query<String> titles = byId().select(Posts.TITLE);
    assertThat(repo.all(titles)).containsExactly("Hello World", "Ecto Guide", "Phoenix Tips", "Draft");
    Query<Instant> times = byId().limit(1).select(Posts.INSERTED_AT);
    assertThat(repo.all(times)).containsExactly(blog.hello().insertedAt());
  }

  @Test
  void tuples(Repo repo) {
    Query<Tuple2<String, Integer>> pairs = byId().limit(2).select(Posts.TITLE, Posts.VIEW_COUNT);
    assertThat(repo.all(pairs)).containsExactly(new Tuple2<>("Hello World", 10), new Tuple2<>("Ecto Guide", 250));
    Query<Tuple3<String, Boolean, Long>> triples = byId().limit(1).select(Posts.TITLE, Posts.PUBLISHED, Posts.AUTHOR_ID);
    assertThat(repo.all(triples)).containsExactly(new Tuple3<>("Hello World", true, blog.ada().id()));
  }

  record Title(String title) {}

  record TitleViews(String title, int views) {}

  record Summary(String title, int views, boolean published) {}

  record Wide(Long id, String title, String body, boolean published, int views, Long author, Instant inserted,
      Instant updated) {}

  @Test
  void recordsThroughConstructorReferences(Repo repo) {
    assertThat(repo.all(byId().limit(1).select(Title::new, Posts.TITLE))).containsExactly(new Title("Hello World"));
    assertThat(repo.all(byId().limit(1).select(TitleViews::new, Posts.TITLE, Posts.VIEW_COUNT)))
        .containsExactly(new TitleViews("Hello World", 10));
    assertThat(repo.all(byId().limit(1).select(Summary::new, Posts.TITLE, Posts.VIEW_COUNT, Posts.PUBLISHED)))
        .containsExactly(new Summary("Hello World", 10, true));
    PostStruct h = blog.hello();
    assertThat(repo.all(byId().limit(1).select(Wide::new, Posts.ID, Posts.TITLE, Posts.BODY, Posts.PUBLISHED,
        Posts.VIEW_COUNT, Posts.AUTHOR_ID, Posts.INSERTED_AT, Posts.UPDATED_AT)))
        .containsExactly(new Wide(h.id(), h.title(), h.body(), true, 10, h.authorId(), h.insertedAt(), h.updatedAt()));
  }

  @Test
  void maps(Repo repo) {
    Query<Map<String, Object>> query = byId().limit(1).select(Map.of("title", Posts.TITLE, "views", Posts.VIEW_COUNT));
    assertThat(repo.all(query)).containsExactly(Map.of("title", "Hello World", "views", 10));
    Query<Map<String, Object>> merged = query.selectMerge("upper", fragment(Types.TEXT, "upper(?)", Posts.TITLE))
        .selectMerge("views", value(-1));
    assertThat(repo.all(merged)).containsExactly(Map.of("title", "Hello World", "views", -1, "upper", "HELLO WORLD"));
  }

  @Test
  void selectMergeIntoStructs(Repo repo) {
    Query<PostStruct> shouting = byId().limit(1).selectMerge(Posts.TITLE, fragment(Types.TEXT, "upper(?)", Posts.TITLE));
    assertThat(repo.all(shouting)).containsExactly(blog.hello().withTitle("HELLO WORLD"));
    // a virtual field filled by the query
    Query<UserStruct> users = Users.query().where(Users.ID.eq(blog.ada().id()))
        .selectMerge(Users.PASSWORD, fragment(Types.STRING, "'from ' || ?", Users.NAME));
    assertThat(repo.one(users).orElseThrow().password()).isEqualTo("from Ada");
  }

  @Test
  void joinedStructsThroughAliases(Repo repo) {
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    Alias<CommentStruct> c = Alias.of(Comments.SCHEMA, "c");
    Query<Tuple2<PostStruct, CommentStruct>> pairs = Query.from(p).leftJoin(Posts.COMMENTS, c)
        .where(p.field(Posts.VIEW_COUNT).lt(50))
        .orderBy(p.field(Posts.ID).asc(), c.field(Comments.ID).asc())
        .select(p, c);
    List<Tuple2<PostStruct, CommentStruct>> rows = repo.all(pairs);
    assertThat(rows).hasSize(7);
    assertThat(rows.get(0).first()).isEqualTo(blog.hello());
    assertThat(rows.get(0).second().body()).isEqualTo("Nice post 1");
    assertThat(rows.get(5)).isEqualTo(new Tuple2<>(blog.tips(), null));   // a left join with no match is null
    assertThat(rows.get(6)).isEqualTo(new Tuple2<>(blog.draft(), null));
  }

  @Test
  void constructorValuesAroundAnAliasedStructReadTheirOwnColumns(Repo repo) {
    // a value before a struct, the struct's columns, a value after them, the struct read a second time
    record Row(String author, PostStruct post, int views, PostStruct again) {}
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    Alias<UserStruct> u = Alias.of(Users.SCHEMA, "u");
    Query<Row> rows = Query.from(p).join(Posts.AUTHOR, u)
        .where(p.field(Posts.ID).eq(blog.hello().id()))
        .select(Row::new, u.field(Users.NAME), p, p.field(Posts.VIEW_COUNT), p);
    assertThat(repo.all(rows)).containsExactly(new Row("Ada", blog.hello(), 10, blog.hello()));
  }

  @Test
  void aggregates(Repo repo) {
    record Stats(long posts, long authors, BigDecimal views, BigDecimal average, Integer least, String last) {}
    Query<Stats> stats = Posts.query().select(Stats::new, Aggregate.count(), Aggregate.countDistinct(Posts.AUTHOR_ID),
        Aggregate.sum(Posts.VIEW_COUNT), Aggregate.avg(Posts.VIEW_COUNT), Aggregate.min(Posts.VIEW_COUNT),
        Aggregate.max(Posts.TITLE));
    Stats result = repo.one(stats).orElseThrow();
    assertThat(result.posts()).isEqualTo(4);
    assertThat(result.authors()).isEqualTo(2);
    assertThat(result.views()).isEqualByComparingTo("300");
    assertThat(result.average()).isEqualByComparingTo("75");
    assertThat(result.least()).isZero();
    assertThat(result.last()).isEqualTo("Phoenix Tips");
    assertThat(repo.one(Posts.query().select(Aggregate.count().filter(Posts.PUBLISHED.eq(true))))).contains(2L);
    assertThat(repo.aggregate(Posts.query().where(Posts.PUBLISHED.eq(true)), Aggregate.sum(Posts.VIEW_COUNT)))
        .isEqualByComparingTo("260");
  }

  @Test
  void groupByAndHaving(Repo repo) {
    Query<Tuple2<Long, Long>> perAuthor = Posts.query().where(Posts.AUTHOR_ID.isNotNull())
        .groupBy(Posts.AUTHOR_ID).having(Aggregate.count().gt(1L)).select(Posts.AUTHOR_ID, Aggregate.count());
    assertThat(repo.all(perAuthor)).containsExactly(new Tuple2<>(blog.ada().id(), 2L));
    assertThat(repo.all(perAuthor.orHaving(Aggregate.max(Posts.VIEW_COUNT).eq(40)))).hasSize(2);
  }

  @Test
  void scalarSubquery(Repo repo) {
    Query<Long> commentCount = Comments.query().where(Comments.POST_ID.eq(Posts.ID)).select(Aggregate.count());
    Query<Tuple2<String, Long>> counts = byId().select(Posts.TITLE, subquery(commentCount));
    assertThat(repo.all(counts)).containsExactly(new Tuple2<>("Hello World", 5L), new Tuple2<>("Ecto Guide", 12L),
        new Tuple2<>("Phoenix Tips", 0L), new Tuple2<>("Draft", 0L));
    assertThatThrownBy(() -> subquery(Posts.query()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a scalar subquery selects one expression");
  }

  @Test
  void orderingWithNullsAndPaging(Repo repo) {
    Query<String> byAge = Users.query().select(Users.NAME);
    assertThat(repo.all(byAge.orderBy(Users.AGE.asc()))).containsExactly("Ada", "Grace", "Linus");
    assertThat(repo.all(byAge.orderBy(Users.AGE.asc().nullsFirst()))).containsExactly("Linus", "Ada", "Grace");
    assertThat(repo.all(byAge.orderBy(Users.AGE.desc()))).containsExactly("Linus", "Grace", "Ada");
    assertThat(repo.all(byAge.orderBy(Users.AGE.desc().nullsLast()))).containsExactly("Grace", "Ada", "Linus");
    Query<String> pages = byId().select(Posts.TITLE);
    assertThat(repo.all(pages.limit(2))).containsExactly("Hello World", "Ecto Guide");
    assertThat(repo.all(pages.limit(2).offset(2))).containsExactly("Phoenix Tips", "Draft");
    assertThat(repo.all(pages.offset(3))).containsExactly("Draft");
  }

  @Test
  void distinctAndDistinctOn(Repo repo) {
    assertThat(repo.all(Comments.query().distinct().select(Comments.AUTHOR_NAME).orderBy(Comments.AUTHOR_NAME.asc())))
        .containsExactly("Grace", "Linus");
    // the first comment of each post: DISTINCT ON (post_id) … ORDER BY post_id, id
    Query<CommentStruct> firstPerPost = Comments.query().distinctOn(Comments.POST_ID).orderBy(Comments.ID.asc());
    assertThat(repo.all(firstPerPost)).extracting(CommentStruct::body).containsExactly("Nice post 1", "Thanks 1");
    Query<CommentStruct> lastPerPost = Comments.query().distinctOn(Comments.POST_ID.desc()).orderBy(Comments.ID.desc());
    assertThat(repo.all(lastPerPost)).extracting(CommentStruct::body).containsExactly("Thanks 12", "Nice post 5");
  }
}
