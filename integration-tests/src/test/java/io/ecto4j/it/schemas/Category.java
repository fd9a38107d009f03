package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A tree: each category may have a parent category, for recursive CTEs and self-joins. */
@Schema(value = "categories")
public interface Category {
  Long id();

  @Field(nullable = false) String name();

  @BelongsTo Category parent();
}
