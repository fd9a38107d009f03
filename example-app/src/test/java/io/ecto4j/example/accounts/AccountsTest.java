package io.ecto4j.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.ChangesetError;
import io.ecto4j.example.ExampleDatabase;
import io.ecto4j.query.Aggregate;
import io.ecto4j.repo.Repo;
import io.ecto4j.testing.EctoTest;
import io.ecto4j.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** register_user and the user changesets of the lesson. */
@EctoTest
class AccountsTest {
  private static final Map<String, Object> ADA =
      Map.of("name", "Ada", "email", "ada@example.com", "password", "correct horse", "age", "36");

  private Accounts accounts;

  @BeforeAll
  static void migrate(TestDatabase db) {
    ExampleDatabase.migrate(db);
  }

  @BeforeEach
  void empty(TestDatabase db, Repo repo) throws SQLException {
    ExampleDatabase.truncate(db);
    accounts = new Accounts(repo);
  }

  @Test
  void registerUserWritesUserProfileAndAuditLog(Repo repo) {
    UserStruct ada = accounts.registerUser(ADA).orElseThrow();
    assertThat(ada.age()).isEqualTo(36);
    assertThat(ada.checkPassword("correct horse")).isTrue();
    assertThat(ada.checkPassword("wrong horse")).isFalse();
    UserStruct stored = repo.getOrThrow(Users.SCHEMA, ada.id());
    assertThat(stored.password()).isNull();
    assertThat(stored.passwordHash()).startsWith("$2a$10$");
    assertThat(stored.toString()).contains("passwordHash=**redacted**").doesNotContain("$2a$");
    assertThat(repo.getByOrThrow(Profiles.USER_ID, ada.id()).displayName()).isEqualTo("Ada");
    assertThat(repo.getByOrThrow(AuditLogs.USER_ID, ada.id()).metadata()).containsEntry("email", "ada@example.com");
  }

  @Test
  void anInvalidEmailReturnsTheUserChangesetAndWritesNothing(Repo repo) {
    Result<UserStruct, Changeset<?>> result = accounts.registerUser(Map.of("name", "Ada", "email", "bad-email", "password", "short"));
    assertThat(result.isErr()).isTrue();
    List<ChangesetError> errors = ((Result.Err<UserStruct, Changeset<?>>) result).error().errors();
    assertThat(errors).containsExactly(
        new ChangesetError("password", "should be at least %{count} character(s)",
            Map.of("count", 8, "validation", "length", "kind", "min", "type", "string")),
        new ChangesetError("email", "must be a valid email", Map.of("validation", "format")));
    assertThat(repo.aggregate(Users.query(), Aggregate.count())).isZero();
  }

  @Test
  void aDuplicateEmailIsTaken(Repo repo) {
    accounts.registerUser(ADA).orElseThrow();
    Result<UserStruct, Changeset<?>> twin = accounts.registerUser(ADA);
    assertThat(((Result.Err<UserStruct, Changeset<?>>) twin).error().traverseErrors())
        .isEqualTo(Map.of("email", List.of("has already been taken")));
    assertThat(repo.aggregate(Users.query(), Aggregate.count())).isEqualTo(1L);
  }

  @Test
  void ageMustBeSane() {
    Changeset<UserStruct> changeset = User.registrationChangeset(new UserStruct(),
        Map.of("name", "Old", "email", "old@example.com", "password", "long enough", "age", "150"));
    assertThat(changeset.traverseErrors()).isEqualTo(Map.of("age", List.of("must be less than 150")));
  }

  @Test
  void profileChangesetPermitsOnlyNameAndAge() {
    UserStruct ada = accounts.registerUser(ADA).orElseThrow();
    Result<UserStruct, Changeset<UserStruct>> updated = accounts.updateProfile(ada,
        Map.of("name", "Ada Lovelace", "email", "hijack@example.com", "age", "37"));
    assertThat(updated.orElseThrow().name()).isEqualTo("Ada Lovelace");
    assertThat(updated.orElseThrow().email()).isEqualTo("ada@example.com");
    assertThat(accounts.updateProfile(ada, Map.of("name", " ")).isErr()).isTrue();
  }
}
