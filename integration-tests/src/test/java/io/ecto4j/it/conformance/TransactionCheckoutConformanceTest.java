package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.ConstraintException;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of ecto_sql's {@code integration_test/sql/transaction.exs} and {@code sandbox.exs} on
 * exceptions through nested transactions, an undeclared constraint inside one, and checkouts
 * with transactions inside and around them ({@code checkedOut()}, {@code inTransaction()}).
 */
@EctoTest
class TransactionCheckoutConformanceTest {
  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static Changeset<UserStruct> user(String email) {
    return Changeset.cast(new UserStruct(), Map.of("name", "Ada", "email", email), Users.NAME, Users.EMAIL);
  }

  private static long users(Repo repo) {
    return repo.aggregate(Query.from(Users.SCHEMA), Aggregate.count());
  }

  /** Ports transaction.exs "transaction re-raises": the exception thrown two levels down comes out unchanged. */
  @Test
  void anExceptionInANestedTransactionComesOutUnchanged(Repo repo) {
    IllegalStateException unique = new IllegalStateException("unique error");

    assertThatThrownBy(() -> repo.transaction(outer -> {
      repo.insertOrThrow(user("a@example.com"));
      return repo.transaction(inner -> {
        throw unique;
      });
    })).isSameAs(unique);
    assertThat(users(repo)).isZero();
  }

  /**
   * Ports transaction.exs "transaction rolls back with reason on aborted transaction": an
   * undeclared unique violation inside a transaction raises {@code ConstraintException} out of it
   * (Ecto's {@code Ecto.ConstraintError}), and nothing is kept.
   */
  @Test
  void anUndeclaredConstraintViolationRaisesOutOfTheTransaction(Repo repo) {
    repo.insertOrThrow(user("taken@example.com"));

    assertThatThrownBy(() -> repo.transaction(tx -> {
      repo.insertOrThrow(user("new@example.com"));
      return repo.insert(user("taken@example.com"));
    })).isInstanceOf(ConstraintException.class).hasMessageContaining("users_email_index");
    assertThat(users(repo)).isEqualTo(1);
  }

  /**
   * Ports transaction.exs "checkout inside transaction" and sandbox.exs "with checkout inside
   * transaction": inside a transaction a checkout just runs its body, still in the transaction.
   */
  @Test
  void aCheckoutInsideATransactionStaysInIt(Repo repo) {
    List<String> seen = new ArrayList<>();
    seen.add(state(repo));
    repo.transaction(tx -> {
      seen.add(state(repo));
      repo.checkout(() -> seen.add(state(repo)));
      seen.add(state(repo));
      return null;
    });
    seen.add(state(repo));

    assertThat(seen).containsExactly("free", "checked out, in transaction", "checked out, in transaction",
        "checked out, in transaction", "free");
  }

  /**
   * Ports sandbox.exs "with transaction inside checkout": the checkout holds the connection before,
   * during and after the transaction, which alone is in a transaction.
   */
  @Test
  void aTransactionInsideACheckoutUsesItsConnection(Repo repo) {
    List<String> seen = new ArrayList<>();
    seen.add(state(repo));
    repo.checkout(() -> {
      seen.add(state(repo));
      repo.transaction(tx -> seen.add(state(repo)));
      seen.add(state(repo));
      return null;
    });
    seen.add(state(repo));

    assertThat(seen).containsExactly("free", "checked out", "checked out, in transaction", "checked out", "free");
  }

  /**
   * Ports transaction.exs "checkout raises on transaction attempt": a transaction begun by raw SQL
   * inside a checkout is refused when the checkout ends ("connection was checked out with status
   * transaction") and rolled back, so the pool gets the connection back idle.
   */
  @Test
  void aRawBeginInsideACheckoutIsRefusedAndRolledBack(Repo repo) {
    assertThatThrownBy(() -> repo.checkout(() -> {
      repo.query("BEGIN", List.of(), row -> 1);
      return repo.insertOrThrow(user("a@example.com"));
    })).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("connection was checked out with status transaction");

    assertThat(users(repo)).isZero();
    repo.checkout(() -> repo.insertOrThrow(user("b@example.com")));
    assertThat(users(repo)).isEqualTo(1);
  }

  private static String state(Repo repo) {
    if (!repo.checkedOut()) {
      return repo.inTransaction() ? "in transaction without a connection?" : "free";
    }
    return repo.inTransaction() ? "checked out, in transaction" : "checked out";
  }
}
