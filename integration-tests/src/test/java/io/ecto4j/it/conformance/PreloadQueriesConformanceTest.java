package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Expression;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Preloads with a query, a function or a {@code take} of their own, and association joins that
 * apply the association's declared {@code where} (issue #18), as Ecto's preloader and planner do.
 */
@EctoTest(sandbox = true)
class PreloadQueriesConformanceTest {
  private UserStruct ada;
  private UserStruct bob;
  private PostStruct p1;
  private PostStruct p2;
  private PostStruct p3;
  private long cid1;
  private long cid2;
  private long cid3;
  private long cid4;
  private TagStruct java;
  private TagStruct sql;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /**
   * Ecto's preload.exs seed: posts "1", "2", "3" by Ada; comments "1" and "2" on the first,
   * "2" and "3" on the second (the same text twice, to expose sorting bugs), inserted as cid1,
   * cid3, cid2, cid4; tags "java" on posts 1 and 3 and "sql" on posts 1 and 2.
   */
  @BeforeEach
  void seed(Repo repo) {
    ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    bob = repo.insertOrThrow(new UserStruct().withName("Bob").withEmail("bob@example.com"));
    p1 = repo.insertOrThrow(new PostStruct().withTitle("1").withBody("b").withAuthorId(ada.id()));
    p2 = repo.insertOrThrow(new PostStruct().withTitle("2").withBody("b").withAuthorId(ada.id()));
    p3 = repo.insertOrThrow(new PostStruct().withTitle("3").withBody("b").withAuthorId(ada.id()));
    cid1 = comment(repo, "1", p1, bob).id();
    cid3 = comment(repo, "2", p2, ada).id();
    cid2 = comment(repo, "2", p1, ada).id();
    cid4 = comment(repo, "3", p2, bob).id();
    java = repo.insertOrThrow(new TagStruct().withName("java"));
    sql = repo.insertOrThrow(new TagStruct().withName("sql"));
    for (long[] link : new long[][] {{p1.id(), java.id()}, {p1.id(), sql.id()}, {p2.id(), sql.id()},
        {p3.id(), java.id()}}) {
      repo.query("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", List.of(link[0], link[1]), row -> null);
    }
  }

  private static CommentStruct comment(Repo repo, String body, PostStruct post, UserStruct user) {
    return repo.insertOrThrow(new CommentStruct().withBody(body).withPostId(post.id()).withUserId(user.id()));
  }

  private static List<Long> commentIds(PostStruct post) {
    return post.comments().stream().map(c -> ((CommentStruct) c).id()).toList();
  }

  private static List<String> tagNames(PostStruct post) {
    return post.tags().stream().map(t -> ((TagStruct) t).name()).toList();
  }

  // ---------------------------------------------------------------- preload functions

  /** Ports ecto integration_test/cases/preload.exs "preload with 1-arity function". */
  @Test
  void aFunctionGivesTheChildrenOfTheParentsKeys(Repo repo) {
    List<List<Long>> asked = new ArrayList<>();
    List<PostStruct> posts = repo.preload(List.of(p3, p1, p2), Posts.COMMENTS.loadWith(postIds -> {
      asked.add(postIds);
      return repo.all(Comments.query().orderBy(Comments.ID.asc()));
    }));
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0)).containsExactlyInAnyOrder(p1.id(), p2.id(), p3.id());
    assertThat(posts).extracting(PostStruct::title).containsExactly("3", "1", "2");
    assertThat(commentIds(posts.get(1))).containsExactly(cid1, cid2);
    assertThat(commentIds(posts.get(2))).containsExactly(cid3, cid4);
    assertThat(posts.get(0).comments()).isEmpty();
  }

  /** Ports ecto integration_test/cases/preload.exs "preload with 2-arity function". */
  @Test
  void aTwoArgumentFunctionIsGivenTheAssociation(Repo repo) {
    PostStruct post = repo.preload(p1, Posts.COMMENTS.loadWith((postIds, association) -> repo.all(
        Query.from(association.related()).where(association.foreignKey().in(postIds))
            .orderBy(Comments.ID.desc()))));
    assertThat(commentIds(post)).containsExactly(cid2, cid1);
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "preload many_to_many with function": the
   * function returns pairs of a parent's key and a related struct, Ecto's {@code {pu.post_id, u}};
   * the "wrong preloader" returning bare structs does not compile, as {@code loadWith} of a
   * many-to-many takes {@code Tuple2<K, C>}.
   */
  @Test
  void aManyToManyFunctionReturnsPairsOfParentKeyAndStruct(Repo repo) {
    Alias<TagStruct> t = Alias.of(Tags.SCHEMA, "t");
    Alias<Void> pt = Alias.of("posts_tags", "pt");
    Expression<Long> postId = pt.column("post_id", Types.LONG);
    List<PostStruct> posts = repo.preload(List.of(p1, p2, p3), Posts.TAGS.loadWith(postIds -> repo.all(
        Query.from(t).join(pt, pt.column("tag_id", Types.LONG).eq(t.field(Tags.ID)))
            .where(postId.in(postIds)).orderBy(t.field(Tags.ID).asc()).select(postId, t))));
    assertThat(tagNames(posts.get(0))).containsExactly("java", "sql");
    assertThat(tagNames(posts.get(1))).containsExactly("sql");
    assertThat(tagNames(posts.get(2))).containsExactly("java");
  }

  /** Ports ecto integration_test/cases/preload.exs "preload with 1-arity function" for a belongs_to. */
  @Test
  void aBelongsToFunctionMatchesByTheReferencedKey(Repo repo) {
    List<CommentStruct> comments = repo.preload(repo.all(Comments.query().orderBy(Comments.ID.asc())),
        Comments.USER.loadWith(userIds -> repo.all(Users.query().where(Users.ID.in(userIds)))));
    assertThat(comments).extracting(c -> c.user().name()).containsExactly("Bob", "Ada", "Ada", "Bob");
  }

  /**
   * Ports the error of ecto integration_test/cases/preload.exs "preload many_to_many with function":
   * a result the repo cannot match to the parents is an "invalid custom preload"; a function
   * replaces the preload's query, so refining it further is refused.
   */
  @Test
  void anUnmatchableFunctionResultIsAnInvalidCustomPreload(Repo repo) {
    assertThatThrownBy(() -> repo.preload(p1, Posts.COMMENTS.loadWith(ids -> null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid custom preload for `comments` on `Post`");
    assertThatThrownBy(() -> repo.preload(p1, Posts.TAGS.loadWith(ids -> List.of(new Tuple2<>(p1.id(), null)))))
        .hasMessageStartingWith("invalid custom preload for `tags` on `Post`").hasMessageContaining("null struct");
    assertThatThrownBy(() -> Posts.COMMENTS.loadWith(ids -> List.of()).query(q -> q))
        .hasMessageContaining("cannot refine a preload through a function");
  }

  // ---------------------------------------------------------------- custom queries

  /**
   * Ports ecto integration_test/cases/preload.exs "preload with query": an empty query, a custom
   * select (the children made from their ids alone, without the foreign key that ties them to the
   * parents), a custom order, and a custom order with a nested preload.
   */
  @Test
  void aCustomQueryMayFilterSelectAndOrder(Repo repo) {
    List<PostStruct> none = repo.preload(List.of(p3, p1, p2), Posts.COMMENTS.query(q -> q.where(Condition.FALSE)));
    assertThat(none).allSatisfy(post -> assertThat(post.comments()).isEmpty());

    List<PostStruct> selected = repo.preload(List.of(p3, p1, p2), Posts.COMMENTS.query(q -> q.orderBy(Comments.ID.asc())
        .select(id -> new CommentStruct().withId(id), Comments.ID)));
    assertThat(commentIds(selected.get(1))).containsExactly(cid1, cid2);
    assertThat(commentIds(selected.get(2))).containsExactly(cid3, cid4);
    assertThat(selected.get(0).comments()).isEmpty();
    assertThat(selected.get(1).comments()).allSatisfy(c -> assertThat(((CommentStruct) c).postId()).isNull());

    List<PostStruct> ordered = repo.preload(List.of(p3, p1, p2), Posts.COMMENTS.query(q -> q.orderBy(Comments.BODY.desc()))
        .then(Comments.POST));
    assertThat(commentIds(ordered.get(1))).containsExactly(cid2, cid1);
    assertThat(commentIds(ordered.get(2))).containsExactly(cid4, cid3);
    assertThat(ordered.get(2).comments()).allSatisfy(c -> assertThat(((CommentStruct) c).post().title()).isEqualTo("2"));
  }

  /** Ports ecto integration_test/cases/preload.exs "preload with query" (custom select) for belongs_to and many_to_many. */
  @Test
  void aCustomSelectWorksForEveryKind(Repo repo) {
    PostStruct post = repo.preload(p1, Posts.AUTHOR.query(q -> q.select(name -> new UserStruct().withName(name),
        Users.NAME)), Posts.TAGS.query(q -> q.orderBy(Tags.NAME.desc()).select(name -> new TagStruct().withName(name),
        Tags.NAME)));
    assertThat(post.author().name()).isEqualTo("Ada");
    assertThat(post.author().id()).isNull();
    assertThat(tagNames(post)).containsExactly("sql", "java");
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "preload through with query": a filter on the
   * path's end, and Ecto's error when a select leaves out the key the ends are told apart by.
   */
  @Test
  void aThroughPreloadNeedsTheKeyOfItsEnds(Repo repo) {
    PostStruct post = repo.preload(p1, Posts.COMMENTERS.query(q -> q.where(Users.NAME.eq("Bob"))));
    assertThat(post.commenters()).extracting(u -> ((UserStruct) u).name()).containsExactly("Bob");
    assertThatThrownBy(() -> repo.preload(p1, Posts.COMMENTERS.query(q -> q.select(name -> new UserStruct()
        .withName(name), Users.NAME)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ecto expected a map/struct with the key `id` but got");
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "custom query order_by overrides preload_order":
   * {@code Users.POSTS} declares {@code preloadOrder = "id DESC"} and {@code Tags.POSTS}
   * {@code "title DESC, id"}; a custom query's order replaces them, a custom query without one
   * keeps them.
   */
  @Test
  void aCustomOrderReplacesTheDeclaredPreloadOrder(Repo repo) {
    Supplier<UserStruct> fresh = () -> repo.getOrThrow(Users.SCHEMA, ada.id());
    assertThat(titles(repo.preload(fresh.get(), Users.POSTS).posts())).containsExactly("3", "2", "1");
    assertThat(titles(repo.preload(fresh.get(), Users.POSTS.query(q -> q.orderBy(Posts.TITLE.asc()))).posts()))
        .containsExactly("1", "2", "3");
    assertThat(titles(repo.preload(fresh.get(), Users.POSTS.query(q -> q.where(Posts.TITLE.ne("2")))).posts()))
        .containsExactly("3", "1");
    assertThat(titles(repo.preload(fresh.get(), Users.POSTS.query(q -> q.orderBy(Posts.TITLE.asc()))
        .limitPerParent(2)).posts())).containsExactly("1", "2");
    TagStruct javaTag = repo.getOrThrow(Tags.SCHEMA, java.id());
    assertThat(titles(repo.preload(javaTag, Tags.POSTS).posts())).containsExactly("3", "1");
    assertThat(titles(repo.preload(javaTag, Tags.POSTS.query(q -> q.orderBy(Posts.TITLE.asc()))).posts()))
        .containsExactly("1", "3");
  }

  private static List<String> titles(List<?> posts) {
    return posts.stream().map(p -> ((PostStruct) p).title()).toList();
  }

  // ---------------------------------------------------------------- take

  /**
   * Ports ecto integration_test/cases/preload.exs "preload with take" (the children's part,
   * {@code comments: [:id, :post_id]}): the children hold only the taken fields, grouped by
   * their parent even when the foreign key is not among them.
   */
  @Test
  void takeLoadsOnlyTheNamedFieldsOfTheChildren(Repo repo) {
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc())
        .preload(Posts.COMMENTS.take(Comments.ID, Comments.POST_ID)));
    assertThat(commentIds(posts.get(0))).containsExactlyInAnyOrder(cid1, cid2);
    assertThat(commentIds(posts.get(1))).containsExactlyInAnyOrder(cid3, cid4);
    assertThat(posts.get(2).comments()).isEmpty();
    assertThat(posts.get(0).comments()).allSatisfy(c -> {
      assertThat(((CommentStruct) c).body()).isNull();
      assertThat(((CommentStruct) c).postId()).isEqualTo(p1.id());
    });
    PostStruct bodiesOnly = repo.preload(p2, Posts.COMMENTS.take(Comments.BODY).query(q -> q.orderBy(Comments.BODY.asc())));
    assertThat(bodiesOnly.comments()).extracting(c -> ((CommentStruct) c).body()).containsExactly("2", "3");
    assertThat(bodiesOnly.comments()).allSatisfy(c -> assertThat(((CommentStruct) c).id()).isNull());
    assertThatThrownBy(() -> Users.POSTS.take()).hasMessageContaining("needs at least one field of Post");
  }

  /** Ports ecto integration_test/cases/preload.exs "preload through with take" ({@code comments_authors: :id}). */
  @Test
  void takeOnAThroughAssociationTakesItsEnds(Repo repo) {
    PostStruct post = repo.preload(p1, Posts.COMMENTERS.take(Users.ID));
    assertThat(post.commenters()).extracting(u -> ((UserStruct) u).id())
        .containsExactlyInAnyOrder(ada.id(), bob.id());
    assertThat(post.commenters()).allSatisfy(u -> assertThat(((UserStruct) u).name()).isNull());
    assertThatThrownBy(() -> repo.preload(p1, Posts.COMMENTERS.take(Users.NAME)))
        .hasMessageContaining("Ecto expected a map/struct with the key `id`");
    assertThatThrownBy(() -> Posts.COMMENTERS.take(Users.PASSWORD)).hasMessageContaining("needs a stored field of User");
  }

  // ---------------------------------------------------------------- loaded values without a key

  /**
   * Ports ecto integration_test/cases/preload.exs "preload raises with association set but without
   * id": a loaded value is kept, with Ecto's warning that its key is null; {@code force()} loads
   * by the (null) key and empties it.
   */
  @Test
  void aLoadedValueWithANullKeyIsKeptWithAWarning(Repo repo) {
    CommentStruct updated = new CommentStruct().withBody("1").withUser(bob);
    String log = stderrOf(() -> assertThat(repo.preload(updated, Comments.USER).user()).isSameAs(bob));
    assertThat(log).contains("WARN").contains("association `user` for `Comment` has a loaded value but its"
        + " association key `user_id` is null");
    String forced = stderrOf(() -> assertThat(repo.preload(updated, Comments.USER.force()).user()).isNull());
    assertThat(forced).doesNotContain("association `user`");
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "preload skips already loaded for cardinality
   * one", struct by struct: in a list where some structs have the slot loaded, those keep it and
   * only the others are loaded.
   */
  @Test
  void loadedStructsKeepTheirValueOneByOne(Repo repo) {
    CommentStruct loaded = repo.getOrThrow(Comments.SCHEMA, cid1).withUser(ada);
    CommentStruct unloaded = repo.getOrThrow(Comments.SCHEMA, cid2);
    List<CommentStruct> both = repo.preload(List.of(loaded, unloaded), Comments.USER);
    assertThat(both.get(0).user()).as("kept, though user_id names Bob").isSameAs(ada);
    assertThat(both.get(1).user().name()).isEqualTo("Ada");
    assertThat(repo.preload(List.of(loaded, unloaded), Comments.USER.force()).get(0).user().name()).isEqualTo("Bob");
  }

  private static String stderrOf(Runnable work) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      work.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- join-preloads

  /** Ports ecto integration_test/cases/preload.exs "preload into a subquery source". */
  @Test
  void aJoinPreloadFromASubquerySource(Repo repo) {
    Alias<PostStruct> p = Alias.of(Posts.SCHEMA, "p");
    List<CommentStruct> comments = repo.all(Query.from(Comments.query().where(Comments.BODY.eq("3")))
        .join(p, Comments.POST_ID.eq(p.field(Posts.ID))).preload(Comments.POST, p));
    assertThat(comments).extracting(CommentStruct::id).containsExactly(cid4);
    assertThat(comments.get(0).post().id()).isEqualTo(p2.id());
  }

  /**
   * Ports ecto integration_test/cases/joins.exs "joining and preloading through a subquery": a
   * join-preload of a joined subquery, with a nested join-preload below it, beside a to-one one.
   */
  @Test
  void aJoinPreloadOfAJoinedSubquery(Repo repo) {
    Alias<UserStruct> u = Alias.of(Users.SCHEMA, "u");
    Alias<CommentStruct> c = Alias.of(Comments.query(), "c");
    Alias<PostStruct> p2 = Alias.of(Posts.SCHEMA, "p2");
    List<PostStruct> posts = repo.all(Posts.query().where(Posts.ID.eq(p1.id()))
        .leftJoin(u, Posts.AUTHOR_ID.eq(u.field(Users.ID)))
        .join(c, Posts.ID.eq(c.column("post_id", Types.LONG)))
        .join(p2, c.column("post_id", Types.LONG).eq(p2.field(Posts.ID)))
        .preload(Posts.AUTHOR, u).preload(Posts.COMMENTS, c, JoinPreload.of(Comments.POST, p2)));
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).author().name()).isEqualTo("Ada");
    List<CommentStruct> comments = posts.get(0).comments().stream().map(x -> (CommentStruct) x)
        .sorted(Comparator.comparing(CommentStruct::id)).toList();
    assertThat(comments).extracting(CommentStruct::id).containsExactly(cid1, cid2);
    assertThat(comments).allSatisfy(x -> assertThat(x.post().id()).isEqualTo(p1.id()));
  }

  /**
   * Ports ecto test/ecto/query/planner_test.exs "plan: joins associations with custom queries": an
   * association join puts the association's declared {@code where} in its ON, so
   * {@code join(Users.PUBLISHED_POSTS)} finds the published posts only, and a join-preload of it
   * loads what a separate preload would.
   */
  @Test
  void anAssociationJoinAppliesTheDeclaredWhere(Repo repo) {
    repo.updateAll(Posts.query().where(Posts.ID.in(List.of(p1.id(), p3.id()))),
        io.ecto4j.query.Update.set(Posts.PUBLISHED, true));
    Alias<PostStruct> published = Alias.of(Posts.SCHEMA, "pp");
    Query<UserStruct> joined = Users.query().join(Users.PUBLISHED_POSTS, published);
    assertThat(joined.toSql().text()).contains("ON p1.\"author_id\" = u0.\"id\" AND p1.\"published\" = ?");
    assertThat(repo.all(joined.select(published.field(Posts.TITLE)))).containsExactlyInAnyOrder("1", "3");
    assertThat(repo.all(Users.query().join(Users.PUBLISHED_POSTS).where(Users.ID.eq(ada.id())))).hasSize(2);
    List<UserStruct> users = repo.all(Users.query().leftJoin(Users.PUBLISHED_POSTS, published)
        .orderBy(Users.ID.asc(), published.field(Posts.TITLE).asc()).preload(Users.PUBLISHED_POSTS, published));
    assertThat(titles(users.get(0).publishedPosts())).containsExactly("1", "3");
    assertThat(users.get(1).publishedPosts()).isEmpty();
  }
}
