package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MyParentWithPrefix}: a parent schema in a PostgreSQL schema of its own. */
@Schema(value = "rp_parents", prefix = "rp_private")
public interface RpParent {
  Long id();

  @Field Integer n();
}
