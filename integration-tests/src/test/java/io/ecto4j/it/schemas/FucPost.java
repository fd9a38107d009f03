package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A post of a {@link FucAuthor}. */
@Schema("fuc_posts")
public interface FucPost {
  @Field String title();

  @BelongsTo FucAuthor author();
}
