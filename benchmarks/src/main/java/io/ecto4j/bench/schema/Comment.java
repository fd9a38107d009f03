package io.ecto4j.bench.schema;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** A comment on a post. */
@Schema("comments")
@Timestamps
public interface Comment {
  Long id();
  @Field(type = "text") String body();
  @BelongsTo Post post();
}
