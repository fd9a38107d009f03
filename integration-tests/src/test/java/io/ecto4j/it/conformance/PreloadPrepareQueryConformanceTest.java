package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.it.schemas.TagStruct;
import io.ecto4j.it.schemas.Tags;
import io.ecto4j.repo.QueryPreparer;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements of a many-to-many preload pass the repo's {@code prepareQuery} hook, as every
 * query of Ecto's preloader passes {@code prepare_query(:all, …)}: the related schema's rows joined
 * to the join table, and, with a query of the caller's, the join table's rows.
 */
@EctoTest(sandbox = true)
class PreloadPrepareQueryConformanceTest {

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  private static PostStruct tagged(Repo repo, String... names) {
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("p").withBody("b"));
    for (String name : names) {
      TagStruct tag = repo.insertOrThrow(new TagStruct().withName(name));
      repo.insertAll("posts_tags", List.of(Map.of("post_id", post.id(), "tag_id", tag.id())));
    }
    return post;
  }

  /** Hides the tag named "hidden" from every query of tags, recording what the hook saw. */
  private static QueryPreparer hidingTags(List<String> seen) {
    return (operation, query) -> {
      seen.add(operation + " " + (query.source() == null ? "without schema" : query.source().schemaName()));
      return query.source() == Tags.SCHEMA ? query.where(Tags.NAME.ne("hidden")) : query;
    };
  }

  /**
   * Ports ecto test/ecto/repo_test.exs "prepare_for_query / preload", for a many-to-many: the hook
   * sees the query of the related schema (joined to the join table) as {@code ALL}, and what it
   * adds applies.
   */
  @Test
  void aManyToManyPreloadQueryPassesTheHook(Repo repo) {
    PostStruct post = tagged(repo, "shown", "hidden");
    List<String> seen = new ArrayList<>();
    PostStruct loaded = repo.withQueryPreparer(hidingTags(seen)).preload(post, Posts.TAGS);
    assertThat(loaded.tags()).extracting(io.ecto4j.it.schemas.Tag::name).containsExactly("shown");
    assertThat(seen).containsExactly("ALL Tag");
    assertThat(repo.preload(post, Posts.TAGS).tags()).hasSize(2);
  }

  /**
   * Regression test for issue #18: with a preload query of the caller's, the join table's rows are
   * read by a query of the table by name (the hook sees it, with no schema), then the caller's
   * query of the related schema (the hook sees it too).
   */
  @Test
  void aRefinedManyToManyPreloadPassesTheHookTwice(Repo repo) {
    PostStruct post = tagged(repo, "b", "hidden", "a");
    List<String> seen = new ArrayList<>();
    PostStruct loaded = repo.withQueryPreparer(hidingTags(seen))
        .preload(post, Posts.TAGS.query(q -> q.orderBy(Tags.NAME.asc())));
    assertThat(loaded.tags()).extracting(io.ecto4j.it.schemas.Tag::name).containsExactly("a", "b");
    assertThat(seen).containsExactly("ALL without schema", "ALL Tag");
  }

  /** Regression test for issue #18: the related rows keep the association's preload order through the hook. */
  @Test
  void thePreloadOrderIsKept(Repo repo) {
    TagStruct tag = repo.insertOrThrow(new TagStruct().withName("t"));
    for (String title : List.of("b", "c", "a")) {
      PostStruct post = repo.insertOrThrow(new PostStruct().withTitle(title).withBody("x"));
      repo.insertAll("posts_tags", List.of(Map.of("post_id", post.id(), "tag_id", tag.id())));
    }
    List<String> seen = new ArrayList<>();
    TagStruct loaded = repo.withQueryPreparer(hidingTags(seen)).preload(tag, Tags.POSTS);
    assertThat(loaded.posts()).extracting(io.ecto4j.it.schemas.Post::title).containsExactly("c", "b", "a");
    assertThat(seen).containsExactly("ALL Post");
  }
}
