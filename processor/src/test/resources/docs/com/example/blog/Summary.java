package com.example.blog;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A post's one summary ({@code @HasOne}). */
@Schema("summaries")
public interface Summary {
  @Field(type = "text") String text();
  @BelongsTo Post post();
}
