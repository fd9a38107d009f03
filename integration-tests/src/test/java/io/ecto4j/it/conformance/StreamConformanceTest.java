package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.Comments;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code repo.stream} of a query with preloads (issue #18): loaded per batch, or refused, never dropped. */
@EctoTest(sandbox = true)
class StreamConformanceTest {
  private static final int POSTS = 7;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /** Posts "p0".."p6", post i by user "u{i % 2}" with i comments "c{j} on p{i}". */
  @BeforeEach
  void seed(Repo repo) {
    List<UserStruct> users = List.of(
        repo.insertOrThrow(new UserStruct().withName("u0").withEmail("u0@example.com")),
        repo.insertOrThrow(new UserStruct().withName("u1").withEmail("u1@example.com")));
    for (int i = 0; i < POSTS; i++) {
      PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("p" + i).withBody("body")
          .withAuthorId(users.get(i % 2).id()));
      for (int j = 0; j < i; j++) {
        repo.insertOrThrow(new CommentStruct().withBody("c" + j + " on p" + i).withPostId(post.id())
            .withUserId(users.get(j % 2).id()));
      }
    }
  }

  /**
   * A regression test for issue #18 (Ecto's test/ecto/repo_test.exs "does not work with preloads"
   * raises instead): each streamed post comes with its author and comments, nested preloads
   * included, in the query's order, loaded one batch of the fetch size at a time.
   */
  @Test
  void streamLoadsThePreloadsOneBatchAtATime(Repo repo) {
    List<String> sql = new ArrayList<>();
    Repo recorded = repo.withListener(event -> sql.add(event.sql()));
    Query<PostStruct> query = Posts.query().orderBy(Posts.TITLE.desc())
        .preload(Posts.AUTHOR, Posts.COMMENTS.then(Comments.USER));
    List<String> seen = recorded.stream(query, 3, posts -> posts.map(post -> post.title() + " by "
        + post.author().name() + ": " + post.comments().size() + " comments, first by "
        + (post.comments().isEmpty() ? "nobody" : ((CommentStruct) post.comments().get(0)).user().name())).toList());
    assertThat(seen).containsExactly("p6 by u0: 6 comments, first by u0", "p5 by u1: 5 comments, first by u0",
        "p4 by u0: 4 comments, first by u0", "p3 by u1: 3 comments, first by u0", "p2 by u0: 2 comments, first by u0",
        "p1 by u1: 1 comments, first by u0", "p0 by u0: 0 comments, first by nobody");
    // The stream's statement, then per batch (3, 3, 1 posts) authors, comments and the comments'
    // users; p0's batch has no comments, so no users of comments.
    assertThat(sql).hasSize(1 + 3 + 3 + 2);
    assertThat(sql.stream().filter(s -> s.contains("FROM \"users\"")).count()).isEqualTo(5);
  }

  /** A regression test for issue #18: a preload batch is loaded only when the stream reaches it. */
  @Test
  void streamLoadsOnlyTheBatchesItReads(Repo repo) {
    List<String> sql = new ArrayList<>();
    Repo recorded = repo.withListener(event -> sql.add(event.sql()));
    List<PostStruct> first = recorded.stream(Posts.query().orderBy(Posts.TITLE.asc()).preload(Posts.AUTHOR), 2,
        posts -> posts.limit(2).toList());
    assertThat(first).extracting(post -> post.author().name()).containsExactly("u0", "u1");
    assertThat(sql).hasSize(2);
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "does not work with preloads" for a join-preload, which
   * folds all the rows of a parent into one struct: refused with Ecto's words and the reason.
   */
  @Test
  void streamRefusesJoinPreloads(Repo repo) {
    Alias<UserStruct> author = Alias.of(Users.SCHEMA, "a");
    Query<PostStruct> joined = Posts.query().join(Posts.AUTHOR, author).preload(Posts.AUTHOR, author);
    assertThatThrownBy(() -> repo.stream(joined, posts -> posts.count()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("preloads are not supported on streams")
        .hasMessageContaining("preload with a separate query instead");
  }
}
