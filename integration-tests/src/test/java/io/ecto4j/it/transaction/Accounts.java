package io.ecto4j.it.transaction;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.it.schemas.AuditLogStruct;
import io.ecto4j.it.schemas.AuditLogs;
import io.ecto4j.it.schemas.ProfileStruct;
import io.ecto4j.it.schemas.Profiles;
import io.ecto4j.it.schemas.UserStruct;
import io.ecto4j.it.schemas.Users;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.Repo;
import java.util.Map;
import java.util.regex.Pattern;

/** The lesson's MyApp.Accounts, register_user as a Multi. */
final class Accounts {
  static final Key<UserStruct> USER = Key.named("user");
  static final Key<ProfileStruct> PROFILE = Key.named("profile");
  static final Key<AuditLogStruct> AUDIT_LOG = Key.named("audit_log");

  private static final Pattern EMAIL = Pattern.compile("^[^\\s]+@[^\\s]+\\.[^\\s]+$");

  private Accounts() {}

  static Changeset<UserStruct> registrationChangeset(UserStruct user, Map<String, ?> attrs) {
    return Changeset.cast(user, attrs, Users.NAME, Users.EMAIL, Users.AGE, Users.PASSWORD)
        .validateRequired(Users.NAME, Users.EMAIL, Users.PASSWORD)
        .validateFormat(Users.EMAIL, EMAIL, "must be a valid email")
        .validateLength(Users.PASSWORD, Length.min(8))
        .validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150))
        .uniqueConstraint(Users.EMAIL);
  }

  static Multi registration(Map<String, ?> attrs) {
    return Multi.create()
        .insert(USER, registrationChangeset(new UserStruct(), attrs))
        .insert(PROFILE, changes -> Changeset.change(new ProfileStruct()
            .withUserId(changes.get(USER).id()).withDisplayName(changes.get(USER).name())))
        .insert(AUDIT_LOG, changes -> Changeset.change(new AuditLogStruct()
            .withAction("user_registered").withUserId(changes.get(USER).id())
            .withMetadata(Map.of("email", changes.get(USER).email()))));
  }

  /** {:ok, user} or {:error, changeset}, as the lesson's case expression returns. */
  static Result<UserStruct, Object> registerUser(Repo repo, Map<String, ?> attrs) {
    Result<Changes, MultiFailure> result = repo.transaction(registration(attrs));
    if (result instanceof Result.Err<Changes, MultiFailure> err) {
      return Result.err(err.error().value());
    }
    return Result.ok(result.orElseThrow().get(USER));
  }
}
