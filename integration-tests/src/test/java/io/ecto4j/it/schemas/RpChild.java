package io.ecto4j.it.schemas;

import io.ecto4j.schema.BelongsTo;
import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;

/** Ecto's {@code MySchemaWithPrefixedAssoc}: no prefix of its own, a parent with one. */
@Schema("rp_children")
public interface RpChild {
  Long id();

  @Field Integer n();

  /**
   * Declared by hand, so the DDL has no REFERENCES: the processor's DDL names a prefixed parent's
   * table without its prefix ("rp_parents", not "rp_private"."rp_parents").
   */
  @Field Long parentId();

  @BelongsTo(defineField = false) RpParent parent();
}
