package io.ecto4j.it.migration.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Timestamps;

/** A schema with a unique field, for the gen-migration tests. */
@Schema("subscribers")
@Timestamps
public interface Subscriber {
  @Field(unique = true, nullable = false) String email();

  @Field(defaultValue = "true") boolean active();
}
