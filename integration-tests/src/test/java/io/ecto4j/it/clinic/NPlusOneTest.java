package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.clinic.NPlusOne;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.CommentStruct;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checklist question 3: a loop of per-post comment queries is flagged, naming Posts.COMMENTS. */
@EctoTest(sandbox = true)
class NPlusOneTest {
  private List<PostStruct> posts;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    posts = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("Post " + p).withBody("Body"));
      repo.insertOrThrow(new CommentStruct().withBody("Comment on " + p).withPostId(post.id()));
      posts.add(post);
    }
  }

  @Test
  void aLoopOfAssociationQueriesIsFlaggedWithTheAssociationAndCallSite(Repo repo) {
    assertThatThrownBy(() -> {
      try (NPlusOne.Scope scope = NPlusOne.failing(repo, 5, Posts.SCHEMA)) {
        for (PostStruct post : posts) {
          scope.repo().all(Posts.COMMENTS.of(post));
        }
      }
    }).isInstanceOfSatisfying(NPlusOne.NPlusOneException.class, e -> {
      assertThat(e.findings()).singleElement().satisfies(finding -> {
        assertThat(finding.count()).isEqualTo(20);
        assertThat(finding.distinctParameters()).isEqualTo(20);
        assertThat(finding.association()).contains("Posts.COMMENTS");
        assertThat(finding.callSite()).contains(NPlusOneTest.class.getName());
      });
      assertThat(e.getMessage()).contains("[NPlusOne]", "preload Posts.COMMENTS");
    });
  }

  @Test
  void preloadingIsNotFlagged(Repo repo) {
    List<Integer> comments = new ArrayList<>();
    try (NPlusOne.Scope scope = NPlusOne.failing(repo, 5, Posts.SCHEMA)) {
      List<PostStruct> loaded = scope.repo().preload(posts, Posts.COMMENTS);
      loaded.forEach(post -> comments.add(post.comments().size()));
      assertThat(scope.findings()).isEmpty();
    }
    assertThat(comments).hasSize(20).containsOnly(1);
  }

  @Test
  void aReportingScopeHandsOverItsFindings(Repo repo) {
    List<NPlusOne.Finding> reported = new ArrayList<>();
    try (NPlusOne.Scope scope = NPlusOne.reporting(repo, 5, reported::addAll, Posts.SCHEMA)) {
      for (PostStruct post : posts) {
        scope.repo().all(Posts.COMMENTS.of(post));
      }
    }
    assertThat(reported).singleElement().satisfies(f -> assertThat(f.association()).contains("Posts.COMMENTS"));
  }
}
