package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

@Schema("tags")
public interface Tag {
  Long id();

  @Field(nullable = false) String name();

  /** Virtual and not redacted: written after the columns. */
  @Field(virtual = true) Integer postCount();
}
