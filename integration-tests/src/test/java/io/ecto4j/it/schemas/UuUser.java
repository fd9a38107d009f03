package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's integration {@code User} with its {@code belongs_to :custom} by a {@code :binary_id} key. */
@Schema("uu_users")
public interface UuUser {
  @Field String name();

  @BelongsTo(references = "bid") RpToken custom();
}
