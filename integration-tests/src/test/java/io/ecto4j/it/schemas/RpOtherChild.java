package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MyPrefixedSchemaWithAssoc}: a prefix of its own, a parent without one. */
@Schema(value = "rp_other_children", prefix = "rp_other")
public interface RpOtherChild {
  Long id();

  @Field Integer n();

  @BelongsTo RpPlainParent parent();
}
