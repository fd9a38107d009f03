package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.clinic.IndexCheck;
import io.ecto4j.clinic.QueryStats;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checklist question 1: a table large enough for a sequential scan, and the index that would serve the query. */
@EctoTest
class IndexCheckTest {
  @BeforeAll
  static void seed(TestDatabase db, Repo repo) throws SQLException {
    BlogSchema.create(db);
    repo.query("INSERT INTO posts (title, body, published, view_count, inserted_at, updated_at) "
        + "SELECT 'Post ' || n, 'Body', n % 2 = 0, n % 1000, now(), now() FROM generate_series(1, 50000) AS n "
        + "RETURNING 1", List.of(), row -> 1);
    db.execute("ANALYZE posts");
  }

  @Test
  void flagsASeqScanAndNamesTheIndexForFilterAndOrder(Repo repo) {
    List<IndexCheck.Advice> advice = IndexCheck.above(10_000)
        .check(repo, Posts.query().where(Posts.TITLE.eq("Post 42")).orderBy(Posts.VIEW_COUNT.desc()));

    assertThat(advice).singleElement().satisfies(a -> {
      assertThat(a.table()).isEqualTo("posts");
      assertThat(a.rows()).isGreaterThan(10_000);
      assertThat(a.filterColumns()).containsExactly("title");
      assertThat(a.suggestedIndex()).startsWith("CREATE INDEX CONCURRENTLY posts_title_view_count_index ON posts (title, view_count DESC)");
      assertThat(a.toString()).contains("[SeqScan]", "Seq Scan on posts");
    });
  }

  @Test
  void smallTablesAndIndexedLookupsAreNotFlagged(Repo repo) {
    assertThat(IndexCheck.above(100_000).check(repo, Posts.query().where(Posts.TITLE.eq("Post 42")))).isEmpty();
    assertThat(IndexCheck.above(10_000).check(repo, Posts.query().where(Posts.ID.eq(42L)))).isEmpty();
  }

  @Test
  void checksTheShapesQueryStatsRecorded(Repo repo) {
    QueryStats stats = new QueryStats();
    repo.withListener(stats).all(Posts.query().where(Posts.TITLE.eq("Post 7")));
    assertThat(IndexCheck.above(10_000).check(repo, stats.ranking()))
        .singleElement().satisfies(a -> assertThat(a.filterColumns()).containsExactly("title"));
  }
}
