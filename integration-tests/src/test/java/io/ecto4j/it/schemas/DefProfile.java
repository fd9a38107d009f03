package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** An author's profile. */
@Schema("def_profiles")
public interface DefProfile {
  @Field String name();

  @Field String owner();

  @BelongsTo DefAuthor author();
}
