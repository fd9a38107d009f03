package io.ecto4j.example.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.changeset.Numbers;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;
import java.util.regex.Pattern;

/** A registered user, the lesson's {@code MyApp.Accounts.User}. */
@Schema("users")
@Timestamps
public interface User {
  Pattern EMAIL = Pattern.compile("^[^\\s]+@[^\\s]+\\.[^\\s]+$");

  Long id();

  @Field String name();

  @Field(unique = true) String email();

  @Field Integer age();

  @Field(virtual = true, redact = true) String password();

  @Field(redact = true) String passwordHash();

  @HasOne Profile profile();

  /** Registration: name, email and password required, a valid email, a password of 8+, a sane age. */
  static Changeset<UserStruct> registrationChangeset(UserStruct user, Map<String, ?> attrs) {
    return Changeset.cast(user, attrs, Users.NAME, Users.EMAIL, Users.AGE, Users.PASSWORD)
        .validateRequired(Users.NAME, Users.EMAIL, Users.PASSWORD)
        .validateFormat(Users.EMAIL, EMAIL, "must be a valid email")
        .validateLength(Users.PASSWORD, Length.min(8))
        .validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150))
        .uniqueConstraint(Users.EMAIL)
        .prepareChanges(User::hashPassword);
  }

  /** Profile edits: a name is required, the age must be sane; nothing else can change here. */
  static Changeset<UserStruct> profileChangeset(UserStruct user, Map<String, ?> attrs) {
    return Changeset.cast(user, attrs, Users.NAME, Users.AGE)
        .validateRequired(Users.NAME)
        .validateNumber(Users.AGE, Numbers.greaterThan(0), Numbers.lessThan(150));
  }

  /** Hashes a changed password just before the write, so an invalid changeset costs no bcrypt. */
  private static Changeset<UserStruct> hashPassword(Changeset<UserStruct> changeset) {
    return changeset.getChange(Users.PASSWORD)
        .map(password -> changeset.putChange(Users.PASSWORD_HASH,
            BCrypt.withDefaults().hashToString(10, password.toCharArray())))
        .orElse(changeset);
  }

  /** Whether {@code password} is the one this user registered with. */
  default boolean checkPassword(String password) {
    return passwordHash() != null && BCrypt.verifyer().verify(password.toCharArray(), passwordHash()).verified;
  }
}
