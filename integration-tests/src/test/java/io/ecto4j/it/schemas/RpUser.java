package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;

/** Ecto's integration {@code User} with its {@code permalink}, for the repo's constraint tests. */
@Schema("rp_users")
public interface RpUser {
  Long id();

  @Field String name();

  @HasOne(foreignKey = "user_id") RpPermalink permalink();
}
