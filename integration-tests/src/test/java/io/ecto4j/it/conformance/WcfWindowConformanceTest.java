package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.exists;
import static io.ecto4j.query.Functions.lag;
import static io.ecto4j.query.Functions.nthValue;
import static io.ecto4j.query.Functions.rank;
import static io.ecto4j.query.Functions.value;
import static io.ecto4j.query.Functions.windowFragment;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.WcfScoreStruct;
import io.ecto4j.it.schemas.WcfScores;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Frame;
import io.ecto4j.query.Query;
import io.ecto4j.query.Tuple2;
import io.ecto4j.query.Window;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Window frames, named windows and window functions of issue #18, run on PostgreSQL. */
@EctoTest(sandbox = true)
class WcfWindowConformanceTest {
  private static final Query<WcfScoreStruct> BY_ROUND = WcfScores.query().where(WcfScores.PLAYER.eq("ann"));

  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(WcfScores.DDL);
    db.execute("CREATE AGGREGATE wcf_product(int) (SFUNC = int4mul, STYPE = int, INITCOND = '1')");
  }

  /** Ann scores 2^round in rounds 0 to 6; Bob scores 1 in rounds 0 and 1. */
  @BeforeEach
  void insertScores(Repo repo) {
    List<WcfScoreStruct> rows = new ArrayList<>();
    for (int round = 0; round <= 6; round++) {
      rows.add(new WcfScoreStruct().withPlayer("ann").withRound(round).withPoints(1 << round));
    }
    rows.add(new WcfScoreStruct().withPlayer("bob").withRound(0).withPoints(1));
    rows.add(new WcfScoreStruct().withPlayer("bob").withRound(1).withPoints(1));
    repo.insertAll(WcfScores.SCHEMA, rows);
  }

  private static List<Integer> sums(Repo repo, Window window) {
    Query<Tuple2<Integer, BigDecimal>> query = BY_ROUND.window("w", window)
        .select(WcfScores.ROUND, Aggregate.sum(WcfScores.POINTS).over("w")).orderBy(WcfScores.ROUND.asc());
    return repo.all(query).stream().map(t -> t.second() == null ? null : t.second().intValueExact()).toList();
  }

  /**
   * Ports ecto integration_test/cases/windows.exs "frame": a moving sum over a named window whose
   * frame is SQL text with bound offsets, then two frames without; and the same frames typed.
   */
  @Test
  void framesChooseTheRowsASumSees(Repo repo) {
    Window byRound = Window.orderedBy(WcfScores.ROUND.asc());
    assertThat(sums(repo, byRound.frame("ROWS BETWEEN ? PRECEDING AND ? FOLLOWING", value(1L), value(1L))))
        .containsExactly(3, 7, 14, 28, 56, 112, 96);
    assertThat(sums(repo, byRound.frame("ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING")))
        .containsExactly(126, 124, 120, 112, 96, 64, null);
    assertThat(sums(repo, byRound.frame("ROWS CURRENT ROW"))).containsExactly(1, 2, 4, 8, 16, 32, 64);
    assertThat(sums(repo, byRound.frame(Frame.rowsBetween(Frame.preceding(1), Frame.following(1)))))
        .containsExactly(3, 7, 14, 28, 56, 112, 96);
    assertThat(sums(repo, byRound.frame(Frame.rowsBetween(Frame.following(1), Frame.unboundedFollowing()))))
        .containsExactly(126, 124, 120, 112, 96, 64, null);
    assertThat(sums(repo, byRound.frame(Frame.rows(Frame.currentRow())))).containsExactly(1, 2, 4, 8, 16, 32, 64);
    // everything up to the row, but the row itself
    assertThat(sums(repo, byRound.frame(Frame.rows(Frame.unboundedPreceding()).exclude(Frame.Exclusion.CURRENT_ROW))))
        .containsExactly(null, 1, 3, 7, 15, 31, 63);
    // RANGE by the round's value, GROUPS by peers: distinct rounds make them ROWS here
    assertThat(sums(repo, byRound.frame(Frame.rangeBetween(Frame.preceding(1), Frame.currentRow()))))
        .containsExactly(1, 3, 6, 12, 24, 48, 96);
    assertThat(sums(repo, byRound.frame(Frame.groupsBetween(Frame.currentRow(), Frame.following(1)))))
        .containsExactly(3, 6, 12, 24, 48, 96, 64);
  }

  /**
   * Ports ecto integration_test/cases/windows.exs "over" and ecto_sql postgres_test.exs "count over
   * window": a count over nothing, over a partition, and over a named window.
   */
  @Test
  void countOverAPartitionOrANamedWindow(Repo repo) {
    Query<WcfScoreStruct> rows = WcfScores.query().orderBy(WcfScores.ID.asc());
    assertThat(repo.all(rows.select(Aggregate.count(WcfScores.ID).over(Window.empty())))).containsOnly(9L);
    Window byPlayer = Window.partitionBy(WcfScores.PLAYER);
    assertThat(repo.all(rows.select(Aggregate.count(WcfScores.ID).over(byPlayer))))
        .containsExactly(7L, 7L, 7L, 7L, 7L, 7L, 7L, 2L, 2L);
    assertThat(repo.all(rows.window("w", byPlayer).select(Aggregate.count(WcfScores.ID).over("w"))))
        .containsExactly(7L, 7L, 7L, 7L, 7L, 7L, 7L, 2L, 2L);
    // two windows, each used by name
    Query<Tuple2<Long, Long>> two = rows.window("p", byPlayer).window("r", Window.partitionBy(WcfScores.ROUND))
        .select(Aggregate.count().over("p"), Aggregate.count().over("r"));
    assertThat(repo.all(two).get(0)).isEqualTo(new Tuple2<>(7L, 2L));
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / nth_value over all", "lag/2 over all"
   * and "custom aggregation over all": an aggregate created with CREATE AGGREGATE, over a window.
   */
  @Test
  void nthValueLagAndACustomAggregate(Repo repo) {
    Window byRound = Window.orderedBy(WcfScores.ROUND.asc());
    Query<WcfScoreStruct> ann = BY_ROUND.orderBy(WcfScores.ROUND.asc());
    assertThat(repo.all(ann.select(nthValue(WcfScores.POINTS, 3).over(byRound))))
        .containsExactly(null, null, 4, 4, 4, 4, 4);
    assertThat(repo.all(ann.select(lag(WcfScores.POINTS, 2).over(byRound))))
        .containsExactly(null, null, 1, 2, 4, 8, 16);
    assertThat(repo.all(ann.select(windowFragment(Types.INTEGER, "wcf_product(?)", WcfScores.POINTS)
        .over(byRound.frame(Frame.rowsBetween(Frame.preceding(1), Frame.currentRow()))))))
        .containsExactly(1, 2, 8, 32, 128, 512, 2048);
  }

  /**
   * Ports ecto_sql postgres_test.exs "windows and partitions / window with subquery": a window ordered
   * by a correlated subquery, so that rounds someone else also played come first.
   */
  @Test
  void aWindowOrderedByACorrelatedSubquery(Repo repo) {
    Alias<WcfScoreStruct> other = Alias.of(WcfScores.SCHEMA, "other");
    Alias<WcfScoreStruct> mine = Alias.of(WcfScores.SCHEMA, "mine");
    Query<Long> shared = Query.from(other).where(other.field(WcfScores.ROUND).eq(mine.field(WcfScores.ROUND))
        .and(other.field(WcfScores.PLAYER).ne(mine.field(WcfScores.PLAYER)))).select(other.field(WcfScores.ID));
    Query<Tuple2<Integer, Long>> query = Query.from(mine).where(mine.field(WcfScores.PLAYER).eq("ann"))
        .window("w", Window.orderedBy(exists(shared).desc(), mine.field(WcfScores.ROUND).asc()))
        .select(mine.field(WcfScores.ROUND), rank().over("w")).orderBy(mine.field(WcfScores.ROUND).asc());
    assertThat(repo.all(query)).extracting(Tuple2::second).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    Query<Tuple2<Integer, Long>> partitioned = Query.from(mine).where(mine.field(WcfScores.PLAYER).eq("ann"))
        .select(mine.field(WcfScores.ROUND), Aggregate.count().over(Window.partitionBy(exists(shared))))
        .orderBy(mine.field(WcfScores.ROUND).asc());
    assertThat(repo.all(partitioned)).extracting(Tuple2::second).containsExactly(2L, 2L, 5L, 5L, 5L, 5L, 5L);
  }
}
