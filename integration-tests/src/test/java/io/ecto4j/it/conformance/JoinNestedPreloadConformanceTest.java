package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.SelComment;
import io.ecto4j.it.schemas.SelCommentStruct;
import io.ecto4j.it.schemas.SelComments;
import io.ecto4j.it.schemas.SelPermalink;
import io.ecto4j.it.schemas.SelPermalinkStruct;
import io.ecto4j.it.schemas.SelPermalinks;
import io.ecto4j.it.schemas.SelPost;
import io.ecto4j.it.schemas.SelPostStruct;
import io.ecto4j.it.schemas.SelPosts;
import io.ecto4j.it.schemas.SelSchema;
import io.ecto4j.it.schemas.SelUserStruct;
import io.ecto4j.it.schemas.SelUsers;
import io.ecto4j.query.Alias;
import io.ecto4j.query.JoinPreload;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Separate-query preloads nested inside join-preloads (issue #18), Ecto's
 * {@code preload: [post_permalink: {pp, [:post, user: u]}]}: the joined structs come from the one
 * statement, the nested paths from one query each, and nothing else is loaded.
 */
@EctoTest(sandbox = true)
class JoinNestedPreloadConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    SelSchema.create(db);
  }

  /** Ports joins.exs:604 "joining a through association with a nested preloads". */
  @Test
  void aSeparatePreloadBesideAJoinPreloadInsideAThroughJoinPreload(Repo repo) {
    SelPostStruct post = repo.insertOrThrow(new SelPostStruct().withTitle("1"));
    SelUserStruct user = repo.insertOrThrow(new SelUserStruct().withName("1"));
    repo.insertOrThrow(new SelCommentStruct().withText("1").withPostId(post.id()));
    repo.insertOrThrow(new SelPermalinkStruct().withPostId(post.id()).withUserId(user.id()));
    Alias<SelPermalinkStruct> pp = Alias.of(SelPermalinks.SCHEMA, "pp");
    Alias<SelUserStruct> u = Alias.of(SelUsers.SCHEMA, "u");
    List<SelCommentStruct> comments = repo.all(SelComments.query().join(SelComments.POST_PERMALINK, pp)
        .join(SelPermalinks.USER, u)
        .preload(JoinPreload.of(SelComments.POST_PERMALINK, pp, JoinPreload.of(SelPermalinks.USER, u))
            .preload(SelPermalinks.POST)));
    assertThat(comments).hasSize(1);
    SelCommentStruct comment = comments.get(0);
    assertThat(SelComments.POST.isLoaded(comment)).isFalse();
    assertThat(comment.postPermalink().user().id()).isEqualTo(user.id());
    assertThat(comment.postPermalink().post().id()).isEqualTo(post.id());
  }

  /** Ports joins.exs:622 "joining multiple through associations with a nested preloads". */
  @Test
  void separatePreloadsInsideTwoThroughJoinPreloads(Repo repo) {
    SelPostStruct post = repo.insertOrThrow(new SelPostStruct().withTitle("1"));
    SelUserStruct user = repo.insertOrThrow(new SelUserStruct().withName("1"));
    repo.insertOrThrow(new SelCommentStruct().withText("1").withPostId(post.id()).withAuthorId(user.id()));
    repo.insertOrThrow(new SelPermalinkStruct().withPostId(post.id()).withUserId(user.id()));
    Alias<SelPermalinkStruct> pp = Alias.of(SelPermalinks.SCHEMA, "pp");
    Alias<SelPermalinkStruct> ap = Alias.of(SelPermalinks.SCHEMA, "ap");
    Alias<SelUserStruct> u1 = Alias.of(SelUsers.SCHEMA, "u1");
    Alias<SelUserStruct> u2 = Alias.of(SelUsers.SCHEMA, "u2");
    List<SelCommentStruct> comments = repo.all(SelComments.query().join(SelComments.POST_PERMALINK, pp)
        .join(SelComments.AUTHOR_PERMALINK, ap).join(SelPermalinks.USER, u1).join(SelPermalinks.USER, u2)
        .preload(JoinPreload.of(SelComments.POST_PERMALINK, pp, JoinPreload.of(SelPermalinks.USER, u1))
            .preload(SelPermalinks.POST))
        .preload(JoinPreload.of(SelComments.AUTHOR_PERMALINK, ap, JoinPreload.of(SelPermalinks.USER, u2))
            .preload(SelPermalinks.POST)));
    assertThat(comments).hasSize(1);
    SelCommentStruct comment = comments.get(0);
    assertThat(SelComments.POST.isLoaded(comment)).isFalse();
    assertThat(SelComments.AUTHOR.isLoaded(comment)).isFalse();
    for (SelPermalink link : List.of(comment.postPermalink(), comment.authorPermalink())) {
      assertThat(link.user().id()).isEqualTo(user.id());
      assertThat(link.post().id()).isEqualTo(post.id());
    }
  }

  /** Ports joins.exs:644 "joining nested through associations with a nested preloads". */
  @Test
  void aSeparatePreloadInsideANestedThroughJoinPreload(Repo repo) {
    SelUserStruct user = repo.insertOrThrow(new SelUserStruct().withName("1"));
    SelPostStruct post = repo.insertOrThrow(new SelPostStruct().withTitle("1").withAuthorId(user.id()));
    repo.insertOrThrow(new SelCommentStruct().withText("1").withPostId(post.id()));
    repo.insertOrThrow(new SelPermalinkStruct().withPostId(post.id()).withUserId(user.id()));
    Alias<SelPermalinkStruct> pp = Alias.of(SelPermalinks.SCHEMA, "pp");
    Alias<SelPostStruct> up = Alias.of(SelPosts.SCHEMA, "up");
    List<SelCommentStruct> comments = repo.all(SelComments.query().join(SelComments.POST_PERMALINK, pp)
        .join(SelPermalinks.USER_POSTS, up)
        .preload(JoinPreload.of(SelComments.POST_PERMALINK, pp,
                JoinPreload.of(SelPermalinks.USER_POSTS, up).preload(SelPosts.COMMENTS))
            .preload(SelPermalinks.POST)));
    assertThat(comments).hasSize(1);
    SelPermalinkStruct link = (SelPermalinkStruct) comments.get(0).postPermalink();
    assertThat(SelComments.POST.isLoaded(comments.get(0))).isFalse();
    assertThat(link.post().id()).isEqualTo(post.id());
    assertThat(link.userPosts()).extracting(SelPost::id).containsExactly(post.id());
    assertThat(link.userPosts().get(0).comments()).extracting(SelComment::text).containsExactly("1");
    assertThat(SelPermalinks.USER.isLoaded(link)).isFalse();
  }
}
