package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasOne;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

@Schema("comments")
@Timestamps
public interface Comment {
  @Field(type = "text") String body();

  @Field String authorName();

  @BelongsTo Post post();

  @BelongsTo User user();

  /** The author of the post this comment is on: has_one through post, then its author. */
  @HasOne(through = {"post", "author"}) User postAuthor();
}
