package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;

/** Ecto's {@code MySchemaWritableWarn}: a field per {@code writable} value, each warning when a write drops it. */
@Schema("rp_writables")
public interface RpWritable {
  Long id();

  @Field Integer always();

  @Field(writable = Writable.INSERT, onWritableViolation = WritableViolation.WARN) Integer insertOnly();

  @Field(writable = Writable.NEVER, onWritableViolation = WritableViolation.WARN) Integer never();
}
