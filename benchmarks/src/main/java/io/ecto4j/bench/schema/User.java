package io.ecto4j.bench.schema;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** A blog user; authors posts. */
@Schema("users")
@Timestamps
public interface User {
  Long id();
  @Field String name();
  @Field String email();
}
