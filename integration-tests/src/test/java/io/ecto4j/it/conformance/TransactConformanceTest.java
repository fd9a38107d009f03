package io.ecto4j.it.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.query.Aggregate;
import io.ecto4j.query.Query;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code integration_test/cases/repo.exs} "transact/2" tests, and of
 * {@code Repo.checkout/2}, on PostgreSQL.
 */
@EctoTest
class TransactConformanceTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static Changeset<UserStruct> user(String name) {
    return Changeset.cast(new UserStruct(), Map.of("name", name, "email", name + NAMES.incrementAndGet() + "@example.com"),
        Users.NAME, Users.EMAIL);
  }

  private static List<String> names(Repo repo) {
    return repo.all(Query.from(Users.SCHEMA).orderBy(Users.NAME.asc()).select(Users.NAME));
  }

  /** Ports "transact/2 with function / return ok": Ok commits and is returned. */
  @Test
  void okCommitsAndIsReturned(Repo repo) {
    Result<List<UserStruct>, String> result = repo.transact(() ->
        Result.ok(List.of(repo.insertOrThrow(user("1")), repo.insertOrThrow(user("2")))));
    assertThat(result.orElseThrow()).extracting(UserStruct::name).containsExactly("1", "2");
    assertThat(names(repo)).containsExactly("1", "2");
  }

  /** Ports "transact/2 with function / return error": Err rolls back and is returned. */
  @Test
  void errRollsBackAndIsReturned(Repo repo) {
    Result<Object, String> result = repo.transact(() -> {
      repo.insertOrThrow(user("1"));
      repo.insertOrThrow(user("2"));
      return Result.err("oops");
    });
    assertThat(result).isEqualTo(Result.err("oops"));
    assertThat(names(repo)).isEmpty();
  }

  /** Ports "transact/2 with function / rollback". */
  @Test
  void rollbackInsideEndsItWithErr(Repo repo) {
    Result<Object, Object> result = repo.transact(() -> {
      repo.insertOrThrow(user("1"));
      repo.rollback("oops");
      throw new AssertionError("unreachable");
    });
    assertThat(result).isEqualTo(Result.err("oops"));
    assertThat(names(repo)).isEmpty();
  }

  /** Ports "transact/2 with function / raise error". */
  @Test
  void anExceptionRollsBackAndPropagates(Repo repo) {
    assertThatThrownBy(() -> repo.transact(() -> {
      repo.insertOrThrow(user("1"));
      throw new IllegalStateException("oops");
    })).isInstanceOf(IllegalStateException.class).hasMessage("oops");
    assertThat(names(repo)).isEmpty();
  }

  /** A body returning null instead of a Result is an error, and nothing is written. */
  @Test
  void aNullResultIsAnErrorAndRollsBack(Repo repo) {
    assertThatThrownBy(() -> repo.transact(() -> {
      repo.insertOrThrow(user("1"));
      return null;
    })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("a transact body returns Result.ok(value)");
    assertThat(names(repo)).isEmpty();
  }

  /** Ports "transact/2 with multi / ok" and "… / error". */
  @Test
  void aMultiIsTransactedAsByTransaction(Repo repo) {
    Key<UserStruct> first = Key.named("post1");
    Key<UserStruct> second = Key.named("post2");
    Changes changes = repo.transact(Multi.create().insert(first, user("1")).insert(second, c -> user("2")))
        .orElseThrow();
    assertThat(changes.get(first).name()).isEqualTo("1");
    assertThat(names(repo)).containsExactly("1", "2");

    Result<Changes, MultiFailure> failed = repo.transact(Multi.create().insert(first, user("3"))
        .insert(second, c -> user("4").addError(Users.NAME, "invalid")));
    MultiFailure failure = ((Result.Err<Changes, MultiFailure>) failed).error();
    assertThat(failure.step()).isEqualTo(second);
    assertThat(failure.changeset(second)).hasValueSatisfying(c -> assertThat(c.isValid()).isFalse());
    assertThat(failure.changesSoFar().get(first).name()).isEqualTo("3");
    assertThat(names(repo)).containsExactly("1", "2");
  }

  /** Ecto's {@code Repo.checkout/2}: one connection for every statement, session settings included. */
  @Test
  void checkoutHoldsOneConnectionForItsStatements(TestDatabase db) {
    AtomicInteger borrowed = new AtomicInteger();
    Repo repo = CountingRepos.counting(db, borrowed);
    String setting = repo.checkout(() -> {
      repo.query("SELECT set_config('application_name', 'ecto4j-checkout', false)", List.of(), row -> null);
      repo.insertOrThrow(user("in checkout"));
      assertThat(repo.inTransaction()).isFalse();
      Result<UserStruct, Object> inner = repo.transaction(tx -> repo.insertOrThrow(user("in its transaction")));
      assertThat(inner.isOk()).isTrue();
      return repo.query("SELECT current_setting('application_name')", List.of(), row -> row.getString(1)).get(0);
    });
    assertThat(setting).isEqualTo("ecto4j-checkout");
    assertThat(borrowed).hasValue(1);
    assertThat(names(repo)).containsExactly("in checkout", "in its transaction");
  }

  /** Statements in a checkout commit one by one: a failure later does not undo them. */
  @Test
  void aFailureInACheckoutKeepsWhatCommitted(Repo repo) {
    assertThatThrownBy(() -> repo.checkout(() -> {
      repo.insertOrThrow(user("kept"));
      throw new IllegalStateException("later");
    })).hasMessage("later");
    assertThat(names(repo)).containsExactly("kept");
  }
}
