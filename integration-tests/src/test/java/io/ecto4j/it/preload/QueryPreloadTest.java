package io.ecto4j.it.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.Authors;
import io.ecto4j.it.schemas.AuthorStruct;
import io.ecto4j.it.schemas.BioStruct;
import io.ecto4j.it.schemas.Bios;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.LibrarySchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Preloads declared in the query: separate statements run by the repo after the main one,
 * join-preloads read from the main statement's own rows, and the top children per parent.
 */
@EctoTest(sandbox = true)
class QueryPreloadTest {
  private CountingDataSource counter;
  private Repo repo;
  private final Alias<UserStruct> author = Alias.of(Users.SCHEMA, "a");
  private final Alias<CommentStruct> comment = Alias.of(Comments.SCHEMA, "c");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
    LibrarySchema.create(db);
  }

  /** The blog of {@link PreloadSeed}. */
  @BeforeEach
  void seed(DataSource dataSource) {
    counter = new CountingDataSource(dataSource);
    repo = Repo.of(counter.dataSource());
    PreloadSeed.seed(repo);
    counter.reset();
  }

  private static List<String> bodies(PostStruct post) {
    return post.comments().stream().map(c -> ((CommentStruct) c).body()).toList();
  }

  @Test
  void queryPreloadsRunAfterTheMainStatementThreeInAll() {
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()).preload(Posts.AUTHOR, Posts.COMMENTS));
    assertThat(counter.count()).isEqualTo(3);
    assertThat(posts).hasSize(100);
    assertThat(posts.get(3).author().name()).isEqualTo("User 3");
    assertThat(posts.get(0).author()).isNull();
    assertThat(bodies(posts.get(3))).containsExactlyInAnyOrder("Comment 0 on 3", "Comment 1 on 3", "Comment 2 on 3");
  }

  @Test
  void nestedQueryPreloadsTakeOneStatementPerLevel() {
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc())
        .preload(Posts.COMMENTS.then(Comments.USER.then(Users.POSTS))));
    assertThat(counter.count()).isEqualTo(4);
    CommentStruct first = (CommentStruct) posts.get(1).comments().get(0);
    assertThat(first.user().posts()).isNotEmpty();
  }

  @Test
  void oneAndPreloadsOnAQueryWithNoRowsRunOnlyTheMainStatement() {
    PostStruct post = repo.oneOrThrow(Posts.query().where(Posts.TITLE.eq("Post 2")).preload(Posts.TAGS));
    assertThat(post.tags()).extracting(t -> ((TagStruct) t).name()).containsExactlyInAnyOrder("java", "ecto");
    counter.reset();
    assertThat(repo.all(Posts.query().where(Posts.TITLE.eq("none")).preload(Posts.AUTHOR, Posts.COMMENTS))).isEmpty();
    assertThat(counter.count()).isEqualTo(1);
  }

  @Test
  void aBelongsToJoinPreloadIsOneStatementAndFiltersByTheAssociation() {
    List<PostStruct> posts = repo.all(Posts.query().join(Posts.AUTHOR, author)
        .where(author.field(Users.NAME).eq("User 3")).orderBy(Posts.ID.asc()).preload(Posts.AUTHOR, author));
    assertThat(counter.count()).isEqualTo(1);
    assertThat(posts).isNotEmpty().allSatisfy(p -> assertThat(p.author().name()).isEqualTo("User 3"));
    assertThat(posts).extracting(PostStruct::title).startsWith("Post 3", "Post 8", "Post 13");
  }

  @Test
  void aHasManyJoinPreloadFoldsTheRowsOfEachParentKeepingOrder() {
    List<PostStruct> posts = repo.all(Posts.query().leftJoin(Posts.COMMENTS, comment)
        .orderBy(Posts.ID.asc(), comment.field(Comments.ID).desc()).preload(Posts.COMMENTS, comment));
    assertThat(counter.count()).isEqualTo(1);
    assertThat(posts).hasSize(100);
    assertThat(posts).extracting(PostStruct::title).startsWith("Post 0", "Post 1", "Post 2", "Post 3");
    assertThat(posts.get(0).comments()).isEmpty();
    assertThat(bodies(posts.get(3))).containsExactly("Comment 2 on 3", "Comment 1 on 3", "Comment 0 on 3");
  }

  @Test
  void nestedJoinPreloadsBuildTwoLevelsFromOneStatement() {
    Alias<UserStruct> commenter = Alias.of(Users.SCHEMA, "u");
    var query = Posts.query().leftJoin(Posts.COMMENTS, comment).leftJoin(Comments.USER, commenter)
        .orderBy(Posts.ID.asc(), comment.field(Comments.ID).asc())
        .preload(Posts.COMMENTS, comment, JoinPreload.of(Comments.USER, commenter));
    List<PostStruct> posts = repo.all(query);
    assertThat(counter.count()).isEqualTo(1);
    assertThat(posts).hasSize(100);
    assertThat(posts.get(0).comments()).isEmpty();
    assertThat(posts.get(3).comments()).extracting(c -> ((CommentStruct) c).body() + " by " + c.user().name())
        .containsExactly("Comment 0 on 3 by User 0", "Comment 1 on 3 by User 1", "Comment 2 on 3 by User 2");
    assertThat(query.toString()).contains("preload(Posts.COMMENTS: {c, Comments.USER: u})");
  }

  @Test
  void aNestedToManyBelowAToOneGathersAcrossRows() {
    Alias<PostStruct> theirPosts = Alias.of(Posts.SCHEMA, "ap");
    List<PostStruct> posts = repo.all(Posts.query().join(Posts.AUTHOR, author).leftJoin(Users.POSTS, theirPosts)
        .where(Posts.TITLE.in(List.of("Post 1", "Post 3"))).orderBy(Posts.ID.asc(), theirPosts.field(Posts.ID).asc())
        .preload(Posts.AUTHOR, author, JoinPreload.of(Users.POSTS, theirPosts)));
    assertThat(counter.count()).isEqualTo(1);
    assertThat(posts).extracting(PostStruct::title).containsExactly("Post 1", "Post 3");
    for (PostStruct post : posts) {
      List<String> expected = repo.all(Users.POSTS.of(post.author())).stream().map(PostStruct::title).toList();
      assertThat(post.author().posts()).as("in the query's order, not the preloadOrder")
          .extracting(p -> ((PostStruct) p).title()).containsExactlyInAnyOrderElementsOf(expected)
          .startsWith(expected.get(expected.size() - 1)).contains(post.title()).hasSizeGreaterThan(10);
    }
  }

  @Test
  void twoJoinPreloadsAndASeparateOneMix() {
    List<PostStruct> posts = repo.all(Posts.query().join(Posts.AUTHOR, author).leftJoin(Posts.COMMENTS, comment)
        .orderBy(Posts.ID.asc(), comment.field(Comments.ID).asc())
        .preload(Posts.AUTHOR, author).preload(Posts.COMMENTS, comment).preload(Posts.TAGS));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(posts).hasSize(85);
    PostStruct third = posts.stream().filter(p -> p.title().equals("Post 3")).findFirst().orElseThrow();
    assertThat(third.author().name()).isEqualTo("User 3");
    assertThat(bodies(third)).containsExactly("Comment 0 on 3", "Comment 1 on 3", "Comment 2 on 3");
    assertThat(third.tags()).isEmpty();
  }

  @Test
  void aPreloadingQueryKeepsSelectingWholeStructs() {
    assertThatThrownBy(() -> Posts.query().preload(Posts.AUTHOR).select(Posts.TITLE))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs the query to select structs, whole or with selectFields");
  }

  @Test
  void theNewestChildrenPerParentAreOneStatement() {
    List<PostStruct> posts = repo.preload(repo.all(Posts.query().orderBy(Posts.ID.asc())),
        Posts.COMMENTS.query(q -> q.orderBy(Comments.ID.desc())).limitPerParent(2));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(bodies(posts.get(3))).containsExactly("Comment 2 on 3", "Comment 1 on 3");
    assertThat(bodies(posts.get(1))).containsExactly("Comment 0 on 1");
    assertThat(posts.get(0).comments()).isEmpty();
  }

  @Test
  void limitPerParentComposesWithFiltersNestingAndQueryPreloads() {
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()).preload(
        Posts.COMMENTS.query(q -> q.where(Comments.BODY.ne("Comment 2 on 3")).orderBy(Comments.ID.desc()))
            .limitPerParent(1).then(Comments.USER)));
    assertThat(counter.count()).isEqualTo(3);
    assertThat(bodies(posts.get(3))).containsExactly("Comment 1 on 3");
    assertThat(((CommentStruct) posts.get(3).comments().get(0)).user().name()).isEqualTo("User 1");
    assertThatThrownBy(() -> Posts.AUTHOR.limitPerParent(1))
        .hasMessageContaining("limitPerParent works for has_many and many_to_many");
    assertThatThrownBy(() -> Posts.COMMENTERS.limitPerParent(1))
        .hasMessageContaining("Posts.COMMENTERS, which goes through");
  }

  @Test
  void theFirstRelatedRowsPerParentThroughAJoinTableAreOneStatement() {
    List<PostStruct> posts = repo.preload(repo.all(Posts.query().orderBy(Posts.ID.asc())),
        Posts.TAGS.query(q -> q.orderBy(Tags.NAME.desc())).limitPerParent(1));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(posts.get(0).tags()).extracting(t -> ((TagStruct) t).name()).containsExactly("java");
    assertThat(posts.get(2).tags()).extracting(t -> ((TagStruct) t).name()).containsExactly("java");
    assertThat(posts.get(1).tags()).isEmpty();

    List<TagStruct> tags = repo.all(Tags.query().orderBy(Tags.NAME.asc()).preload(Tags.POSTS.limitPerParent(2)));
    assertThat(tags).allSatisfy(tag -> assertThat(tag.posts()).as("preloadOrder title DESC, id, then the cap")
        .extracting(p -> ((PostStruct) p).title()).containsExactly("Post 98", "Post 96"));
  }

  @Test
  void manyToManyAssocIsASubqueryOnTheJoinTable() {
    List<PostStruct> posts = repo.all(Posts.query().orderBy(Posts.ID.asc()).limit(2));
    counter.reset();
    assertThat(repo.all(Posts.TAGS.of(posts.get(0)).orderBy(Tags.NAME.asc()))).extracting(TagStruct::name)
        .containsExactly("ecto", "java");
    assertThat(repo.all(Posts.TAGS.of(posts.get(1)))).isEmpty();
    assertThat(counter.count()).isEqualTo(2);
    TagStruct javaTag = repo.oneOrThrow(Tags.query().where(Tags.NAME.eq("java")));
    assertThat(repo.aggregate(Tags.POSTS.of(javaTag), Aggregate.count())).isEqualTo(50L);
  }

  @Test
  void hasOneLoadsBySeparateQueryAndByJoin() {
    AuthorStruct ada = repo.insertOrThrow(new AuthorStruct().withName("Ada"));
    AuthorStruct bob = repo.insertOrThrow(new AuthorStruct().withName("Bob"));
    repo.insertOrThrow(new BioStruct().withText("Analyst").withAuthorId(ada.id()));
    counter.reset();
    List<AuthorStruct> separate = repo.all(Authors.query().orderBy(Authors.ID.asc()).preload(Authors.BIO));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(separate.get(0).bio().text()).isEqualTo("Analyst");
    assertThat(separate.get(1).bio()).isNull();
    Alias<BioStruct> bio = Alias.of(Bios.SCHEMA, "b");
    counter.reset();
    List<AuthorStruct> joined = repo.all(Authors.query().leftJoin(Authors.BIO, bio).orderBy(Authors.ID.asc())
        .preload(Authors.BIO, bio));
    assertThat(counter.count()).isEqualTo(1);
    assertThat(joined).extracting(AuthorStruct::name).containsExactly("Ada", "Bob");
    assertThat(joined.get(0).bio().text()).isEqualTo("Analyst");
    assertThat(joined.get(1).bio()).isNull();
    assertThat(repo.one(Authors.BIO.of(bob))).isEmpty();
  }

  @Test
  void aDeclaredPreloadOrderSortsPreloadsAndAssoc() {
    List<UserStruct> users = repo.all(Users.query().orderBy(Users.ID.asc()).preload(Users.POSTS));
    List<Long> ids = users.get(0).posts().stream().map(p -> ((PostStruct) p).id()).toList();
    assertThat(ids).isNotEmpty().isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(repo.all(Users.POSTS.of(users.get(0)))).extracting(PostStruct::id).isEqualTo(ids);
    TagStruct javaTag = repo.oneOrThrow(Tags.query().where(Tags.NAME.eq("java")).preload(Tags.POSTS));
    List<String> titles = javaTag.posts().stream().map(p -> ((PostStruct) p).title()).toList();
    assertThat(titles).hasSize(50).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(repo.all(Tags.POSTS.of(javaTag))).extracting(PostStruct::title).isEqualTo(titles);
  }

  @Test
  void aDeclaredWhereFiltersPreloadsAndAssoc() {
    repo.updateAll(Posts.query().where(Posts.TITLE.in(List.of("Post 3", "Post 13", "Post 8"))),
        Update.set(Posts.PUBLISHED, true));
    counter.reset();
    List<UserStruct> users = repo.all(Users.query().orderBy(Users.ID.asc()).preload(Users.PUBLISHED_POSTS));
    assertThat(counter.count()).isEqualTo(2);
    assertThat(users.get(3).publishedPosts()).extracting(p -> ((PostStruct) p).title())
        .containsExactly("Post 13", "Post 3", "Post 8");
    assertThat(users.get(0).publishedPosts()).isEmpty();
    assertThat(repo.all(Users.PUBLISHED_POSTS.of(users.get(3)))).extracting(PostStruct::title)
        .containsExactly("Post 13", "Post 3", "Post 8");
    // Joins and join-preloads apply the where too: PreloadQueriesConformanceTest#anAssociationJoinAppliesTheDeclaredWhere
  }
}
