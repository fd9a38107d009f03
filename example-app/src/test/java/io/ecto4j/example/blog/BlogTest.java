package io.ecto4j.example.blog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.example.ExampleDatabase;
import io.ecto4j.example.accounts.UserStruct;
import io.ecto4j.example.blog.Blog.ListOptions;
import io.ecto4j.example.blog.Blog.PostCommentCount;
import io.ecto4j.example.blog.Blog.Sort;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exercise's five functions and the bonus, with their failure paths, on PostgreSQL. */
@EctoTest
class BlogTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private Blog blog;
  private UserStruct ada;
  private UserStruct grace;

  @BeforeAll
  static void migrate(TestDatabase db) {
    ExampleDatabase.migrate(db);
  }

  @BeforeEach
  void seed(TestDatabase db, Repo repo) throws SQLException {
    ExampleDatabase.truncate(db);
    blog = new Blog(repo, Clock.fixed(NOW, ZoneOffset.UTC));
    ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    grace = repo.insertOrThrow(new UserStruct().withName("Grace").withEmail("grace@example.com"));
    post(repo, "Hello World", ada, true, "2026-01-01T00:00:00Z", 2);
    post(repo, "Ecto Guide", ada, true, "2026-02-01T00:00:00Z", 5);
    post(repo, "Phoenix Tips", grace, false, "2026-03-01T00:00:00Z", 0);
    post(repo, "Draft Notes", grace, false, "2026-04-01T00:00:00Z", 1);
  }

  private static void post(Repo repo, String title, UserStruct author, boolean published, String at, int comments) {
    Instant time = Instant.parse(at);
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle(title).withBody("A body long enough for " + title)
        .withPublished(published).withAuthorId(author.id()).withInsertedAt(time).withUpdatedAt(time));
    for (int i = 0; i < comments; i++) {
      repo.insertOrThrow(new CommentStruct().withBody("Comment " + i).withAuthorName("Reader").withPostId(post.id())
          .withUserId(author.id()));
    }
  }

  private static List<String> titles(List<PostStruct> posts) {
    return posts.stream().map(PostStruct::title).toList();
  }

  @Test
  void listPostsFiltersSortsAndLimits() {
    assertThat(titles(blog.listPosts(ListOptions.all())))
        .containsExactly("Draft Notes", "Phoenix Tips", "Ecto Guide", "Hello World");
    assertThat(titles(blog.listPosts(new ListOptions(true, null, null, null)))).containsExactly("Ecto Guide", "Hello World");
    assertThat(titles(blog.listPosts(new ListOptions(false, null, Sort.OLDEST, null)))).containsExactly("Phoenix Tips", "Draft Notes");
    assertThat(titles(blog.listPosts(new ListOptions(null, grace.id(), Sort.NEWEST, 1)))).containsExactly("Draft Notes");
    assertThat(titles(blog.listPosts(new ListOptions(true, grace.id(), null, null)))).isEmpty();
  }

  @Test
  void publishPostSetsBothFieldsInOneUpdate(Repo repo) {
    PostStruct draft = repo.getByOrThrow(Posts.TITLE, "Phoenix Tips");
    PostStruct published = blog.publishPost(draft);
    assertThat(published.published()).isTrue();
    assertThat(published.publishedAt()).isEqualTo(NOW);
    assertThat(repo.getOrThrow(Posts.SCHEMA, draft.id()).publishedAt()).isEqualTo(NOW);
  }

  @Test
  void createPostWithCommentInsertsBoth(Repo repo) {
    Result<Changes, MultiFailure> result = blog.createPostWithComment(
        Map.of("title", "Multi in Java", "body", "Named steps in one transaction.", "authorId", ada.id()),
        Map.of("body", "First!", "authorName", "Grace"));
    Changes changes = result.orElseThrow();
    assertThat(changes.get(Blog.COMMENT).postId()).isEqualTo(changes.get(Blog.POST).id());
    assertThat(repo.aggregate(Posts.COMMENTS.of(changes.get(Blog.POST)), Aggregate.count())).isEqualTo(1L);
  }

  @Test
  void anInvalidCommentLeavesNoPostBehind(Repo repo) {
    Result<Changes, MultiFailure> result = blog.createPostWithComment(
        Map.of("title", "Doomed post", "body", "This post must not survive."), Map.of("body", "", "authorName", "Ada"));
    assertThat(result.isErr()).isTrue();
    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) result).error();
    assertThat(failure.step()).isEqualTo(Blog.COMMENT);
    assertThat(failure.changeset(Blog.COMMENT).orElseThrow().traverseErrors()).containsEntry("body", List.of("can't be blank"));
    assertThat(repo.getBy(Posts.TITLE, "Doomed post")).isEmpty();
  }

  @Test
  void anInvalidPostIsRejectedBeforeAnyStatement() {
    Result<Changes, MultiFailure> result = blog.createPostWithComment(Map.of("title", "Tiny", "body", "short"),
        Map.of("body", "Nice", "authorName", "Ada"));
    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) result).error();
    assertThat(failure.changeset(Blog.POST).orElseThrow().traverseErrors()).isEqualTo(Map.of(
        "title", List.of("should be at least 5 character(s)"), "body", List.of("should be at least 20 character(s)")));
  }

  @Test
  void aDuplicateTitleIsAChangesetError() {
    Result<PostStruct, Changeset<PostStruct>> result = blog.createPost(
        Map.of("title", "Hello World", "body", "Another body, long enough."));
    assertThat(result.isErr()).isTrue();
    assertThat(((Result.Err<PostStruct, Changeset<PostStruct>>) result).error().traverseErrors())
        .isEqualTo(Map.of("title", List.of("has already been taken")));
  }

  @Test
  void topPostsByCommentCount() {
    assertThat(blog.topPostsByCommentCount(3)).containsExactly(
        new PostCommentCount("Ecto Guide", 5), new PostCommentCount("Hello World", 2), new PostCommentCount("Draft Notes", 1));
  }

  @Test
  void postsWithAuthorsCommentsAndTheirUsers(Repo repo) {
    List<PostStruct> posts = blog.withAuthorsAndComments(blog.listPosts(new ListOptions(true, null, Sort.OLDEST, null)));
    assertThat(posts.get(0).author().name()).isEqualTo("Ada");
    assertThat(posts.get(1).comments()).hasSize(5)
        .allSatisfy(c -> assertThat(((CommentStruct) c).user().email()).isEqualTo("ada@example.com"));
  }

  @Test
  void setTagsLinksNewTagsAndUnlinksLeftOutOnes(Repo repo) {
    PostStruct post = repo.getByOrThrow(Posts.TITLE, "Ecto Guide");
    repo.insertOrThrow(new TagStruct().withName("elixir"));

    PostStruct tagged = blog.setTags(post, List.of("elixir", "java"));
    assertThat(tagNames(tagged)).containsExactly("elixir", "java");
    assertThat(repo.all(Tags.query())).hasSize(2);

    PostStruct retagged = blog.setTags(repo.getByOrThrow(Posts.TITLE, "Ecto Guide"), List.of("java", "sql"));
    assertThat(tagNames(retagged)).containsExactly("java", "sql");
    assertThat(tagNames(repo.preload(repo.getByOrThrow(Posts.TITLE, "Ecto Guide"), Posts.TAGS)))
        .containsExactly("java", "sql");
    assertThat(repo.all(Tags.query())).hasSize(3); // unlinking leaves the tag "elixir"
  }

  private static List<String> tagNames(PostStruct post) {
    return post.tags().stream().map(Tag::name).sorted().toList();
  }
}
