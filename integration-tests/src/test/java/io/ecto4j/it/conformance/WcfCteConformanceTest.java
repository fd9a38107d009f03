package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.it.schemas.WcfScoreStruct;
import io.ecto4j.it.schemas.WcfScores;
import io.ecto4j.query.Alias;
import io.ecto4j.query.Cte;
import io.ecto4j.query.Lock;
import io.ecto4j.query.Query;
import io.ecto4j.query.Update;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CTEs of issue #18 on PostgreSQL: materialized, SQL text, several, in unions, data-modifying, in bulk writes. */
@EctoTest(sandbox = true)
class WcfCteConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(WcfScores.DDL);
  }

  /** Rounds 1 to 5 of ann (points = round) and of bob (points = 10 × round). */
  @BeforeEach
  void insertScores(Repo repo) {
    List<WcfScoreStruct> rows = new ArrayList<>();
    for (int round = 1; round <= 5; round++) {
      rows.add(new WcfScoreStruct().withPlayer("ann").withRound(round).withPoints(round));
      rows.add(new WcfScoreStruct().withPlayer("bob").withRound(round).withPoints(10 * round));
    }
    repo.insertAll(WcfScores.SCHEMA, rows);
  }

  private static Query<WcfScoreStruct> of(String player) {
    return WcfScores.query().where(WcfScores.PLAYER.eq(player));
  }

  /**
   * Ports ecto_sql postgres_test.exs "materialized CTE" and "not materialized CTE": PostgreSQL takes
   * both and the rows are the same.
   */
  @Test
  void materializedOrNotTheRowsAreTheSame(Repo repo) {
    Cte<WcfScoreStruct> high = Cte.of("high", WcfScores.query().where(WcfScores.POINTS.gt(20)));
    for (Cte<WcfScoreStruct> cte : List.of(high, high.materialized(), high.notMaterialized())) {
      assertThat(repo.all(Query.from(cte).select(WcfScores.POINTS).orderBy(WcfScores.POINTS.asc())))
          .containsExactly(30, 40, 50);
    }
  }

  /**
   * Ports ecto_sql postgres_test.exs "fragment CTE" (with recursion) and ecto cte_test.exs "multiple
   * CTEs" and "overrides existing CTE by name": CTEs of SQL text, read through an alias's columns.
   */
  @Test
  void ctesOfSqlTextSeveralAndReplaced(Repo repo) {
    Cte<Void> counting = Cte.fragment("counting",
        "SELECT 1 AS n UNION ALL SELECT n + 1 FROM counting WHERE n < ?", value(3)).withRecursive();
    Alias<Void> c = Alias.of(counting, "c");
    Query<Integer> rounds = of("ann").with(counting).join(c, c.column("n", Types.INTEGER).eq(WcfScores.ROUND))
        .select(WcfScores.ROUND).orderBy(WcfScores.ROUND.asc());
    assertThat(repo.all(rounds)).containsExactly(1, 2, 3);
    Cte<Void> bob = Cte.fragment("bob", "SELECT round FROM wcf_scores WHERE player = 'bob' AND points > ?", value(35));
    Alias<Void> b = Alias.of(bob, "b");
    Query<Integer> both = rounds.with(bob).join(b, b.column("round", Types.INTEGER).eq(WcfScores.ROUND));
    assertThat(both.toSql().text()).startsWith("WITH RECURSIVE \"counting\" AS (").contains("), \"bob\" AS (");
    assertThat(repo.all(both)).isEmpty();
    // the same name again replaces the CTE in place
    Query<Integer> replaced = both.with(Cte.fragment("counting", "SELECT generate_series(1, 5) AS n"));
    assertThat(repo.all(replaced)).containsExactly(4, 5);
  }

  /** Ports ecto_sql postgres_test.exs "reference CTE in union": both operands join the one CTE. */
  @Test
  void bothSidesOfAUnionReadTheCte(Repo repo) {
    Cte<Map<String, Object>> late = Cte.of("late", WcfScores.query().where(WcfScores.ROUND.ge(4))
        .select(Map.of("round", WcfScores.ROUND)));
    Alias<Map<String, Object>> l1 = Alias.of(late, "l");
    Alias<Map<String, Object>> l2 = Alias.of(late, "l");
    Query<Integer> ann = of("ann").join(l1, l1.column("round", Types.INTEGER).eq(WcfScores.ROUND)).select(WcfScores.POINTS);
    Query<Integer> bob = of("bob").join(l2, l2.column("round", Types.INTEGER).eq(WcfScores.ROUND)).select(WcfScores.POINTS);
    assertThat(repo.all(ann.union(bob).with(late))).containsExactlyInAnyOrder(4, 5, 40, 50);
  }

  /**
   * Ports ecto_sql postgres_test.exs "CTE with update statement": an UPDATE … RETURNING and a DELETE
   * … RETURNING as CTEs; PostgreSQL runs them once, and the query reads the rows they return.
   */
  @Test
  void dataModifyingCtesWriteAndReturnTheirRows(Repo repo) {
    Cte<Map<String, Object>> raised = Cte.updateAll("raised", of("ann").where(WcfScores.ROUND.le(2))
        .select(Map.of("id", WcfScores.ID, "points", WcfScores.POINTS)), Update.inc(WcfScores.POINTS, 100));
    List<Integer> points = repo.all(Query.from(raised).select(Query.column("points", Types.INTEGER))
        .orderBy(Query.column("points", Types.INTEGER).asc()));
    assertThat(points).containsExactly(101, 102);
    assertThat(repo.all(of("ann").select(WcfScores.POINTS).orderBy(WcfScores.ROUND.asc()))).containsExactly(101, 102, 3, 4, 5);

    Cte<WcfScoreStruct> removed = Cte.deleteAll("removed", of("bob").where(WcfScores.ROUND.gt(3)));
    List<WcfScoreStruct> gone = repo.all(Query.from(removed).orderBy(WcfScores.ROUND.asc()));
    assertThat(gone).extracting(WcfScoreStruct::points).containsExactly(40, 50);
    assertThat(repo.all(of("bob").select(WcfScores.ROUND))).containsExactlyInAnyOrder(1, 2, 3);
    // below the top level it is refused before PostgreSQL sees it
    assertThatThrownBy(() -> repo.all(WcfScores.query().where(WcfScores.ID.in(Query.from(removed).select(WcfScores.ID)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CTE \"removed\" is a data-modifying statement");
  }

  /**
   * Ports ecto_sql postgres_test.exs "CTE update_all" and "CTE delete_all", and ecto planner_test.exs
   * "plan: CTEs / on update_all" and "… on delete_all": the CTE picks and locks the rows to write.
   */
  @Test
  void updateAllAndDeleteAllReadACte(Repo repo) {
    Cte<Map<String, Object>> target = Cte.of("target_rows", WcfScores.query().orderBy(WcfScores.POINTS.desc()).limit(2)
        .lock(Lock.forUpdate().skipLocked()).select(Map.of("id", WcfScores.ID)));
    Alias<Map<String, Object>> t = Alias.of(target, "t");
    Query<WcfScoreStruct> targeted = WcfScores.query().with(target).join(t, t.column("id", Types.LONG).eq(WcfScores.ID));
    List<WcfScoreStruct> updated = repo.updateAllReturning(targeted, Update.set(WcfScores.NOTE, "top"));
    assertThat(updated).extracting(WcfScoreStruct::points).containsExactlyInAnyOrder(40, 50);
    assertThat(repo.all(WcfScores.query().where(WcfScores.NOTE.eq("top")).select(WcfScores.POINTS)))
        .containsExactlyInAnyOrder(40, 50);
    assertThat(repo.deleteAll(targeted.where(WcfScores.PLAYER.eq("bob")))).isEqualTo(2);
    assertThat(repo.all(WcfScores.query().select(WcfScores.POINTS).orderBy(WcfScores.POINTS.desc()).limit(1)))
        .containsExactly(30);
  }
}
