package io.ecto4j.it.faults;

import static io.ecto4j.it.faults.FaultServer.backendPid;
import static io.ecto4j.it.schemas.LibrarySchema.author;
import static io.ecto4j.it.schemas.LibrarySchema.authors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ecto4j.it.schemas.Authors;
import io.ecto4j.repo.ClientTimeoutException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backend frozen with SIGSTOP answers nothing, as a hung server or a network that dropped
 * without a reset: no server-side timeout can end the call. The client's socket timeout does,
 * with an exception that says so and names the statement.
 */
class FrozenBackendTest {
  /** Far above the one-second socket timeout: only a call that never ended takes this long. */
  private static final Duration NEVER = Duration.ofSeconds(30);

  @RegisterExtension
  static final FaultServer faults = new FaultServer();


  @BeforeEach
  void empty() throws SQLException {
    faults.empty();
  }

  private static Repo repo() {
    return faults.repo(b -> b.maximumPoolSize(1).socketTimeout(Duration.ofSeconds(1)));
  }

  /**
   * The backend freezes between two statements of one connection. (In a transaction, so that the
   * pool cannot swap the connection: HikariCP checks one idle for more than half a second before
   * handing it out, and would find the frozen one dead and open another, which is fine for the
   * application but would let this test read from a healthy backend.)
   */
  @Test
  void aReadOnAFrozenBackendEndsWithinTheSocketTimeout() {
    try (Repo repo = repo()) {
      int[] pid = new int[1];
      try {
        assertTimeoutPreemptively(NEVER, () -> assertThatThrownBy(() -> repo.transaction(tx -> {
          pid[0] = backendPid(repo);
          faults.server.suspend(pid[0]);
          return repo.all(Authors.query());
        })).isInstanceOfSatisfying(ClientTimeoutException.class, e -> {
          assertThat(e.sql()).startsWith("SELECT");
          assertThat(e).hasMessageContaining("timed out on the client");
        }));
      } finally {
        faults.server.resume(pid[0]);
      }
      assertThat(backendPid(repo)).as("the frozen connection was discarded").isNotEqualTo(pid[0]);
    }
  }

  @Test
  void aTransactionOnAFrozenBackendEndsAndCommitsNothing() {
    try (Repo repo = repo()) {
      int[] pid = new int[1];
      try {
        assertTimeoutPreemptively(NEVER, () -> assertThatThrownBy(() -> repo.transaction(tx -> {
          pid[0] = backendPid(repo);
          repo.insertOrThrow(author("Never committed"));
          faults.server.suspend(pid[0]);
          return repo.insertOrThrow(author("Sent to a frozen backend"));
        })).isInstanceOfSatisfying(ClientTimeoutException.class,
            e -> assertThat(e.sql()).startsWith("INSERT INTO \"authors\"")));
      } finally {
        faults.server.resume(pid[0]);
      }
      assertThat(authors(repo)).isZero();
    }
  }

  @Test
  void aTransactionsLongerStatementTimeoutRaisesTheSocketTimeoutForItsConnectionOnly() {
    try (Repo repo = repo()) {
      TransactionOptions patient = TransactionOptions.defaults().statementTimeout(Duration.ofSeconds(10));
      assertThat(repo.transaction(patient,
          tx -> repo.query("SELECT pg_sleep(2.5)", List.of(), row -> "slept")).orElseThrow()).containsExactly("slept");
      assertThatThrownBy(() -> repo.transaction(
          tx -> repo.query("SELECT pg_sleep(2.5)", List.of(), row -> "slept")))
          .as("the repo's own socket timeout applies again afterwards")
          .isInstanceOf(ClientTimeoutException.class);
    }
  }
}
