package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** The full schema of {@code meta_users}; {@link MetaUserSummary} maps the same table. */
@Schema("meta_users")
public interface MetaUser {
  Long id();

  @Field(nullable = false) String email();

  @Field String name();
}
