package io.ecto4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.testing.EctoTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A timeout under a millisecond is enforced as one millisecond. It used to become
 * {@code SET LOCAL statement_timeout = 0}, which PostgreSQL reads as "no timeout at all".
 */
@EctoTest(schema = "CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counters VALUES (1, 0)")
class SubMillisecondTimeoutsTest {

  @Test
  void aStatementTimeoutOfAFractionOfAMillisecondCancelsALongStatement(Repo repo) {
    TransactionOptions options = TransactionOptions.defaults().statementTimeout(Duration.ofNanos(300_000));
    assertThatThrownBy(() -> repo.transaction(options,
        tx -> repo.query("SELECT pg_sleep(2)", List.of(), row -> row.getString(1))))
        .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"))
        .hasMessageContaining("statement timeout");
  }

  @Test
  void aLockTimeoutOfAFractionOfAMillisecondGivesUpOnAHeldLock(Repo repo, DataSource dataSource) throws Exception {
    try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
      holder.setAutoCommit(false);
      lock.execute("SELECT * FROM counters WHERE id = 1 FOR UPDATE");
      TransactionOptions options = TransactionOptions.defaults().lockTimeout(Duration.ofNanos(100_000));
      assertThatThrownBy(() -> repo.transaction(options,
          tx -> repo.query("UPDATE counters SET n = n + 1 WHERE id = 1", List.of(), row -> 0)))
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.sqlState()).isEqualTo("55P03"));
      holder.rollback();
    }
  }
}
