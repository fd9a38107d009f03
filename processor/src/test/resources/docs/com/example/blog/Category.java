package com.example.blog;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A category in a tree: the recursive CTE's example. */
@Schema("categories")
public interface Category {
  @Field String name();
  @BelongsTo Category parent();
}
