package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.now;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Expression;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every query of the Ecto lesson, written with ecto4j and run on PostgreSQL. */
@EctoTest(sandbox = true)
class SeedQueriesTest {
  private BlogData blog;

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    blog = BlogData.seed(repo);
  }

  @Test
  void publishedNewestFirst(Repo repo) {
    // from p in Post, where: p.published == true, order_by: [desc: p.inserted_at]
    Query<PostStruct> query = Posts.query().where(Posts.PUBLISHED.eq(true)).orderBy(Posts.INSERTED_AT.desc());
    assertThat(repo.all(query)).containsExactly(blog.guide(), blog.hello());
  }

  @Test
  void keywordSyntaxWithAMapSelection(Repo repo) {
    // from p in Post, where: p.published == true, where: p.view_count > 100,
    //   order_by: [desc: p.inserted_at], limit: 10, select: %{title: p.title, views: p.view_count}
    Query<Map<String, Object>> query = Posts.query()
        .where(Posts.PUBLISHED.eq(true))
        .where(Posts.VIEW_COUNT.gt(100))
        .orderBy(Posts.INSERTED_AT.desc())
        .limit(10)
        .select(Map.of("title", Posts.TITLE, "views", Posts.VIEW_COUNT));
    assertThat(repo.all(query)).containsExactly(Map.of("title", "Ecto Guide", "views", 250));
  }

  @Test
  void listPostsComposesSmallFunctions(Repo repo) {
    assertThat(listPosts(repo, new Options(null, null, null, null))).hasSize(4);
    assertThat(listPosts(repo, new Options(true, null, null, null)))
        .containsExactly(blog.guide(), blog.hello());
    assertThat(listPosts(repo, new Options(false, null, Sort.OLDEST, null)))
        .containsExactly(blog.tips(), blog.draft());
    assertThat(listPosts(repo, new Options(null, blog.ada().id(), Sort.OLDEST, 1)))
        .containsExactly(blog.hello());
    assertThat(listPosts(repo, new Options(true, blog.grace().id(), null, null))).isEmpty();
  }

  enum Sort { NEWEST, OLDEST }

  record Options(Boolean published, Long authorId, Sort sort, Integer limit) {}

  // def list_posts(opts \\ []) — Post |> apply_published_filter(…) |> … |> Repo.all()
  private static List<PostStruct> listPosts(Repo repo, Options opts) {
    Query<PostStruct> query = Posts.query();
    query = applyPublishedFilter(query, opts.published());
    query = applyAuthorFilter(query, opts.authorId());
    query = applySort(query, opts.sort());
    query = applyLimit(query, opts.limit());
    return repo.all(query);
  }

  private static Query<PostStruct> applyPublishedFilter(Query<PostStruct> query, Boolean published) {
    return published == null ? query : query.where(Posts.PUBLISHED.eq(published));
  }

  private static Query<PostStruct> applyAuthorFilter(Query<PostStruct> query, Long authorId) {
    return authorId == null ? query : query.where(Posts.AUTHOR_ID.eq(authorId));
  }

  private static Query<PostStruct> applySort(Query<PostStruct> query, Sort sort) {
    return sort == Sort.OLDEST ? query.orderBy(Posts.INSERTED_AT.asc()) : query.orderBy(Posts.INSERTED_AT.desc());
  }

  private static Query<PostStruct> applyLimit(Query<PostStruct> query, Integer limit) {
    return limit == null ? query : query.limit(limit);
  }

  @Test
  void schemalessQueryOfATableByName(Repo repo) {
    // from p in "posts", where: p.published == true, select: p.title
    Expression<Boolean> published = Query.column("published", Types.BOOLEAN);
    Query<String> query = Query.from("posts").where(published.eq(true)).select(Query.column("title", Types.STRING));
    assertThat(query).hasToString("#Query<from p0 in \"posts\", where: published = ^true, select: title>");
    assertThat(repo.all(query.orderBy(Query.column("id", Types.LONG).asc()))).containsExactly("Hello World", "Ecto Guide");
  }

  @Test
  void joinGroupByCount(Repo repo) {
    // from p in Post, join: c in assoc(p, :comments), group_by: p.id, select: {p.title, count(c.id)}
    Query<Tuple2<String, Long>> query = Posts.query()
        .join(Posts.COMMENTS)
        .groupBy(Posts.ID)
        .select(Posts.TITLE, Aggregate.count(Comments.ID));
    assertThat(repo.all(query)).containsExactlyInAnyOrder(new Tuple2<>("Hello World", 5L), new Tuple2<>("Ecto Guide", 12L));
  }

  @Test
  void oneById(Repo repo) {
    // Repo.one(from p in Post, where: p.id == 1)
    assertThat(repo.one(Posts.query().where(Posts.ID.eq(blog.hello().id())))).contains(blog.hello());
  }

  @Test
  void publishPostInOneUpdate(Repo repo) {
    // publish_post/1: published = true and published_at = now, in a single update
    long updated = repo.updateAll(Posts.query().where(Posts.ID.eq(blog.tips().id())),
        Update.set(Posts.PUBLISHED, true), Update.set(Posts.PUBLISHED_AT, now()));
    assertThat(updated).isEqualTo(1);
    PostStruct published = repo.getOrThrow(Posts.SCHEMA, blog.tips().id());
    assertThat(published.published()).isTrue();
    assertThat(published.publishedAt()).isNotNull();
  }

  record TitleCount(String title, long comments) {}

  @Test
  void topPostsByCommentCount(Repo repo) {
    // Bonus: the top 5 posts by comment count, with join, group_by and order_by
    Aggregate<Long> comments = Aggregate.count(Comments.ID);
    Query<TitleCount> top = Posts.query()
        .leftJoin(Posts.COMMENTS)
        .groupBy(Posts.ID)
        .orderBy(comments.desc(), Posts.TITLE.asc())
        .limit(5)
        .select(TitleCount::new, Posts.TITLE, comments);
    assertThat(repo.all(top)).containsExactly(new TitleCount("Ecto Guide", 12), new TitleCount("Hello World", 5),
        new TitleCount("Draft", 0), new TitleCount("Phoenix Tips", 0));
  }
}
