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
import io.ecto4j.repo.Transaction;
import io.ecto4j.repo.TransactionRolledBackException;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of Ecto's {@code test/ecto/multi_test.exs} and the nested-transaction cases of
 * {@code integration_test/sql/transaction.exs}, on PostgreSQL. Each test names the Ecto test it ports.
 */
@EctoTest
class MultiConformanceTest {
  private static final Key<UserStruct> USER = Key.named("user");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static final AtomicInteger EMAILS = new AtomicInteger();

  /** A valid user changeset; each has its own email, so that several can be inserted. */
  private static Changeset<UserStruct> ada() {
    return Changeset.cast(new UserStruct(), Map.of("name", "Ada", "email", "ada" + EMAILS.incrementAndGet() + "@example.com"),
        Users.NAME, Users.EMAIL);
  }

  private static UserStruct stored(Repo repo) {
    return repo.insertOrThrow(ada());
  }

  private static long users(Repo repo) {
    return repo.aggregate(Query.from(Users.SCHEMA), Aggregate.count());
  }

  private static MultiFailure failure(Result<Changes, MultiFailure> result) {
    assertThat(result.isErr()).as("expected Err, got %s", result).isTrue();
    return ((Result.Err<Changes, MultiFailure>) result).error();
  }

  /** Ports "insert changeset", "update changeset", "delete changeset": each stored changeset carries its action. */
  @Test
  void aStoredChangesetCarriesTheStepsAction(Repo repo) {
    UserStruct user = stored(repo);
    Multi multi = Multi.create()
        .insert(USER, ada())
        .update(Key.named("update"), Changeset.change(user))
        .delete(Key.named("delete"), Changeset.change(user));
    assertThat(multi.toList()).extracting(operation -> operation.staticChangeset().action().orElseThrow())
        .containsExactly(Changeset.Action.INSERT, Changeset.Action.UPDATE, Changeset.Action.DELETE);
  }

  /**
   * Ports "insert_or_update changeset will insert the changeset if not loaded" and "… will update
   * the changeset if it was loaded" (a stored struct is one with its primary key).
   */
  @Test
  void insertOrUpdateIsMarkedByWhetherTheStructIsStored(Repo repo) {
    UserStruct user = stored(repo);
    Multi multi = Multi.create()
        .insertOrUpdate(Key.named("new"), ada())
        .insertOrUpdate(Key.named("stored"), Changeset.change(user));
    assertThat(multi.toList()).extracting(operation -> operation.staticChangeset().action().orElseThrow())
        .containsExactly(Changeset.Action.INSERT, Changeset.Action.UPDATE);
  }

  /** Ports "add changeset with invalid action". */
  @Test
  void aChangesetMarkedWithAnotherActionIsRefusedWhenAdded() {
    Changeset<UserStruct> marked = ada().withAction(Changeset.Action.UPDATE);
    assertThatThrownBy(() -> Multi.create().insert(USER, marked))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("you provided a changeset with an action already set to update when trying to insert it");
  }

  /** Ports "Repo.transaction / checks invalid changesets before starting transaction". */
  @Test
  void anInvalidChangesetFailsWithoutATransaction(TestDatabase db) {
    AtomicInteger borrowed = new AtomicInteger();
    Changeset<UserStruct> invalid = ada().validateRequired(Users.AGE);
    MultiFailure failure = failure(CountingRepos.counting(db, borrowed).transaction(Multi.create().insert(USER, invalid)));
    assertThat(failure.step()).isEqualTo(USER);
    assertThat(failure.changeset(USER)).hasValueSatisfying(c -> assertThat(c.isValid()).isFalse());
    assertThat(failure.changesSoFar().asMap()).isEmpty();
    assertThat(borrowed).hasValue(0);
  }

  /** Ports "Repo.transaction / checks error operation before starting transaction". */
  @Test
  void anErrorStepFailsWithoutATransaction(TestDatabase db) {
    AtomicInteger borrowed = new AtomicInteger();
    Key<Object> invalid = Key.named("invalid");
    Multi multi = Multi.create().run(USER, (r, changes) -> Result.ok(r.insertOrThrow(ada()))).error(invalid, "error");
    MultiFailure failure = failure(CountingRepos.counting(db, borrowed).transaction(multi));
    assertThat(failure.step()).isEqualTo(invalid);
    assertThat(failure.value()).isEqualTo("error");
    assertThat(failure.changesSoFar().asMap()).isEmpty();
    assertThat(borrowed).hasValue(0);
  }

  /** Ports "Repo.transaction / with empty multi": Ok with no changes, and no transaction. */
  @Test
  void anEmptyMultiOpensNoTransaction(TestDatabase db) {
    AtomicInteger borrowed = new AtomicInteger();
    assertThat(CountingRepos.counting(db, borrowed).transaction(Multi.create()).orElseThrow().asMap()).isEmpty();
    assertThat(borrowed).hasValue(0);
  }

  /** Ports "Multi.run receives the repo module as the first argument / raises on invalid return" (a null). */
  @Test
  void aRunStepReturningNullIsAnErrorNamingTheStepAndRollsBack(Repo repo) {
    Multi multi = Multi.create().insert(USER, ada()).run(Key.named("check"), (r, changes) -> null);
    assertThatThrownBy(() -> repo.transaction(multi)).isInstanceOf(IllegalStateException.class)
        .hasMessage("expected the Multi step \"check\" to return Result.ok(value) or Result.err(error), got null");
    assertThat(users(repo)).isZero();
  }

  /**
   * Ports "merge/2 / rollbacks on errors in nested function": Ecto raises when a step calls
   * {@code repo.rollback}; here the step and its value are a typed {@code MultiFailure}, and
   * nothing is written (see docs/ecto-differences.md).
   */
  @Test
  void repoRollbackInAStepIsATypedFailureOfThatStep(Repo repo) {
    Key<Object> charge = Key.named("charge");
    Multi multi = Multi.create().insert(USER, ada()).run(charge, (r, changes) -> r.rollback("card declined"));
    MultiFailure failure = failure(repo.transaction(multi));
    assertThat(failure.step()).isEqualTo(charge);
    assertThat(failure.value(charge, String.class)).contains("card declined");
    assertThat(failure.changesSoFar().asMap()).containsOnlyKeys("user");
    assertThat(users(repo)).isZero();
  }

  /** Ports "Repo.transaction / rolls back from run": the failed value, typed by its step's key. */
  @Test
  void theFailedValueIsReadTypedByItsKey(Repo repo) {
    Key<Long> charge = Key.named("charge");
    Multi multi = Multi.create().insert(USER, ada()).run(charge, (r, changes) -> Result.err(402));
    MultiFailure failure = failure(repo.transaction(multi));
    assertThat(failure.value(charge, Integer.class)).contains(402);
    assertThat(failure.value(charge, String.class)).isEmpty();
    assertThat(failure.value(USER, Integer.class)).isEmpty();
    assertThat(failure.changesSoFar().get(USER).name()).isEqualTo("Ada");
    assertThat(users(repo)).isZero();
  }

  /** Ecto's {@code Multi.inspect/2}: the changes so far are shown, and none is added. */
  @Test
  void inspectShowsTheChangesSoFarAndAddsNone(Repo repo) {
    List<Changes> seen = new ArrayList<>();
    Multi multi = Multi.create().insert(USER, ada()).inspect(seen::add).put(Key.named("after"), 1);
    Changes changes = repo.transaction(multi).orElseThrow();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).asMap()).containsOnlyKeys("user");
    assertThat(changes.asMap()).containsOnlyKeys("user", "after");
    assertThat(multi.names()).containsExactly("user", "after");
  }

  /**
   * Ports ecto_sql integration_test/sql/transaction.exs "manual rollback bubbles up on nested
   * transaction": the inner call returns its rollback value, a statement in the outer one then
   * fails at once ("transaction rolling back"), and nothing is written. Ecto's outer call returns
   * {@code {:error, :rollback}}; here it throws {@code TransactionRolledBackException} (see
   * docs/ecto-differences.md).
   */
  @Test
  void aStatementInATransactionDoomedByANestedRollbackFailsAtOnce(Repo repo) {
    List<Throwable> refused = new ArrayList<>();
    assertThatThrownBy(() -> repo.transaction(outer -> {
      repo.insertOrThrow(ada());
      Result<Object, String> inner = repo.transaction((Transaction<String> tx) -> tx.rollback("oops"));
      assertThat(inner).isEqualTo(Result.err("oops"));
      refused.add(catchRefusal(repo));
      return "outer carries on";
    })).isInstanceOf(TransactionRolledBackException.class).hasMessageContaining("oops");
    assertThat(refused).singleElement().satisfies(e -> assertThat(e).isInstanceOf(TransactionRolledBackException.class)
        .hasMessageStartingWith("transaction rolling back: a nested transaction failed with: oops"));
    assertThat(users(repo)).isZero();
  }

  /**
   * Ports ecto_sql integration_test/sql/transaction.exs "nested transaction partial rollback": the
   * inner body throws, the outer catches it and goes on; its next statement fails at once and
   * nothing the inner or outer wrote is kept.
   */
  @Test
  void aStatementAfterACaughtNestedExceptionFailsAtOnce(Repo repo) {
    List<Throwable> refused = new ArrayList<>();
    assertThatThrownBy(() -> repo.transaction(outer -> {
      repo.insertOrThrow(ada());
      try {
        repo.transaction(inner -> {
          repo.insertOrThrow(ada());
          assertThat(users(repo)).isEqualTo(2);
          throw new IllegalStateException("unique error");
        });
      } catch (IllegalStateException expected) {
        // the caller handles it and carries on, as the Ecto test does
      }
      refused.add(catchRefusal(repo));
      return "outer carries on";
    })).isInstanceOf(TransactionRolledBackException.class).hasMessageContaining("unique error");
    assertThat(refused).singleElement().satisfies(e -> assertThat(e).isInstanceOf(TransactionRolledBackException.class)
        .hasMessageStartingWith("transaction rolling back"));
    assertThat(users(repo)).isZero();
  }

  private static Throwable catchRefusal(Repo repo) {
    try {
      repo.insertOrThrow(ada());
      return null;
    } catch (TransactionRolledBackException e) {
      return e;
    }
  }

  /** Ports multi_test.exs "merge/2 / with fun": merge and inspect add no name, so they may repeat. */
  @Test
  void mergeAndInspectStepsHaveNoNameOfTheirOwn(Repo repo) {
    Multi multi = Multi.create().insert(USER, ada()).inspect(changes -> { }).inspect(changes -> { })
        .merge(changes -> Multi.create().put(Key.named("merged"), 1))
        .merge(changes -> Multi.create().put(Key.named("again"), 2));
    assertThat(multi.names()).containsExactly("user");
    assertThat(repo.transaction(multi).orElseThrow().asMap()).containsOnlyKeys("user", "merged", "again");
  }
}
