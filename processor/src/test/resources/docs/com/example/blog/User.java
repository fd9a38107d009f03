package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.changeset.Length;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;
import java.util.Map;

/** An author, who registers with a password. */
@Schema("users")
@Timestamps
public interface User {
  @Field String name();
  @Field(unique = true) String email();
  @Field Integer age();
  @Field(virtual = true, redact = true) String password();
  @Field(redact = true) String passwordHash();

  static Changeset<UserStruct> changeset(UserStruct user, Map<String, ?> params) {
    return Changeset.cast(user, params, Users.NAME, Users.PASSWORD).validateRequired(Users.NAME)
        .validateLength(Users.PASSWORD, Length.min(8));
  }

  static Changeset<UserStruct> registrationChangeset(UserStruct user, Map<String, ?> params) {
    return changeset(user, params).cast(params, Users.EMAIL).validateRequired(Users.EMAIL, Users.PASSWORD)
        .uniqueConstraint(Users.EMAIL);
  }
}
