package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MyParent}: a parent schema without a prefix of its own. */
@Schema("rp_plain_parents")
public interface RpPlainParent {
  Long id();

  @Field Integer n();
}
