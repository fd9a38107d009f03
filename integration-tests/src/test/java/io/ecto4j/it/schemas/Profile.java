package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A user's public profile, from the lesson's register_user. */
@Schema("profiles")
public interface Profile {
  Long id();

  @Field(nullable = false) String displayName();

  @BelongsTo(nullable = false) User user();
}
