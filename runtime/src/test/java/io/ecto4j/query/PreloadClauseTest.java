package io.ecto4j.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.query.TestSchemas.Post;
import io.ecto4j.query.TestSchemas.Posts;
import org.junit.jupiter.api.Test;

/** The preload clause of a query. */
class PreloadClauseTest {

  /** Ports ecto preload_test.exs "accumulates on multiple calls". */
  @Test
  void preloadCallsAccumulate() {
    Query<Post> query = Query.from(Posts.SCHEMA).preload(Posts.COMMENTS).preload(Posts.TAGS);
    assertThat(query.preloads()).containsExactly(Posts.COMMENTS, Posts.TAGS);
    assertThat(query.toString()).endsWith("preload: [Posts.COMMENTS, Posts.TAGS]>");
  }

  /** Ports ecto subquery_test.exs "plan: source subqueries / do not support preloads". */
  @Test
  void aSubqueryCannotPreload() {
    Query<Post> preloading = Query.from(Posts.SCHEMA).preload(Posts.COMMENTS);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Query.from(preloading))
        .hasMessageContaining("cannot preload in a subquery");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Alias.of(preloading, "p"))
        .hasMessageContaining("cannot preload in a subquery");
  }
}
