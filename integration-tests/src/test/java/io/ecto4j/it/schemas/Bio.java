package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** The has_one child of an author. */
@Schema("bios")
public interface Bio {
  Long id();

  @Field(type = "text") String text();

  @BelongsTo Author author();
}
