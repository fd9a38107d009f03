package io.ecto4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class CandidatesTest {
  @Test
  void parsesAJdbcUrlIntoAServer() {
    PostgresServer server =
        Candidates.parse("jdbc:postgresql://db.example:6543/admin?user=me&password=p%40ss&ssl=true");

    assertThat(server.hostUrl()).isEqualTo("jdbc:postgresql://db.example:6543");
    assertThat(server.adminDatabase()).isEqualTo("admin");
    assertThat(server.user()).isEqualTo("me");
    assertThat(server.password()).isEqualTo("p@ss");
    assertThat(server.url("ecto4j_test_1"))
        .isEqualTo("jdbc:postgresql://db.example:6543/ecto4j_test_1?user=me&password=p%40ss&ssl=true");
  }

  @Test
  void aUrlWithoutDatabaseUsesPostgres() {
    PostgresServer server = Candidates.parse("jdbc:postgresql://localhost/");

    assertThat(server.adminDatabase()).isEqualTo("postgres");
    assertThat(server.user()).isNull();
    assertThat(server.url("x")).isEqualTo("jdbc:postgresql://localhost/x");
  }

  @Test
  void rejectsWhatIsNotAPostgresJdbcUrl() {
    assertThatThrownBy(() -> Candidates.parse("postgres://u:secret@localhost/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("[BadDatabaseUrl] postgres://u:secret@localhost/db is not");
    assertThatThrownBy(() -> Candidates.parse("jdbc:mysql://localhost/db?password=secret"))
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret");
  }

  @Test
  void theLocalServerAnswers() throws Exception {
    PostgresServer server = Candidates.local("127.0.0.1", 5432).starter().start();

    assertThat(server.url("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
  }

  @Test
  void withoutDockerTheContainerCandidateSaysSo() {
    assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine is running");

    assertThatThrownBy(() -> Candidates.container().starter().start())
        .isInstanceOf(Candidate.Unavailable.class)
        .hasMessage("no Docker engine is available");
  }

  /** The one test that starts an embedded PostgreSQL (zonky): it takes a few seconds. */
  @Test
  void theEmbeddedCandidateStartsAPostgresql() throws Exception {
    PostgresServer server = Candidates.embedded().starter().start();
    try (TestDatabase db = TestDatabase.create(server)) {
      db.execute("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('from zonky')");

      assertThat(server.origin()).isEqualTo("embedded (zonky)");
      assertThat(db.jdbcUrl()).doesNotContain(":5432/");
      assertThat(LocalPostgres.strings(db.dataSource(), "SELECT body FROM notes"))
          .containsExactly("from zonky");
      assertThat(LocalPostgres.strings(db.dataSource(), "SHOW server_version")).hasSize(1);
    } finally {
      server.stop().close();
    }
  }
}
