package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** The profile of a {@link FucAuthor}. */
@Schema("fuc_profiles")
public interface FucProfile {
  @Field String name();

  @BelongsTo FucAuthor author();
}
