package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.Schema;
import io.ecto4j.schema.Writable;
import io.ecto4j.schema.WritableViolation;

/** Ecto's {@code @on_writable_violation :raise}: fields that do not say inherit the schema's answer. */
@Schema(value = "strict_records", onWritableViolation = WritableViolation.RAISE)
public interface StrictRecord {
  @Field(writable = Writable.INSERT) String code();

  @Field(writable = Writable.INSERT, onWritableViolation = WritableViolation.NOTHING) String label();

  @Field(writable = Writable.NEVER) String audit();

  @Field(writable = Writable.INSERT, onWritableViolation = WritableViolation.WARN) String tag();

  @Field String note();
}
