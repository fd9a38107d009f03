package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's integration Comment: on a post, by an author. */
@Schema("sel_comments")
public interface SelComment {
  Long id();

  @Field String text();

  @BelongsTo SelPost post();

  @BelongsTo SelUser author();
}
