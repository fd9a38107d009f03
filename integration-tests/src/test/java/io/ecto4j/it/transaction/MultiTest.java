package io.ecto4j.it.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.it.schemas.AuditLogs;
import io.ecto4j.it.schemas.Profiles;
import io.ecto4j.it.schemas.ShopSchema;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.meta.Table;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ecto.Multi: the lesson's register_user, every step kind, and every failure path. */
@EctoTest
class MultiTest {
  private static final Map<String, Object> ADA = Map.of("name", "Ada", "email", "ada@example.com", "password", "correct horse");

  @BeforeAll
  static void tables(TestDatabase db) throws SQLException {
    ShopSchema.create(db);
  }

  @BeforeEach
  void empty(TestDatabase db) throws SQLException {
    ShopSchema.truncate(db);
  }

  private static long count(Repo repo, Table<?> table) {
    return repo.aggregate(Query.from(table), Aggregate.count());
  }

  private static MultiFailure failure(Result<Changes, MultiFailure> result) {
    assertThat(result.isErr()).as("expected Err, got %s", result).isTrue();
    return ((Result.Err<Changes, MultiFailure>) result).error();
  }

  @Test
  void registerUserInsertsUserProfileAndAuditLog(Repo repo) {
    Result<Changes, MultiFailure> result = repo.transaction(Accounts.registration(ADA));
    Changes changes = result.orElseThrow();
    UserStruct user = changes.get(Accounts.USER);
    assertThat(user.id()).isNotNull();
    assertThat(changes.get(Accounts.PROFILE).userId()).isEqualTo(user.id());
    assertThat(changes.get(Accounts.PROFILE).displayName()).isEqualTo("Ada");
    assertThat(changes.get(Accounts.AUDIT_LOG).metadata()).containsEntry("email", "ada@example.com");
    assertThat(changes.asMap()).containsOnlyKeys("user", "profile", "audit_log");
    assertThat(count(repo, AuditLogs.SCHEMA)).isEqualTo(1);
  }

  @Test
  void anInvalidEmailReturnsTheUserChangesetAndWritesNothing(Repo repo) {
    Result<UserStruct, Object> result = Accounts.registerUser(repo, Map.of("name", "Ada", "email", "bad-email", "password", "correct horse"));
    assertThat(result.isErr()).isTrue();
    @SuppressWarnings("unchecked")
    Changeset<UserStruct> changeset = (Changeset<UserStruct>) ((Result.Err<UserStruct, Object>) result).error();
    assertThat(changeset.errors()).containsExactly(new ChangesetError("email", "must be a valid email", Map.of("validation", "format")));
    assertThat(changeset.action()).contains(Changeset.Action.INSERT);
    assertThat(count(repo, Users.SCHEMA)).isZero();
  }

  @Test
  void aDuplicateEmailFailsAtTheUserStepAfterTheTransactionStarted(Repo repo) {
    repo.transaction(Accounts.registration(ADA)).orElseThrow();
    MultiFailure failure = failure(repo.transaction(Accounts.registration(ADA)));
    assertThat(failure.step()).isEqualTo(Accounts.USER);
    assertThat(failure.changeset(Accounts.USER).orElseThrow().errors().get(0).message()).isEqualTo("has already been taken");
    assertThat(failure.changesSoFar().asMap()).isEmpty();
    assertThat(count(repo, Users.SCHEMA)).isEqualTo(1);
  }

  @Test
  void aLaterFailureRollsBackEarlierSteps(Repo repo) {
    Key<Object> audit = Key.named("audit");
    Multi multi = Accounts.registration(ADA).run(audit, (r, changes) -> Result.err("audit service down"));
    MultiFailure failure = failure(repo.transaction(multi));
    assertThat(failure.step()).isEqualTo(audit);
    assertThat(failure.value()).isEqualTo("audit service down");
    assertThat(failure.changesSoFar().asMap()).containsOnlyKeys("user", "profile", "audit_log");
    assertThat(count(repo, Users.SCHEMA)).isZero();
    assertThat(count(repo, Profiles.SCHEMA)).isZero();
  }

  @Test
  void anExceptionInTheMiddleRollsBackAndPropagates(Repo repo) {
    Multi multi = Accounts.registration(ADA).run(Key.named("explode"), (r, changes) -> {
      throw new IllegalStateException("exploded after " + changes.asMap().keySet());
    });
    assertThatThrownBy(() -> repo.transaction(multi)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exploded after [user, profile, audit_log]");
    assertThat(count(repo, Users.SCHEMA)).isZero();
  }

  @Test
  void runPutOneAllExistsAndInsertOrUpdate(Repo repo) {
    Key<UserStruct> user = Key.named("user");
    Key<String> greeting = Key.named("greeting");
    Key<Integer> length = Key.named("length");
    Key<Optional<UserStruct>> found = Key.named("found");
    Key<List<UserStruct>> everyone = Key.named("everyone");
    Key<Boolean> any = Key.named("any");
    Key<UserStruct> renamed = Key.named("renamed");
    Multi multi = Multi.create()
        .insert(user, Changeset.change(new UserStruct().withName("Ada").withEmail("ada@example.com")))
        .put(greeting, "hello")
        .run(length, (r, changes) -> Result.ok(changes.get(greeting).length()))
        .one(found, changes -> Users.query().where(Users.ID.eq(changes.get(user).id())))
        .all(everyone, Users.query())
        .exists(any, Users.query().where(Users.NAME.eq("Ada")))
        .insertOrUpdate(renamed, changes -> Changeset.change(changes.get(user)).putChange(Users.NAME, "Ada L"));
    Changes changes = repo.transaction(multi).orElseThrow();
    assertThat(changes.get(length)).isEqualTo(5);
    assertThat(changes.get(found)).isPresent();
    assertThat(changes.get(everyone)).hasSize(1);
    assertThat(changes.get(any)).isTrue();
    assertThat(changes.get(renamed).name()).isEqualTo("Ada L");
    assertThat(count(repo, Users.SCHEMA)).isEqualTo(1);
  }

  @Test
  void runMayFail(Repo repo) {
    Multi multi = Multi.create().run(Key.named("check"), (r, changes) -> Result.err("not allowed"));
    assertThat(failure(repo.transaction(multi)).value()).isEqualTo("not allowed");
  }

  @Test
  void mergeBuildsStepsFromEarlierResults(Repo repo) {
    Key<UserStruct> user = Key.named("user");
    Key<UserStruct> second = Key.named("second");
    Multi multi = Multi.create()
        .insert(user, Changeset.change(new UserStruct().withName("Ada").withEmail("ada@example.com")))
        .merge(changes -> Multi.create().insert(second,
            Changeset.change(new UserStruct().withName(changes.get(user).name() + " II").withEmail("ada2@example.com"))));
    Changes changes = repo.transaction(multi).orElseThrow();
    assertThat(changes.get(second).name()).isEqualTo("Ada II");
    assertThat(changes.asMap()).containsOnlyKeys("user", "second");
  }

  @Test
  void appendPrependAndToList() {
    Multi first = Multi.create().put(Key.named("a"), 1);
    Multi second = Multi.create().put(Key.named("b"), 2);
    assertThat(first.append(second).names()).containsExactly("a", "b");
    assertThat(first.prepend(second).names()).containsExactly("b", "a");
    assertThat(Accounts.registration(ADA).toList()).extracting(Multi.Operation::toString)
        .containsExactly("user: insert", "profile: insert", "audit_log: insert");
  }

  @Test
  void duplicateNamesFailWhenBuilt() {
    assertThatThrownBy(() -> Multi.create().put(Key.named("a"), 1).put(Key.named("a"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a step named \"a\" is already in this Multi");
    assertThatThrownBy(() -> Multi.create().put(Key.named("a"), 1).append(Multi.create().put(Key.named("a"), 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anInvalidChangesetFailsWithoutOpeningATransaction(Repo repo) {
    Multi multi = Multi.create()
        .run(Key.named("side_effect"), (r, changes) -> Result.ok(r.insertOrThrow(new UserStruct().withName("x").withEmail("x@y.z"))))
        .insert(Accounts.USER, Accounts.registrationChangeset(new UserStruct(), Map.of()));
    MultiFailure failure = failure(repo.transaction(multi));
    assertThat(failure.step()).isEqualTo(Accounts.USER);
    assertThat(count(repo, Users.SCHEMA)).isZero();
  }

  @Test
  void anEmptyMultiSucceedsWithNoChanges(Repo repo) {
    assertThat(repo.transaction(Multi.create())).isEqualTo(Result.ok(repo.transaction(Multi.create()).orElseThrow()));
    assertThat(repo.transaction(Multi.create()).orElseThrow().asMap()).isEmpty();
  }
}
