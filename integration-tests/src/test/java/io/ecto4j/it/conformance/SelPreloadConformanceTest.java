package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.SelComment;
import io.ecto4j.it.schemas.SelCommentStruct;
import io.ecto4j.it.schemas.SelComments;
import io.ecto4j.it.schemas.SelPermalinkStruct;
import io.ecto4j.it.schemas.SelPermalinks;
import io.ecto4j.it.schemas.SelPostStruct;
import io.ecto4j.it.schemas.SelPosts;
import io.ecto4j.it.schemas.SelSchema;
import io.ecto4j.it.schemas.SelUser;
import io.ecto4j.it.schemas.SelUserStruct;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ports of Ecto's integration preload.exs over the Sel schemas (issue #18). */
@EctoTest(sandbox = true)
class SelPreloadConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SelSchema.create(db);
  }

  private static SelPostStruct post(Repo repo, String title, SelUserStruct author) {
    return repo.insertOrThrow(new SelPostStruct().withTitle(title).withAuthorId(author == null ? null : author.id()));
  }

  private static SelUserStruct user(Repo repo, String name) {
    return repo.insertOrThrow(new SelUserStruct().withName(name));
  }

  private static SelCommentStruct comment(Repo repo, String text, SelPostStruct post, SelUserStruct author) {
    return repo.insertOrThrow(new SelCommentStruct().withText(text).withPostId(post == null ? null : post.id())
        .withAuthorId(author == null ? null : author.id()));
  }

  private static void member(Repo repo, SelPostStruct post, SelUserStruct user) {
    repo.query("INSERT INTO sel_posts_users (post_id, user_id) VALUES (?, ?)", List.of(post.id(), user.id()), r -> null);
  }

  private static List<String> texts(List<SelComment> comments) {
    return comments.stream().map(SelComment::text).sorted().toList();
  }

  /** Ports ecto integration_test/cases/preload.exs "preload has_many multiple times": the same struct twice. */
  @Test
  void theSameStructTwiceGetsItsChildrenTwice(Repo repo) {
    SelPostStruct p1 = post(repo, "1", null);
    comment(repo, "1", p1, null);
    comment(repo, "2", p1, null);
    List<SelPostStruct> posts = repo.preload(List.of(p1, p1), SelPosts.COMMENTS);
    assertThat(posts).hasSize(2);
    assertThat(texts(posts.get(0).comments())).containsExactly("1", "2");
    assertThat(texts(posts.get(1).comments())).containsExactly("1", "2");
  }

  /** Ports ecto integration_test/cases/preload.exs "preload multiple belongs_to": two belongs_to in one call. */
  @Test
  void twoBelongsToInOneCall(Repo repo) {
    SelUserStruct u = user(repo, "u");
    SelPostStruct p = post(repo, "p", null);
    SelCommentStruct c = comment(repo, "c", p, u);
    SelCommentStruct loaded = repo.preload(c, SelComments.POST, SelComments.AUTHOR);
    assertThat(loaded.post().id()).isEqualTo(p.id());
    assertThat(((SelUser) loaded.author()).id()).isEqualTo(u.id());
  }

  /** Ports ecto integration_test/cases/preload.exs "preload belongs_to with shared parent". */
  @Test
  void childrenSharingAParentGetTheSameParent(Repo repo) {
    SelPostStruct p1 = post(repo, "1", null);
    SelPostStruct p2 = post(repo, "2", null);
    List<SelCommentStruct> comments = repo.preload(List.of(comment(repo, "1", p1, null), comment(repo, "2", p1, null),
        comment(repo, "3", p2, null)), SelComments.POST);
    assertThat(comments).extracting(c -> c.post().id()).containsExactly(p1.id(), p1.id(), p2.id());
    assertThat(comments.get(0).post()).isEqualTo(comments.get(1).post());
  }

  /** Ports ecto integration_test/cases/preload.exs "preload has_many through-through". */
  @Test
  void aThroughPathThroughAnotherThroughAssociation(Repo repo) {
    SelPostStruct p1 = post(repo, "1", null);
    SelPostStruct p2 = post(repo, "2", null);
    SelPermalinkStruct l1 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("1").withPostId(p1.id()));
    SelPermalinkStruct l2 = repo.insertOrThrow(new SelPermalinkStruct().withUrl("2").withPostId(p2.id()));
    SelUserStruct u1 = user(repo, "1");
    SelUserStruct u2 = user(repo, "2");
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u1);
    comment(repo, null, p1, u2);
    comment(repo, null, p2, u2);
    List<SelPermalinkStruct> links = repo.preload(List.of(l1, l2), SelPermalinks.POST_COMMENTS_AUTHORS);
    assertThat(links.get(0).postCommentsAuthors()).extracting(SelUser::id).containsExactlyInAnyOrder(u1.id(), u2.id());
    assertThat(links.get(1).postCommentsAuthors()).extracting(SelUser::id).containsExactly(u2.id());
  }

  /** Ports ecto integration_test/cases/preload.exs "preload has_many through many_to_many". */
  @Test
  void aThroughPathAcrossAManyToMany(Repo repo) {
    SelPostStruct p1 = post(repo, "1", null);
    SelPostStruct p2 = post(repo, "2", null);
    SelUserStruct u1 = user(repo, "1");
    SelUserStruct u2 = user(repo, "2");
    member(repo, p1, u1);
    member(repo, p1, u2);
    member(repo, p2, u2);
    comment(repo, "a", null, u1);
    comment(repo, "b", null, u2);
    List<SelPostStruct> posts = repo.preload(List.of(p1, p2), SelPosts.USERS_COMMENTS);
    assertThat(texts(posts.get(0).usersComments())).containsExactly("a", "b");
    assertThat(texts(posts.get(1).usersComments())).containsExactly("b");
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "preload has_many with no associated entries" and
   * "preload many_to_many with no associated entries".
   */
  @Test
  void noChildrenLoadAsAnEmptyList(Repo repo) {
    SelPostStruct p = post(repo, "1", null);
    SelPostStruct loaded = repo.preload(p, SelPosts.COMMENTS, SelPosts.USERS);
    assertThat(loaded.comments()).isEmpty();
    assertThat(loaded.users()).isEmpty();
  }

  /** Ports ecto integration_test/cases/preload.exs "preload nested via custom query". */
  @Test
  void nestedPreloadsUnderACustomPreloadQuery(Repo repo) {
    SelPostStruct p1 = post(repo, "1", null);
    SelPostStruct p2 = post(repo, "2", null);
    comment(repo, "1", p1, null);
    comment(repo, "2", p1, null);
    comment(repo, "3", p2, null);
    comment(repo, "4", p2, null);
    List<SelPostStruct> posts = repo.preload(List.of(p2, p1), SelPosts.COMMENTS
        .query(q -> q.orderBy(SelComments.TEXT.desc()).preload(SelComments.POST)));
    assertThat(posts.get(1).comments()).extracting(SelComment::text).containsExactly("2", "1");
    assertThat(posts.get(0).comments()).extracting(SelComment::text).containsExactly("4", "3");
    assertThat(posts.get(1).comments()).allSatisfy(c -> assertThat(((SelCommentStruct) c).post().id()).isEqualTo(p1.id()));
    assertThat(posts.get(0).comments()).allSatisfy(c -> assertThat(((SelCommentStruct) c).post().id()).isEqualTo(p2.id()));
  }
}
