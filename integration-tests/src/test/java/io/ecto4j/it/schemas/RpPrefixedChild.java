package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MyPrefixedSchemaWithPrefixedAssoc}: a prefix of its own, and a parent with another. */
@Schema(value = "rp_prefixed_children", prefix = "rp_other")
public interface RpPrefixedChild {
  Long id();

  @Field Integer n();

  /**
   * Declared by hand, so the DDL has no REFERENCES: the processor's DDL names a prefixed parent's
   * table without its prefix ("rp_parents", not "rp_private"."rp_parents").
   */
  @Field Long parentId();

  @BelongsTo(defineField = false) RpParent parent();
}
