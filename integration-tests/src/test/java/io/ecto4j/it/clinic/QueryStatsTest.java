package io.ecto4j.it.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecto4j.clinic.PgStatStatements;
import io.ecto4j.clinic.QueryStats;
import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.PostStruct;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runbook step 1: rank statement shapes by frequency and percentiles. */
@EctoTest(sandbox = true)
class QueryStatsTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @Test
  void ranksShapesByCountAndTime(Repo repo) {
    QueryStats stats = new QueryStats();
    Repo observed = repo.withListener(stats);
    for (int i = 0; i < 10; i++) {
      observed.insertOrThrow(new PostStruct().withTitle("Post " + i).withBody("Body"));
    }
    for (int i = 0; i < 30; i++) {
      observed.all(Posts.query().where(Posts.TITLE.eq("Post " + (i % 10))));
    }

    List<QueryStats.Shape> ranking = stats.ranking();
    assertThat(ranking).hasSize(2);
    QueryStats.Shape select = ranking.stream().filter(s -> s.source().equals("SELECT posts")).findFirst().orElseThrow();
    assertThat(select.count()).isEqualTo(30);
    assertThat(select.rows()).isEqualTo(30);
    assertThat(select.p50Ms()).isLessThanOrEqualTo(select.p95Ms());
    assertThat(select.p95Ms()).isLessThanOrEqualTo(select.p99Ms());
    assertThat(select.sampleParameters()).hasSize(1);
    assertThat(ranking.stream().filter(s -> s.source().equals("INSERT posts")).findFirst().orElseThrow().count())
        .isEqualTo(10);
    String table = QueryStats.table(ranking, 10);
    assertThat(table).contains("count", "p95 ms", "SELECT posts", "INSERT posts");
  }

  @Test
  void saysClearlyWhetherPgStatStatementsIsAvailable(Repo repo) {
    PgStatStatements.Availability availability = PgStatStatements.availability(repo);
    if (availability.available()) {
      assertThat(PgStatStatements.ranking(repo, 5)).isNotNull();
    } else {
      assertThat(availability.reason()).contains("pg_stat_statements").contains("shared_preload_libraries");
      assertThatThrownBy(() -> PgStatStatements.ranking(repo, 5)).hasMessage(availability.reason());
    }
  }

  @Test
  void readsTheRankingFromPgStatStatementsWhenLoaded(Repo repo) {
    assumeTrue(PgStatStatements.availability(repo).available(), "pg_stat_statements is not loaded on this server");
    repo.query("SELECT count(*) FROM posts", List.of(), row -> row.getLong(1));
    assertThat(PgStatStatements.ranking(repo, 50)).isNotEmpty();
  }
}
