package io.ecto4j.it.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Comment;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.meta.AssociationNotLoadedException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** repo.preload: one statement per association per level, whatever the number of parents. */
@EctoTest(sandbox = true)
class PreloadTest {
  private CountingDataSource counter;
  private Repo repo;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(DataSource dataSource) {
    counter = new CountingDataSource(dataSource);
    repo = Repo.of(counter.dataSource());
    PreloadSeed.seed(repo);
    counter.reset();
  }

  private List<PostStruct> posts() {
    return repo.all(Posts.query().orderBy(Posts.ID.asc()));
  }

  @Test
  void aHundredPostsWithAuthorsAndCommentsTakeThreeStatements() {
    List<PostStruct> posts = repo.preload(posts(), Posts.AUTHOR, Posts.COMMENTS);
    assertThat(counter.count()).isEqualTo(3);
    assertThat(posts).hasSize(100);
    assertThat(posts).extracting(PostStruct::title).startsWith("Post 0", "Post 1", "Post 2");
    PostStruct third = posts.get(3);
    assertThat(third.comments()).hasSize(3).allSatisfy(c -> assertThat(((CommentStruct) c).postId()).isEqualTo(third.id()));
    assertThat(third.author().name()).isEqualTo("User 3");
    assertThat(posts.get(0).author()).isNull();
    assertThat(posts.get(0).comments()).isEmpty();
  }

  @Test
  void threeLevelsTakeFourStatements() {
    List<PostStruct> posts = repo.preload(posts(), Posts.COMMENTS.then(Comments.USER.then(Users.POSTS)));
    assertThat(counter.count()).isEqualTo(4);
    CommentStruct comment = (CommentStruct) posts.get(1).comments().get(0);
    assertThat(comment.user().posts()).isNotEmpty();
  }

  /** The association constant reads the loaded children typed as their struct: no cast from the interface. */
  @Test
  void theAssociationConstantGivesTheChildrenAsStructs() {
    PostStruct post = repo.preload(posts(), Posts.COMMENTS, Posts.AUTHOR, Posts.TAGS).get(3);
    List<CommentStruct> comments = Posts.COMMENTS.structs(post);
    assertThat(comments).hasSize(3).allSatisfy(comment -> assertThat(comment.postId()).isEqualTo(post.id()));
    List<UserStruct> author = Posts.AUTHOR.structs(post);
    assertThat(author).extracting(UserStruct::name).containsExactly("User 3");
    assertThat(Posts.TAGS.structs(post)).extracting(TagStruct::id).doesNotContainNull();
    assertThatThrownBy(() -> Posts.COMMENTS.structs(posts().get(0)))
        .isInstanceOf(AssociationNotLoadedException.class).hasMessageContaining("Posts.COMMENTS");
  }

  @Test
  void manyToManyLoadsThroughTheJoinTableInOneStatement() {
    List<PostStruct> posts = repo.preload(posts(), Posts.TAGS);
    assertThat(counter.count()).isEqualTo(2);
    assertThat(posts.get(0).tags()).extracting(t -> ((TagStruct) t).name()).containsExactlyInAnyOrder("java", "ecto");
    assertThat(posts.get(1).tags()).isEmpty();
  }

  @Test
  void customQueriesFilterAndOrder() {
    List<PostStruct> posts = repo.preload(posts(),
        Posts.COMMENTS.query(q -> q.where(Comments.BODY.ne("Comment 0 on 3")).orderBy(Comments.ID.desc())),
        Posts.TAGS.query(q -> q.where(Tags.NAME.eq("java"))));
    assertThat(posts.get(3).comments()).extracting(c -> ((CommentStruct) c).body())
        .containsExactly("Comment 2 on 3", "Comment 1 on 3");
    assertThat(posts.get(0).tags()).extracting(t -> ((TagStruct) t).name()).containsExactly("java");
  }

  @Test
  void emptyListsAndNullKeysRunNoStatement() {
    assertThat(repo.preload(List.<PostStruct>of(), Posts.AUTHOR, Posts.COMMENTS)).isEmpty();
    PostStruct orphan = repo.insertOrThrow(new PostStruct().withTitle("Orphan"));
    counter.reset();
    PostStruct loaded = repo.preload(orphan, Posts.AUTHOR);
    assertThat(counter.count()).isZero();
    assertThat(loaded.author()).isNull();
  }

  @Test
  void loadedAssociationsAreNotLoadedAgainUnlessForced() {
    List<PostStruct> posts = repo.preload(posts(), Posts.COMMENTS);
    counter.reset();
    List<PostStruct> again = repo.preload(posts, Posts.COMMENTS);
    assertThat(counter.count()).isZero();
    assertThat(again).isEqualTo(posts);
    repo.preload(posts, Posts.COMMENTS.force());
    assertThat(counter.count()).isEqualTo(1);
    counter.reset();
    repo.preload(posts, Posts.COMMENTS.then(Comments.USER));
    assertThat(counter.count()).isEqualTo(1);
  }

  @Test
  void hasManyThroughLoadsThePathAndGathersItsEnd() {
    List<PostStruct> posts = repo.preload(posts(), Posts.COMMENTERS);
    assertThat(counter.count()).isEqualTo(3);
    PostStruct third = posts.get(3);
    assertThat(third.commenters()).extracting(u -> ((UserStruct) u).name())
        .containsExactlyInAnyOrder("User 0", "User 1", "User 2");
    assertThat(third.comments()).hasSize(3);
    assertThat(posts.get(0).commenters()).isEmpty();
    assertThatThrownBy(() -> Posts.COMMENTERS.of(third)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("goes through");
  }

  @Test
  void aCustomQueryOnAThroughAssociationFiltersThePathsEnd() {
    List<PostStruct> posts = repo.preload(posts(), Posts.COMMENTERS.query(q -> q.where(Users.NAME.ne("User 1"))));
    assertThat(counter.count()).isEqualTo(3);
    assertThat(posts.get(3).commenters()).extracting(u -> ((UserStruct) u).name())
        .containsExactlyInAnyOrder("User 0", "User 2");
  }

  @Test
  void hasOneThroughFollowsBelongsToLinks() {
    List<CommentStruct> comments = repo.preload(repo.all(Comments.query().orderBy(Comments.ID.asc())), Comments.POST_AUTHOR);
    assertThat(counter.count()).isEqualTo(3);
    CommentStruct first = comments.get(0);
    PostStruct post = repo.getOrThrow(Posts.SCHEMA, first.postId());
    assertThat(first.postAuthor().id()).isEqualTo(post.authorId());
  }

  @Test
  void assocQueriesTheChildrenOfOneParentAndBuildSetsTheKey() {
    PostStruct post = posts().get(3);
    assertThat(repo.all(Posts.COMMENTS.of(post).orderBy(Comments.ID.asc()))).extracting(CommentStruct::body)
        .containsExactly("Comment 0 on 3", "Comment 1 on 3", "Comment 2 on 3");
    assertThat(repo.one(Posts.AUTHOR.of(post))).map(UserStruct::name).contains("User 3");
    CommentStruct built = Posts.COMMENTS.build(post);
    assertThat(built.postId()).isEqualTo(post.id());
    assertThat(built.id()).isNull();
    assertThatThrownBy(() -> Posts.AUTHOR.build(post)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build works for has_one and has_many");
  }

  @Test
  void readingANotLoadedAssociationNamesThePreload() {
    PostStruct post = posts().get(1);
    assertThatThrownBy(post::comments)
        .isInstanceOf(AssociationNotLoadedException.class)
        .hasMessageContaining("Post.comments is not loaded")
        .hasMessageContaining("repo.preload(structOrList, Posts.COMMENTS)");
    List<Comment> comments = repo.preload(post, Posts.COMMENTS).comments();
    assertThat(comments).hasSize(1);
  }
}
