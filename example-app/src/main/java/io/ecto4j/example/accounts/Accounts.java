package io.ecto4j.example.accounts;

import io.ecto4j.Result;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.multi.Changes;
import io.ecto4j.multi.Key;
import io.ecto4j.multi.Multi;
import io.ecto4j.multi.MultiFailure;
import io.ecto4j.repo.Repo;
import java.util.Map;

/** The Accounts context: registering users, the lesson's {@code MyApp.Accounts}. */
public final class Accounts {
  public static final Key<UserStruct> USER = Key.named("user");
  public static final Key<ProfileStruct> PROFILE = Key.named("profile");
  public static final Key<AuditLogStruct> AUDIT_LOG = Key.named("audit_log");

  private final Repo repo;

  public Accounts(Repo repo) {
    this.repo = repo;
  }

  /** The user, its profile and an audit log entry, all or nothing. */
  public static Multi registration(Map<String, ?> attrs) {
    return Multi.create()
        .insert(USER, User.registrationChangeset(new UserStruct(), attrs))
        .insert(PROFILE, changes -> Profile.changeset(new ProfileStruct(),
            Map.of("userId", changes.get(USER).id(), "displayName", changes.get(USER).name())))
        .insert(AUDIT_LOG, changes -> AuditLog.changeset(new AuditLogStruct(),
            Map.of("action", "user_registered", "userId", changes.get(USER).id(),
                "metadata", Map.of("email", changes.get(USER).email()))));
  }

  /** {@code Ok(user)}, or {@code Err} with the changeset of the step that failed. */
  public Result<UserStruct, Changeset<?>> registerUser(Map<String, ?> attrs) {
    Result<Changes, MultiFailure> result = repo.transaction(registration(attrs));
    if (result instanceof Result.Err<Changes, MultiFailure> err) {
      return Result.err((Changeset<?>) err.error().value());
    }
    return Result.ok(result.orElseThrow().get(USER));
  }

  /** Applies a profile edit. */
  public Result<UserStruct, Changeset<UserStruct>> updateProfile(UserStruct user, Map<String, ?> attrs) {
    return repo.update(User.profileChangeset(user, attrs));
  }
}
