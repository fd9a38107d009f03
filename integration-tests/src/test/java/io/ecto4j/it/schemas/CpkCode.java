package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;

/** A natural key: one {@code primary_key: true} field of the user's type instead of a generated id. */
@Schema(value = "cpk_codes", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface CpkCode {
  @Field(primaryKey = true) String code();

  @Field String label();
}
