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
import io.ecto4j.meta.Preloadable;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Preloads given nulls and combined queries (issue #18), as Ecto's preloader takes them. */
@EctoTest(sandbox = true)
class PreloadConformanceTest {
  private PostStruct first;
  private PostStruct second;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** Two posts by Ada; the first with comments "a" and "b", the second with "c"; the first tagged "java". */
  @BeforeEach
  void seed(Repo repo) {
    UserStruct ada = repo.insertOrThrow(new UserStruct().withName("Ada").withEmail("ada@example.com"));
    first = repo.insertOrThrow(new PostStruct().withTitle("first").withBody("b").withAuthorId(ada.id()));
    second = repo.insertOrThrow(new PostStruct().withTitle("second").withBody("b").withAuthorId(ada.id()));
    for (String body : List.of("a", "b")) {
      repo.insertOrThrow(new CommentStruct().withBody(body).withPostId(first.id()));
    }
    repo.insertOrThrow(new CommentStruct().withBody("c").withPostId(second.id()));
    TagStruct java = repo.insertOrThrow(new TagStruct().withName("java"));
    repo.query("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", List.of(first.id(), java.id()), row -> null);
  }

  private static List<String> bodies(PostStruct post) {
    return post.comments().stream().map(c -> ((CommentStruct) c).body()).sorted().toList();
  }

  /** Ports ecto test/ecto/repo_test.exs "returns nil if first argument of preload is nil". */
  @Test
  void preloadOfNullIsNull(Repo repo) {
    PostStruct none = null;
    assertThat(repo.preload(none, Posts.COMMENTS)).isNull();
    List<PostStruct> noList = null;
    assertThat(repo.preload(noList, Posts.COMMENTS)).isNull();
  }

  /**
   * Ports ecto integration_test/cases/preload.exs "preload through with nil struct": nils in a
   * list stay in their places, for every kind of association, through ones included.
   */
  @Test
  void nullsInAListStayInTheirPlaces(Repo repo) {
    List<PostStruct> posts = repo.preload(Arrays.asList(null, first, null, second), Posts.COMMENTS.then(Comments.POST),
        Posts.AUTHOR, Posts.TAGS, Posts.COMMENTERS);
    assertThat(posts).hasSize(4);
    assertThat(posts.get(0)).isNull();
    assertThat(posts.get(2)).isNull();
    assertThat(bodies(posts.get(1))).containsExactly("a", "b");
    assertThat(bodies(posts.get(3))).containsExactly("c");
    assertThat(posts.get(3).author().name()).isEqualTo("Ada");
    assertThat(posts.get(1).tags()).extracting(t -> ((TagStruct) t).name()).containsExactly("java");
    assertThat(posts.get(1).commenters()).isEmpty();
  }

  /** A regression test for issue #18: a null preload path is named, not a bare NullPointerException. */
  @Test
  void aNullPathIsRefusedByPosition(Repo repo) {
    assertThatThrownBy(() -> repo.preload(List.of(first), Posts.AUTHOR, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preload path 2 of 2 is null");
    PostStruct none = null;
    assertThatThrownBy(() -> repo.preload(none, (Preloadable<PostStruct>[]) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null array of preload paths");
  }

  /** Ports ecto test/ecto/repo_test.exs "raise if a combination query is used to preload a many association". */
  @Test
  void aCombinationQueryIsRefusedForAManyAssociation(Repo repo) {
    Query<CommentStruct> others = Comments.query().where(Comments.BODY.eq("c"));
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.union(others))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("`union` queries must be wrapped inside of a subquery when preloading a"
            + " `has_many` or `many_to_many` association");
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.union(others).union(others))))
        .hasMessageStartingWith("`union` queries must be wrapped");
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.unionAll(others))))
        .hasMessageStartingWith("`union_all` queries must be wrapped").hasMessageContaining("q.unionAll(other)");
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.except(others))))
        .hasMessageStartingWith("`except` queries must be wrapped");
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.exceptAll(others))))
        .hasMessageStartingWith("`except_all` queries must be wrapped");
    assertThatThrownBy(() -> repo.preload(first, Posts.COMMENTS.query(q -> q.intersect(others))))
        .hasMessageStartingWith("`intersect` queries must be wrapped");
    assertThatThrownBy(() -> repo.preload(first, Posts.TAGS.query(q -> q.union(Tags.query()))))
        .hasMessageStartingWith("`union` queries must be wrapped");
    assertThatThrownBy(() -> repo.all(Posts.query().preload(Posts.COMMENTS.query(q -> q.intersectAll(others))
        .limitPerParent(1)))).hasMessageStartingWith("`intersect_all` queries must be wrapped");
  }

  /**
   * Ports the advice of ecto's message: the combination wrapped in a subquery is accepted, and the
   * parents' keys filter its first operand.
   */
  @Test
  void aCombinationInASubqueryIsAccepted(Repo repo) {
    Query<CommentStruct> others = Comments.query().where(Comments.BODY.eq("c"));
    PostStruct loaded = repo.preload(first, Posts.COMMENTS.query(q -> Query.from(q.except(others))));
    assertThat(bodies(loaded)).containsExactly("a", "b");
  }

  /** Ecto raises only for a has_many or many_to_many: a belongs_to may take a combined query. */
  @Test
  void aCombinationQueryIsAcceptedForABelongsTo(Repo repo) {
    Query<UserStruct> nobody = Users.query().where(Users.NAME.eq("nobody"));
    PostStruct loaded = repo.preload(first, Posts.AUTHOR.query(q -> q.union(nobody)));
    assertThat(loaded.author().name()).isEqualTo("Ada");
  }
}
