package io.ecto4j.it.query;

import static io.ecto4j.query.Functions.denseRank;
import static io.ecto4j.query.Functions.lag;
import static io.ecto4j.query.Functions.lead;
import static io.ecto4j.query.Functions.rank;
import static io.ecto4j.query.Functions.rowNumber;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.BlogSchema;
import io.ecto4j.it.schemas.Posts;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Constructors;
import io.ecto4j.query.Query;
import io.ecto4j.query.Window;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Window functions: row_number, rank, dense_rank, lag, lead and aggregates over a window. */
@EctoTest(sandbox = true)
class WindowTest {

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    BlogSchema.create(db);
  }

  @BeforeEach
  void seed(Repo repo) {
    BlogData.seed(repo);
    repo.insertOrThrow(BlogData.post("Ten Again", true, 10, 5));
  }

  record Ranked(String title, long row, long rank, long dense, Integer previous, Integer next, BigDecimal total) {}

  @Test
  void windowFunctions(Repo repo) {
    Window byViews = Window.orderedBy(Posts.VIEW_COUNT.asc(), Posts.TITLE.asc());
    Window sameRank = Window.orderedBy(Posts.VIEW_COUNT.asc());
    Constructors.Of7<String, Long, Long, Long, Integer, Integer, BigDecimal, Ranked> ranked = Ranked::new;
    Query<Ranked> query = Posts.query().orderBy(Posts.VIEW_COUNT.asc(), Posts.TITLE.asc()).select(ranked,
        Posts.TITLE,
        rowNumber().over(byViews),
        rank().over(sameRank),
        denseRank().over(sameRank),
        lag(Posts.VIEW_COUNT).over(byViews),
        lead(Posts.VIEW_COUNT).over(byViews),
        Aggregate.sum(Posts.VIEW_COUNT).over(Window.empty()));
    List<Ranked> rows = repo.all(query);
    BigDecimal total = new BigDecimal(310);
    assertThat(rows).containsExactly(
            new Ranked("Draft", 1, 1, 1, null, 10, total),
            new Ranked("Hello World", 2, 2, 2, 0, 10, total),
            new Ranked("Ten Again", 3, 2, 2, 10, 40, total),
            new Ranked("Phoenix Tips", 4, 4, 3, 10, 250, total),
            new Ranked("Ecto Guide", 5, 5, 4, 40, null, total));
  }

  @Test
  void partitionsAndRunningTotals(Repo repo) {
    Window perAuthor = Window.partitionBy(Posts.AUTHOR_ID).orderBy(Posts.VIEW_COUNT.desc());
    Query<Long> placeByAuthor = Posts.query().where(Posts.AUTHOR_ID.isNotNull()).orderBy(Posts.ID.asc())
        .select(rowNumber().over(perAuthor));
    assertThat(repo.all(placeByAuthor)).containsExactly(2L, 1L, 1L);
    Query<BigDecimal> running = Posts.query().orderBy(Posts.INSERTED_AT.asc())
        .select(Aggregate.sum(Posts.VIEW_COUNT).over(Window.orderedBy(Posts.INSERTED_AT.asc())));
    assertThat(repo.all(running)).extracting(BigDecimal::intValue).containsExactly(10, 260, 300, 300, 310);
  }
}
