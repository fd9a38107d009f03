package io.ecto4j.it.conformance;

import static io.ecto4j.query.Functions.constant;
import static io.ecto4j.query.Functions.fragment;
import static io.ecto4j.query.Functions.identifier;
import static io.ecto4j.query.Functions.splice;
import static io.ecto4j.query.Functions.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.WcfScoreStruct;
import io.ecto4j.it.schemas.WcfScores;
import io.ecto4j.query.Condition;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import io.ecto4j.type.Types;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fragment modifiers of issue #18 on PostgreSQL: identifier, constant, splice, and Unicode text. */
@EctoTest(sandbox = true)
class WcfFragmentConformanceTest {
  @BeforeAll
  static void createTables(TestDatabase db) throws SQLException {
    db.execute(WcfScores.DDL);
  }

  @BeforeEach
  void insertScores(Repo repo) {
    repo.insertAll(WcfScores.SCHEMA, List.of(
        new WcfScoreStruct().withPlayer("b").withRound(1).withPoints(1),
        new WcfScoreStruct().withPlayer("B").withRound(2).withPoints(2),
        new WcfScoreStruct().withPlayer("a").withRound(3).withPoints(3),
        new WcfScoreStruct().withPlayer("héllò").withRound(4).withPoints(4)));
  }

  /** Ports ecto query_test.exs "fragment/1 / supports identifiers": a collation named at run time. */
  @Test
  void anIdentifierNamesACollation(Repo repo) {
    Query<String> players = WcfScores.query().where(WcfScores.ROUND.le(3)).select(WcfScores.PLAYER);
    // byte order: upper case first
    assertThat(repo.all(players.orderBy(fragment(Types.TEXT, "? COLLATE ?", WcfScores.PLAYER, identifier("C")).asc())))
        .containsExactly("B", "a", "b");
  }

  /** Ports ecto query_test.exs "fragment/1 / supports constants": literals where a value is written into the SQL. */
  @Test
  void constantsAreLiterals(Repo repo) {
    Query<String> query = WcfScores.query().where(Condition.fragment("? < ?", WcfScores.ROUND, constant(2)))
        .select(fragment(Types.TEXT, "? || ?", WcfScores.PLAYER, constant("'s")));
    assertThat(query.toSql().values()).isEmpty();
    assertThat(repo.all(query)).containsExactly("b's");
  }

  /**
   * Ports ecto query_test.exs "fragment/1 / supports interpolated list splicing" and "… with nested
   * splicing": values and expressions in the place of one ?, bound in order.
   */
  @Test
  void splicedValuesStandInPlaceOfOnePlaceholder(Repo repo) {
    Query<Integer> rounds = WcfScores.query().where(Condition.fragment("? IN (?,?,?)", WcfScores.ROUND, value(1),
        splice(List.of(2), Types.INTEGER), value(9))).select(WcfScores.ROUND).orderBy(WcfScores.ROUND.asc());
    assertThat(repo.all(rounds)).containsExactly(1, 2);
    Query<Integer> nested = WcfScores.query().where(Condition.fragment("? IN (?)", WcfScores.ROUND,
        splice(constant(1), splice(List.of(3, 4), Types.INTEGER)))).select(WcfScores.ROUND).orderBy(WcfScores.ROUND.asc());
    assertThat(repo.all(nested)).containsExactly(1, 3, 4);
  }

  /** Ports ecto query_test.exs "fragment/1 / keeps UTF-8 encoding": Unicode in the fragment's own text. */
  @Test
  void unicodeInTheFragmentText(Repo repo) {
    assertThat(repo.all(WcfScores.query().where(Condition.fragment("? = 'héllò'", WcfScores.PLAYER))
        .select(fragment(Types.TEXT, "? || ' ✓'", WcfScores.PLAYER)))).containsExactly("héllò ✓");
  }
}
