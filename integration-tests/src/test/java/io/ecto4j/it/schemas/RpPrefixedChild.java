package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MyPrefixedSchemaWithPrefixedAssoc}: a prefix of its own, and a parent with another. */
@Schema(value = "rp_prefixed_children", prefix = "rp_other")
public interface RpPrefixedChild {
  Long id();

  @Field Integer n();

  @BelongsTo RpParent parent();
}
