package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.it.schemas.RpTokenStruct;
import io.ecto4j.it.schemas.RpTokens;
import io.ecto4j.it.schemas.UuUserStruct;
import io.ecto4j.it.schemas.UuUsers;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A belongs_to by a UUID key, preloaded on PostgreSQL. */
@EctoTest(sandbox = true)
class UuidPreloadConformanceTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    db.execute(RpTokens.DDL);
    db.execute(UuUsers.DDL);
  }

  /** Ports preload.exs "preload with binary_id": the parent found by its generated UUID key. */
  @Test
  void preloadWithBinaryId(Repo repo) {
    RpTokenStruct custom = repo.insertOrThrow(new RpTokenStruct().withUuid(UUID.randomUUID()));
    UuUserStruct user = repo.insertOrThrow(new UuUserStruct().withName("u").withCustomId(custom.bid()));

    UuUserStruct preloaded = repo.preload(user, UuUsers.CUSTOM);
    assertThat(preloaded.custom().bid()).isEqualTo(custom.bid());
    assertThat(repo.preload(repo.all(UuUsers.query()), UuUsers.CUSTOM))
        .singleElement().satisfies(u -> assertThat(u.custom().uuid()).isEqualTo(custom.uuid()));
  }
}
