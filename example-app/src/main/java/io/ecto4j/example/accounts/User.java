package io.ecto4j.example.accounts;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** A registered user, the lesson's {@code MyApp.Accounts.User}. */
@Schema("users")
@Timestamps
public interface User {
  Long id();

  @Field String name();

  @Field(nullable = false) String email();

  @Field Integer age();

  @Field(virtual = true, redact = true) String password();

  @Field(redact = true) String passwordHash();
}
