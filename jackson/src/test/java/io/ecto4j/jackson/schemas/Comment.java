package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

@Schema("comments")
public interface Comment {
  Long id();

  @Field(type = "text") String body();

  @BelongsTo Post post();
}
