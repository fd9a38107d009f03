package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.QueryException;
import io.ecto4j.repo.Repo;
import io.ecto4j.repo.TransactionOptions;
import io.ecto4j.repo.TransactionTimeoutException;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A timeout for a whole transaction, Ecto's {@code Repo.transaction(fun, timeout: …)}. */
@EctoTest
class TransactionTimeoutConformanceTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static long users(Repo repo) {
    return repo.aggregate(Query.from(Users.SCHEMA), Aggregate.count());
  }

  private static UserStruct insertUser(Repo repo) {
    return repo.insertOrThrow(Changeset.cast(new UserStruct(), Map.of("name", "Ada", "email", "ada@example.com"),
        Users.NAME, Users.EMAIL));
  }

  /**
   * Ports ecto_sql integration_test/sql/sandbox.exs "disconnects on transaction timeouts": at the
   * deadline the connection is closed, the statement running then stops, nothing is committed,
   * and the call fails saying it timed out (Ecto returns {@code {:error, :rollback}} and logs
   * "timed out"; ecto4j throws, as for every transaction that ends without the caller's rollback).
   */
  @Test
  void aTransactionOutlivingItsTimeoutIsClosedAndRolledBack(Repo repo) {
    assertThatThrownBy(() -> repo.transaction(TransactionOptions.defaults().timeout(Duration.ofMillis(200)), tx -> {
      insertUser(repo);
      return repo.query("SELECT pg_sleep(5)", List.of(), row -> row.getObject(1));
    })).isInstanceOf(TransactionTimeoutException.class)
        .hasMessageStartingWith("the transaction timed out after 200 ms (TransactionOptions.timeout)")
        .cause().isInstanceOf(QueryException.class);

    assertThat(users(repo)).isZero();
    assertThat(repo.query("SELECT 1", List.of(), row -> row.getInt(1))).as("the pool serves a good connection")
        .containsExactly(1);
  }

  /** A transaction that ends in time commits, and its deadline never fires on a pooled connection. */
  @Test
  void aTransactionWithinItsTimeoutCommits(Repo repo) {
    repo.transaction(TransactionOptions.defaults().timeout(Duration.ofSeconds(30)), tx -> insertUser(repo));

    assertThat(users(repo)).isEqualTo(1);
  }
}
