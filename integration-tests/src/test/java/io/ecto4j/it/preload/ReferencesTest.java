package io.ecto4j.it.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.Player;
import io.ecto4j.it.schemas.PlayerStruct;
import io.ecto4j.it.schemas.Players;
import io.ecto4j.it.schemas.TeamStruct;
import io.ecto4j.it.schemas.Teams;
import io.ecto4j.repo.Repo;
import io.ecto4j.telemetry.QueryEvent;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Associations keyed by a column other than the primary key ({@code references}, {@code foreignKey}),
 * the preload statement's {@code = ANY(?)} over the distinct keys, and {@code onDelete} in the DDL.
 */
@EctoTest(sandbox = true)
class ReferencesTest {
  private final List<QueryEvent> events = new ArrayList<>();
  private Repo repo;
  private TeamStruct red;

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(Teams.DDL);
    db.execute(Players.DDL);
  }

  @BeforeEach
  void seed(DataSource dataSource) {
    Repo plain = Repo.of(dataSource);
    red = plain.insertOrThrow(new TeamStruct().withCode("red"));
    plain.insertOrThrow(new TeamStruct().withCode("blue"));
    for (String name : List.of("Cy", "Ann", "Bo")) {
      plain.insertOrThrow(new PlayerStruct().withName(name).withTeamCode("red"));
    }
    plain.insertOrThrow(new PlayerStruct().withName("Di").withTeamCode("blue"));
    plain.insertOrThrow(new PlayerStruct().withName("Ed"));
    repo = plain.withListener(events::add);
  }

  private List<PlayerStruct> players() {
    return repo.all(Players.query().orderBy(Players.ID.asc()));
  }

  @Test
  void belongsToPreloadsByTheReferencedColumnOverItsDistinctKeys() {
    List<PlayerStruct> players = repo.preload(players(), Players.TEAM);
    assertThat(players).extracting(p -> p.team() == null ? null : p.team().code())
        .containsExactly("red", "red", "red", "blue", null);
    QueryEvent preload = events.get(events.size() - 1);
    assertThat(events).hasSize(2);
    assertThat(preload.sql()).contains("\"code\" = ANY(?)");
    assertThat(preload.parameters()).containsExactly(List.of("red", "blue"));
  }

  @Test
  void hasManyPreloadsAssocAndBuildUseTheReferencedColumn() {
    List<TeamStruct> teams = repo.all(Teams.query().orderBy(Teams.ID.asc()).preload(Teams.PLAYERS));
    assertThat(events).hasSize(2);
    assertThat(teams.get(0).players()).extracting(Player::name).containsExactly("Ann", "Bo", "Cy");
    assertThat(teams.get(1).players()).extracting(Player::name).containsExactly("Di");
    assertThat(repo.all(Teams.PLAYERS.of(red))).extracting(PlayerStruct::name).containsExactly("Ann", "Bo", "Cy");
    assertThat(Teams.PLAYERS.build(red).teamCode()).isEqualTo("red");
  }

  @Test
  void onDeleteNilifyAllIsTheForeignKeysAction() {
    repo.deleteOrThrow(red);
    assertThat(repo.all(Players.query().orderBy(Players.ID.asc()))).extracting(PlayerStruct::teamCode)
        .containsExactly(null, null, null, "blue", null);
  }
}
