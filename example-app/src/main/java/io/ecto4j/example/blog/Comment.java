package io.ecto4j.example.blog;

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

  @Field String authorName();

  @BelongsTo Post post();
}
