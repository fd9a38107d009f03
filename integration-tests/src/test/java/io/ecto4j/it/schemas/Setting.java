package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.PrimaryKey;
import io.ecto4j.schema.Schema;

/** A schema without a primary key. */
@Schema(value = "settings", primaryKey = @PrimaryKey(type = PrimaryKey.Type.NONE))
public interface Setting {
  @Field(nullable = false) String key();

  @Field(defaultValue = "on") String value();
}
