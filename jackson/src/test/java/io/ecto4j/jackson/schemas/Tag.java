package io.ecto4j.jackson.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

@Schema("tags")
public interface Tag {
  Long id();

  @Field(nullable = false) String name();
}
