package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** The parent a book belongs to. */
@Schema("publishers")
public interface Publisher {
  Long id();

  @Field(nullable = false) String name();
}
