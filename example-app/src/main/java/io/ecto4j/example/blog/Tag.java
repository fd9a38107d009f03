package io.ecto4j.example.blog;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** A tag, attached to posts through {@code posts_tags}. */
@Schema("tags")
public interface Tag {
  Long id();

  @Field(nullable = false) String name();
}
