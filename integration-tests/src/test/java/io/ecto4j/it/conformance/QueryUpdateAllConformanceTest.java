package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Query misuse refused before PostgreSQL sees it, with Ecto's wording; and what still works. */
@EctoTest(sandbox = true)
class QueryUpdateAllConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  /**
   * Ports ecto test/ecto/query/planner_test.exs "normalize: update all only allow filters and checks
   * updates" (duplicate field `title` for `update_all`), run against PostgreSQL: nothing is written.
   */
  @Test
  void aFieldSetTwiceIsRefusedWhenTheStatementIsBuilt(Repo repo) {
    PostStruct post = repo.insertOrThrow(new PostStruct().withTitle("t").withBody("b").withViewCount(1));
    assertThatThrownBy(() -> repo.updateAll(Posts.query(), Update.set(Posts.TITLE, "a"), Update.set(Posts.TITLE, "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duplicate field `Post.title` for `updateAll`");
    assertThatThrownBy(() -> repo.updateAll(Posts.query(), Update.set(Posts.VIEW_COUNT, 5), Update.inc(Posts.VIEW_COUNT, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duplicate field `Post.viewCount` for `updateAll`");
    assertThat(repo.updateAll(Posts.query(), Update.set(Posts.TITLE, "a"), Update.inc(Posts.VIEW_COUNT, 1))).isEqualTo(1);
    assertThat(repo.get(Posts.SCHEMA, post.id())).hasValueSatisfying(p -> {
      assertThat(p.title()).isEqualTo("a");
      assertThat(p.viewCount()).isEqualTo(2);
    });
  }

  /** Ports ecto test/ecto/query/builder/select_test.exs "raises on multiple selects". */
  @Test
  void aSecondSelectIsRefused(Repo repo) {
    Query<String> titles = Posts.query().select(Posts.TITLE);
    assertThatThrownBy(() -> titles.select(Posts.BODY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("only one select expression is allowed in query");
    repo.insertOrThrow(new PostStruct().withTitle("t").withBody("b"));
    // aggregate and exists replace a selection of their own, as Ecto's do
    assertThat(repo.aggregate(titles, Aggregate.count())).isEqualTo(1);
    assertThat(repo.exists(titles)).isTrue();
    assertThat(repo.aggregate(titles.distinct(), Aggregate.count())).isEqualTo(1);
    assertThat(repo.all(titles)).isEqualTo(List.of("t"));
  }

  /** Regression test for issue #18: in(null) is Ecto's cast error, not a NullPointerException. */
  @Test
  void inOfNullIsRefused() {
    assertThatThrownBy(() -> Posts.query().where(Posts.TITLE.in((List<String>) null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("value `null` in `Post.title.in(…)` cannot be cast to type {:in, ");
  }
}
