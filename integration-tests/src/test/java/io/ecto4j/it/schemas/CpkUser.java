package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A user that posts link to through {@link CpkPostUser}. */
@Schema("cpk_users")
public interface CpkUser {
  @Field String name();
}
